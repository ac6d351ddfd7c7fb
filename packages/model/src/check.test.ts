import { describe, expect, it } from 'vitest';
import { checkFlowTestText, checkFlowText, checkResourcesText } from './check.js';
import { FORMAT_VERSION } from './flow.js';
import { formatFlow, formatResources } from './format.js';
import { minimalFlow, sampleFlows, sampleFlowTest, sampleResources } from './test-support/flows.js';

/** Building 50 MB strings takes seconds on a busy machine; only the parse itself must be quick. */
const BIG_INPUT_TIMEOUT_MS = 60_000;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('checkFlowText', () => {
  it('returns the flow of a clean file with no problems', () => {
    const text = formatFlow(minimalFlow());
    const result = checkFlowText(text, {
      file: 'flows/main.flow.json',
      resources: sampleResources(),
      flows: sampleFlows(),
    });
    expect(result.problems).toEqual([]);
    expect(result.flow).toEqual(minimalFlow());
    expect(result.migratedFrom).toBeUndefined();
  });

  it('stops at a syntax error, with file, line and column', () => {
    const result = checkFlowText('{\n  "id": "main",\n  "name": }', { file: 'main.flow.json' });
    expect(result.flow).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'CF001', file: 'main.flow.json', line: 3, column: 11 }),
    ]);
  });

  it('points schema problems at the offending line and does not lint a flow the schema refuses', () => {
    const flow = minimalFlow();
    flow.blocks.welcome!.settings = { prompt: { text: 'Hi' }, volume: 11 };
    flow.blocks.orphan = { type: 'disconnect', settings: {} }; // unreachable: lint would warn
    const text = formatFlow(flow);
    const result = checkFlowText(text, { file: 'main.flow.json' });
    expect(result.flow).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'CF103',
        path: '/blocks/welcome/settings/volume',
        blockId: 'welcome',
        file: 'main.flow.json',
        line: lineOf(text, '"volume"'),
        column: 9,
      }),
    ]);
  });

  it('falls back to the nearest existing parent for a pointer that is not in the text', () => {
    const flow = minimalFlow() as unknown as Record<string, unknown>;
    delete (flow.blocks as Record<string, Record<string, unknown>>).end!.settings;
    const text = formatFlow(flow as never);
    const [p] = checkFlowText(text).problems;
    expect(p).toMatchObject({ code: 'CF101', path: '/blocks/end/settings', line: lineOf(text, '"end": {') });
  });

  it('runs lint on a schema-clean flow and locates its problems', () => {
    const flow = minimalFlow();
    flow.blocks.welcome!.next = { success: 'nowhere', error: 'end' };
    const text = formatFlow(flow);
    const result = checkFlowText(text, { file: 'main.flow.json' });
    expect(result.flow).toBeDefined();
    const unknownTarget = result.problems.find((p) => p.code === 'CF201');
    expect(unknownTarget).toMatchObject({ file: 'main.flow.json', line: lineOf(text, '"nowhere"') });
  });

  it('hands the file name to lint (a flow id must match its file name)', () => {
    const text = formatFlow(minimalFlow());
    expect(checkFlowText(text, { file: 'flows/other.flow.json' }).problems.map((p) => p.code)).toContain(
      'CF606',
    );
    expect(checkFlowText(text, { file: 'flows\\main.flow.json' }).problems.map((p) => p.code)).not.toContain(
      'CF606',
    );
  });

  it('sorts problems by line', () => {
    const flow = minimalFlow();
    flow.blocks.welcome!.settings = { prompt: { text: '' } };
    (flow as unknown as Record<string, unknown>).name = '';
    flow.layout = { welcome: { x: 'left' as unknown as number, y: 0 } };
    const result = checkFlowText(formatFlow(flow));
    const lines = result.problems.map((p) => p.line!);
    expect(lines.length).toBe(3);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('refuses an unknown format version at its line', () => {
    const text = formatFlow({ ...minimalFlow(), formatVersion: 99 });
    const result = checkFlowText(text);
    expect(result.flow).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'CF003',
        path: '/formatVersion',
        line: lineOf(text, '"formatVersion"'),
      }),
    ]);
  });

  it(
    'refuses a 50 MB file as CF002 without parsing it',
    () => {
      const text = `{"blocks": "${'x'.repeat(50 * 1024 * 1024)}"}`;
      const result = checkFlowText(text, { file: 'big.flow.json' });
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'CF002', file: 'big.flow.json', line: 1 }),
      ]);
    },
    BIG_INPUT_TIMEOUT_MS,
  );

  it('refuses wrong top-level types', () => {
    expect(checkFlowText('[]').problems.map((p) => p.code)).toEqual(['CF004']);
    expect(checkFlowText('{"formatVersion": 1, "id": 5}').problems.map((p) => p.code)).toContain('CF102');
  });
});

describe('checkResourcesText and checkFlowTestText', () => {
  it('return clean documents', () => {
    const resources = checkResourcesText(formatResources(sampleResources()));
    expect(resources).toEqual({ resources: sampleResources(), problems: [] });
    const test = checkFlowTestText(JSON.stringify(sampleFlowTest(), null, 2));
    expect(test).toEqual({ test: sampleFlowTest(), problems: [] });
  });

  it('locate schema problems and refuse other format versions', () => {
    const resources = sampleResources();
    resources.numbers.main!.number = '555-0100';
    const text = formatResources(resources);
    expect(checkResourcesText(text, { file: 'resources.json' }).problems).toEqual([
      expect.objectContaining({ code: 'CF106', file: 'resources.json', line: lineOf(text, '555-0100') }),
    ]);
    const future = checkResourcesText(
      formatResources({ ...sampleResources(), formatVersion: FORMAT_VERSION + 1 }),
    );
    expect(future.problems.map((p) => p.code)).toEqual(['CF003']);
    expect(checkFlowTestText('{"formatVersion": "one"}').problems.map((p) => p.code)).toEqual(['CF003']);
    expect(checkFlowTestText('{"formatVersion": 0}').problems.map((p) => p.code)).toEqual(['CF003']);
    expect(checkFlowTestText('{').problems.map((p) => p.code)).toEqual(['CF001']);
  });
});
