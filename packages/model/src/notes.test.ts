import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlowText } from './check.js';
import { type Flow, MAX_NOTE_TEXT } from './flow.js';
import { changesBehaviour, diffFlows, isEmptyDiff } from './flow-diff.js';
import { formatFlowDiff } from './flow-diff-text.js';
import { mergeFlows } from './flow-merge.js';
import { formatFlow } from './format.js';

const flowsDir = join(import.meta.dirname, '../../../flows');
const sales = (): Flow => JSON.parse(readFileSync(join(flowsDir, 'sales-inbound.flow.json'), 'utf8')) as Flow;
const withNotes = (notes: Flow['notes']): Flow => ({ ...sales(), notes });
const problemsOf = (flow: Flow) => checkFlowText(formatFlow(flow)).problems;

describe('notes in the flow file', () => {
  it('are valid beside the layout, free or attached to a block', () => {
    const flow = withNotes({
      'free-tip': { text: 'Ask Dana before changing the menu.', x: 10, y: -40 },
      'welcome-tip': { text: 'Greets in two languages.', color: 'blue', block: 'welcome', x: 0, y: -140 },
    });
    expect(problemsOf(flow)).toEqual([]);
  });

  it('refuse text over the limit with a coded, located problem', () => {
    const flow = withNotes({ long: { text: 'x'.repeat(MAX_NOTE_TEXT + 1), x: 0, y: 0 } });
    const problems = problemsOf(flow);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'CF105', path: '/notes/long/text', severity: 'error' });
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(problemsOf(withNotes({ long: { text: 'x'.repeat(MAX_NOTE_TEXT), x: 0, y: 0 } }))).toEqual([]);
  });

  it('refuse an unknown colour, a bad id and a note without a place', () => {
    const flow = JSON.parse(
      formatFlow(withNotes({ Bad_Id: { text: 'a', x: 0, y: 0 }, tip: { text: 'b', x: 0, y: 0 } })),
    ) as { notes: Record<string, Record<string, unknown>> };
    flow.notes.tip!.color = 'purple';
    delete flow.notes.tip!.y;
    const codes = checkFlowText(JSON.stringify(flow)).problems.map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(
      expect.arrayContaining(['CF106 /notes/Bad_Id', 'CF104 /notes/tip/color', 'CF101 /notes/tip/y']),
    );
  });

  it('warn (CF220) about a note attached to a block that does not exist', () => {
    const problems = problemsOf(withNotes({ tip: { text: 'a', block: 'old-menu', x: 0, y: 0 } }));
    expect(problems.map((p) => `${p.code} ${p.severity} ${p.path}`)).toEqual([
      'CF220 warning /notes/tip/block',
    ]);
  });

  it('are written in canonical order: after the layout, sorted by id, keys in a fixed order, whole pixels', () => {
    const flow = withNotes({
      zeta: { y: 2.6, x: 1.2, block: 'welcome', color: 'pink', text: 'last' } as never,
      alpha: { text: 'first', x: 0, y: 0 },
    });
    const text = formatFlow(flow);
    expect(text.indexOf('"notes"')).toBeGreaterThan(text.indexOf('"layout"'));
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text).toContain(
      '"zeta": {\n      "text": "last",\n      "color": "pink",\n      "block": "welcome",\n      "x": 1,\n      "y": 3\n    }',
    );
    expect(formatFlow(JSON.parse(text) as Flow)).toBe(text);
  });
});

describe('notes in diffs', () => {
  const before = withNotes({
    tip: { text: 'Greets in two languages.', block: 'welcome', x: 0, y: -140 },
    old: { text: 'Remove after the launch.', x: 5, y: 5 },
  });

  it('a note moved or a block with a note moved diffs as nothing', () => {
    const after = structuredClone(before);
    after.notes!.tip!.x += 300;
    after.notes!.old!.y -= 80;
    after.layout!.welcome!.x += 500;
    const diff = diffFlows(before, after);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatFlowDiff(diff, { title: 't' })).toContain('No change in behaviour');
  });

  it('reports notes added, removed and changed, and says they change no behaviour', () => {
    const after = structuredClone(before);
    delete after.notes!.old;
    after.notes!.tip!.text = 'Greets in three languages.';
    after.notes!.tip!.color = 'green';
    after.notes!.fresh = { text: 'New hours from May.', x: 0, y: 0 };
    const diff = diffFlows(before, after);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(changesBehaviour(diff)).toBe(false);
    expect(diff.blocks).toEqual([]);
    expect(diff.notes).toEqual([
      {
        id: 'tip',
        kind: 'changed',
        text: 'Greets in three languages.',
        fields: [
          { path: 'text', before: 'Greets in two languages.', after: 'Greets in three languages.' },
          { path: 'color', after: 'green' },
        ],
      },
      { id: 'old', kind: 'removed', text: 'Remove after the launch.', fields: [] },
      { id: 'fresh', kind: 'added', text: 'New hours from May.', fields: [] },
    ]);
    const text = formatFlowDiff(diff, { title: 'sales-inbound' });
    expect(text).toContain('1 note added, 1 note removed, 1 note changed.');
    expect(text).toContain('Notes only: no change in behaviour.');
    expect(text).toContain('~ note tip "Greets in three languages."');
    expect(text).toContain('    text: "Greets in two languages." → "Greets in three languages."');
    expect(text).toContain('- note old "Remove after the launch."');
    expect(text).toContain('+ note fresh "New hours from May."');
    expect(formatFlowDiff(diff, { title: 'x', markdown: true })).toContain(
      '- **added** note `fresh` `"New hours from May."`',
    );
  });

  it('reports a note attached to another block, or detached', () => {
    const after = structuredClone(before);
    after.notes!.tip!.block = 'goodbye';
    after.notes!.old!.block = 'welcome';
    const diff = diffFlows(before, after);
    expect(diff.notes.map((n) => [n.id, n.fields])).toEqual([
      ['tip', [{ path: 'block', before: 'welcome', after: 'goodbye' }]],
      ['old', [{ path: 'block', after: 'welcome' }]],
    ]);
  });
});

describe('notes in a three-way merge', () => {
  it('merges note by note: each side keeps the notes it edited', () => {
    const base = withNotes({ a: { text: 'A', x: 0, y: 0 }, b: { text: 'B', x: 0, y: 0 } });
    const mine = structuredClone(base);
    mine.notes!.a!.text = 'A mine';
    const theirs = structuredClone(base);
    theirs.notes!.b!.text = 'B theirs';
    theirs.notes!.c = { text: 'C theirs', x: 1, y: 1 };
    const merged = mergeFlows(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.flow.notes).toEqual({
      a: { text: 'A mine', x: 0, y: 0 },
      b: { text: 'B theirs', x: 0, y: 0 },
      c: { text: 'C theirs', x: 1, y: 1 },
    });
    expect(merged.fromTheirs).toEqual([
      { kind: 'note', key: 'b' },
      { kind: 'note', key: 'c' },
    ]);
  });

  it('asks about a note both sides changed differently', () => {
    const base = withNotes({ a: { text: 'A', x: 0, y: 0 } });
    const mine = withNotes({ a: { text: 'A mine', x: 0, y: 0 } });
    const theirs = withNotes({ a: { text: 'A theirs', x: 0, y: 0 } });
    const merged = mergeFlows(base, mine, theirs, { 'note:a': 'theirs' });
    expect(merged.conflicts.map((c) => `${c.kind}:${c.key}`)).toEqual(['note:a']);
    expect(merged.flow.notes?.a?.text).toBe('A theirs');
  });
});
