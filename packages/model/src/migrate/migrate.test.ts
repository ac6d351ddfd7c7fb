import { describe, expect, it } from 'vitest';
import { checkFlowText } from '../check.js';
import { FORMAT_VERSION } from '../flow.js';
import { minimalFlow } from '../test-support/flows.js';
import { validateFlowSchema } from '../validate.js';
import { blocksMap } from './0001-blocks-map.js';
import { MIGRATIONS, migrateFlow } from './index.js';

/** A flow as written before the first release (format version 0). */
function versionZeroFlow(): Record<string, unknown> {
  return {
    formatVersion: 0,
    id: 'main',
    name: 'Main line',
    type: 'inbound',
    startBlock: 'welcome',
    blocks: [
      {
        id: 'welcome',
        type: 'playPrompt',
        settings: { prompt: { text: 'Hello' } },
        transitions: { success: 'bye', error: 'bye' },
        position: { x: 10, y: 20 },
      },
      { id: 'bye', type: 'disconnect', settings: {}, position: { x: 250, y: 20 } },
    ],
  };
}

describe('MIGRATIONS', () => {
  it('form one chain from version 0 to the current format version', () => {
    expect(MIGRATIONS[0]?.from).toBe(0);
    for (const [i, m] of MIGRATIONS.entries()) {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(MIGRATIONS[i - 1]?.to);
      expect(m.description.length).toBeGreaterThan(10);
    }
    expect(MIGRATIONS.at(-1)?.to).toBe(FORMAT_VERSION);
  });
});

describe('0001: blocks array -> map keyed by id', () => {
  it('upgrades a version 0 flow to a valid current flow', () => {
    const input = versionZeroFlow();
    const before = JSON.stringify(input);
    const result = migrateFlow(input);
    expect(result.problems).toEqual([]);
    expect(result.fromVersion).toBe(0);
    expect(result.applied).toEqual([blocksMap]);
    expect(result.value).toEqual({
      formatVersion: 1,
      id: 'main',
      name: 'Main line',
      type: 'inbound',
      start: 'welcome',
      blocks: {
        welcome: {
          type: 'playPrompt',
          settings: { prompt: { text: 'Hello' } },
          next: { success: 'bye', error: 'bye' },
        },
        bye: { type: 'disconnect', settings: {} },
      },
      layout: { welcome: { x: 10, y: 20 }, bye: { x: 250, y: 20 } },
    });
    expect(validateFlowSchema(result.value)).toEqual([]);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('treats a missing formatVersion as version 0', () => {
    const { formatVersion: _, ...input } = versionZeroFlow();
    const result = migrateFlow(input);
    expect(result.fromVersion).toBe(0);
    expect(validateFlowSchema(result.value)).toEqual([]);
  });

  it('loads a current-shaped file that only lacks formatVersion', () => {
    const { formatVersion: _, ...current } = minimalFlow();
    const result = migrateFlow(current);
    expect(result.fromVersion).toBe(0);
    expect(result.value).toEqual(minimalFlow());
  });

  it('loses no block: missing and repeated ids get numbered ids, odd entries are kept for the schema to report', () => {
    const input = versionZeroFlow();
    (input.blocks as unknown[]).push(
      { type: 'disconnect', settings: {} },
      { id: 'bye', type: 'disconnect', settings: {} },
      'junk',
    );
    const value = migrateFlow(input).value as { blocks: Record<string, unknown> };
    expect(Object.keys(value.blocks)).toEqual(['welcome', 'bye', 'block-3', 'bye-2', 'block-5']);
    expect(value.blocks['block-5']).toBe('junk');
    expect(validateFlowSchema(value).map((p) => `${p.code} ${p.path}`)).toEqual(['CF102 /blocks/block-5']);
  });

  it('keeps a leftover startBlock that disagrees with start, so that the schema reports it', () => {
    const input = { ...versionZeroFlow(), start: 'bye' };
    const value = migrateFlow(input).value as Record<string, unknown>;
    expect(value.start).toBe('bye');
    expect(validateFlowSchema(value).map((p) => `${p.code} ${p.path}`)).toEqual(['CF103 /startBlock']);
  });

  it('leaves a document whose blocks are not a list to the schema', () => {
    const result = migrateFlow({ formatVersion: 0, blocks: 'none' });
    expect(result.value).toEqual({ formatVersion: 1, blocks: 'none' });
  });

  it('maps pointers of the upgraded flow back to the text as written', () => {
    const { sourcePointer } = migrateFlow(versionZeroFlow());
    expect(sourcePointer('/start')).toBe('/startBlock');
    expect(sourcePointer('/blocks/bye/settings')).toBe('/blocks/1/settings');
    expect(sourcePointer('/blocks/welcome/next/success')).toBe('/blocks/0/transitions/success');
    expect(sourcePointer('/layout/bye/x')).toBe('/blocks/1/position/x');
    expect(sourcePointer('/blocks/nowhere')).toBe('/blocks');
    expect(sourcePointer('/name')).toBe('/name');
  });

  it('lets checkFlowText load a version 0 file and point at its own lines', () => {
    const input = versionZeroFlow();
    ((input.blocks as Record<string, unknown>[])[0]!.settings as Record<string, unknown>).prompt = {
      text: '',
    };
    const text = JSON.stringify(input, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"text": ""')) + 1;
    const result = checkFlowText(text, { file: 'main.flow.json' });
    expect(result.migratedFrom).toBe(0);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'CF105',
        path: '/blocks/welcome/settings/prompt/text',
        line,
        column: 11,
      }),
    ]);
    const clean = checkFlowText(JSON.stringify(versionZeroFlow()));
    expect(clean.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(clean.flow?.blocks.welcome?.next).toEqual({ success: 'bye', error: 'bye' });
  });
});

describe('format version checks', () => {
  it.each([
    [99, /newer than this callflow understands/],
    [FORMAT_VERSION + 1, /Upgrade callflow/],
    ['1', /whole number/],
    [1.5, /whole number/],
    [null, /whole number/],
    [-1, /does not exist/],
  ])('refuses formatVersion %j as CF003', (version, message) => {
    const result = migrateFlow({ ...versionZeroFlow(), formatVersion: version });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'CF003', path: '/formatVersion' })]);
    expect(result.problems[0]?.message).toMatch(message);
    expect(result.applied).toEqual([]);
  });

  it('returns a current document unchanged', () => {
    const doc = { formatVersion: FORMAT_VERSION, id: 'x' };
    const result = migrateFlow(doc);
    expect(result.value).toBe(doc);
    expect(result.applied).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('does nothing to a value that is not an object', () => {
    expect(migrateFlow([1, 2])).toMatchObject({ value: [1, 2], problems: [], applied: [] });
  });
});
