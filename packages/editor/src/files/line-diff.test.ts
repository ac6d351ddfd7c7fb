import { describe, expect, it } from 'vitest';
import { compactDiff, lineDiff } from './line-diff';

describe('line diff', () => {
  it('marks lines removed from mine and added in theirs', () => {
    const diff = lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(diff.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('is all "same" for equal texts', () => {
    expect(lineDiff('x\ny', 'x\ny').every((l) => l.kind === 'same')).toBe(true);
  });

  it('shows changes with a little context and elides the rest', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const compact = compactDiff(lineDiff(before, after), 1);
    expect(compact[0]).toEqual({ kind: 'gap' });
    expect(compact.filter((l) => l.kind !== 'gap')).toHaveLength(4);
  });
});
