import type { Problem } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { countProblems, formatHuman, formatJson, summaryLine } from './report.js';

const p = (extra: Partial<Problem> & Pick<Problem, 'code'>): Problem => ({
  severity: 'error',
  message: `message ${extra.code}`,
  path: '',
  ...extra,
});

describe('problem reports', () => {
  it('prints one line per problem, sorted by file and position, a blank line between files', () => {
    const text = formatHuman([
      p({ code: 'CF300', file: 'b.flow.json', line: 3, column: 5 }),
      p({ code: 'CF204', severity: 'warning', file: 'a.flow.json', line: 9, column: 1 }),
      p({ code: 'CF202', file: 'a.flow.json', line: 2, column: 7 }),
    ]);
    expect(text).toBe(
      [
        'a.flow.json:2:7  error    CF202  message CF202',
        'a.flow.json:9:1  warning  CF204  message CF204',
        '',
        'b.flow.json:3:5  error    CF300  message CF300',
        '',
      ].join('\n'),
    );
  });

  it('shows the file alone, and the pointer, when a problem has no position', () => {
    expect(formatHuman([p({ code: 'CF006', file: 'x.flow.json' })])).toBe(
      'x.flow.json  error    CF006  message CF006\n',
    );
    expect(formatHuman([p({ code: 'CF100', file: 'x.flow.json', path: '/blocks/a' })])).toBe(
      'x.flow.json  error    CF100  message CF100 (at /blocks/a)\n',
    );
    expect(formatHuman([])).toBe('');
  });

  it('prints JSON with every key, null for what is unknown', () => {
    const [entry] = JSON.parse(formatJson([p({ code: 'CF202', blockId: 'greet', path: '/blocks/greet' })]));
    expect(entry).toEqual({
      code: 'CF202',
      severity: 'error',
      message: 'message CF202',
      path: '/blocks/greet',
      blockId: 'greet',
      file: null,
      line: null,
      column: null,
    });
  });

  it('counts errors and warnings for the summary line', () => {
    const counts = countProblems([p({ code: 'CF202' }), p({ code: 'CF204', severity: 'warning' })]);
    expect(counts).toEqual({ errors: 1, warnings: 1 });
    expect(summaryLine(counts, 3)).toBe('1 error, 1 warning in 3 files checked.');
    expect(summaryLine({ errors: 0, warnings: 0 }, 1)).toBe('1 file checked: no problems.');
  });
});
