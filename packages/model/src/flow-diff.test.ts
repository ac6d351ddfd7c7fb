import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Flow } from './flow.js';
import { diffFlows, isEmptyDiff } from './flow-diff.js';
import { formatFlowDiff } from './flow-diff-text.js';

const flowsDir = join(import.meta.dirname, '../../../flows');
const samples = readdirSync(flowsDir)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => JSON.parse(readFileSync(join(flowsDir, f), 'utf8')) as Flow);
const sales = () => structuredClone(samples.find((f) => f.id === 'sales-inbound')!);

describe('diffFlows', () => {
  it('finds nothing between a sample flow and itself, nor after every block moved', () => {
    for (const flow of samples) {
      expect(isEmptyDiff(diffFlows(flow, structuredClone(flow))), flow.id).toBe(true);
      const moved = structuredClone(flow);
      for (const p of Object.values(moved.layout ?? {})) {
        p.x += 137;
        p.y -= 50;
      }
      expect(isEmptyDiff(diffFlows(flow, moved)), `${flow.id} moved`).toBe(true);
      expect(formatFlowDiff(diffFlows(flow, moved), { title: flow.id })).toContain('No change in behaviour');
    }
  });

  it('reports added and removed blocks with their wiring', () => {
    const before = sales();
    const after = sales();
    delete after.blocks.goodbye;
    after.blocks['say-thanks'] = {
      type: 'playPrompt',
      settings: { prompt: { text: 'Thanks' } },
      next: { success: 'hang-up' },
    };
    const diff = diffFlows(before, after);
    expect(diff.blocks.find((b) => b.id === 'goodbye')).toMatchObject({
      kind: 'removed',
      type: 'playPrompt',
    });
    expect(diff.blocks.find((b) => b.id === 'say-thanks')).toMatchObject({
      kind: 'added',
      outcomes: [{ outcome: 'success', after: 'hang-up' }],
    });
  });

  it('reports a changed block setting by setting, and its rewired outcomes', () => {
    const before = sales();
    const after = sales();
    const welcome = after.blocks.welcome!;
    (welcome.settings as { prompt: { text: string } }).prompt.text = 'Welcome to Northwind sales.';
    welcome.next = { ...welcome.next, success: 'sales-menu' };
    welcome.label = 'Greeting';
    const diff = diffFlows(before, after);
    expect(diff.blocks).toHaveLength(1);
    const change = diff.blocks[0]!;
    expect(change).toMatchObject({ id: 'welcome', kind: 'changed' });
    expect(change.settings).toEqual([
      {
        path: 'prompt.text',
        before: (before.blocks.welcome!.settings as { prompt: { text: string } }).prompt.text,
        after: 'Welcome to Northwind sales.',
      },
    ]);
    expect(change.outcomes).toEqual([{ outcome: 'success', before: 'check-hours', after: 'sales-menu' }]);
    expect(change.fields).toEqual([{ path: 'label', after: 'Greeting' }]);
    const text = formatFlowDiff(diff, { title: 'sales-inbound' });
    expect(text).toContain('~ block welcome (playPrompt)');
    expect(text).toContain('settings.prompt.text:');
    expect(text).toContain('outcome success: check-hours → sales-menu');
  });

  it('reports variables, the popover and the flow settings, and ignores layout even with other changes', () => {
    const before = structuredClone(samples.find((f) => f.variables && f.popover)!);
    const after = structuredClone(before);
    const [first] = Object.keys(after.variables!);
    after.variables![first!] = { ...after.variables![first!]!, label: 'Changed label' };
    after.variables!.brandNew = { type: 'string' };
    after.popover = [...after.popover!].reverse();
    after.name = 'Renamed';
    for (const p of Object.values(after.layout ?? {})) p.x += 10;
    const diff = diffFlows(before, after);
    expect(diff.variables).toEqual([
      {
        name: first,
        kind: 'changed',
        fields: [expect.objectContaining({ path: 'label', after: 'Changed label' })],
      },
      { name: 'brandNew', kind: 'added', fields: [] },
    ]);
    expect(diff.popover).toEqual({ before: before.popover, after: after.popover });
    expect(diff.flow).toEqual([{ path: 'name', before: before.name, after: 'Renamed' }]);
    expect(diff.blocks).toEqual([]);
    const md = formatFlowDiff(diff, { title: 'x', markdown: true });
    expect(md).toMatch(/^### x\n/);
    expect(md).toContain('- **added** variable `brandNew`');
    expect(md).toContain('- **changed** popover');
  });

  it('compares a list item by item when its length is unchanged, whole otherwise', () => {
    const before = sales();
    const after = sales();
    const menu = after.blocks['sales-menu']!.settings as { options: { digit: string }[] };
    menu.options[1]!.digit = '9';
    let diff = diffFlows(before, after);
    expect(diff.blocks[0]!.settings.map((s) => s.path)).toEqual(['options[1].digit']);
    menu.options.pop();
    diff = diffFlows(before, after);
    expect(diff.blocks[0]!.settings.map((s) => s.path)).toEqual(['options']);
  });
});
