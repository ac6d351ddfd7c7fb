import { describe, expect, it } from 'vitest';
import { checkFlowText } from './check.js';
import { type Flow, FORMAT_VERSION } from './flow.js';
import { mergeFlows } from './flow-merge.js';
import { blockOf } from './test-support/flows.js';

/** A small sales line: the blocks, variables, popover and layout people edit side by side. */
const base: Flow = {
  formatVersion: FORMAT_VERSION,
  id: 'sales-inbound',
  name: 'Sales',
  type: 'inbound',
  description: 'The sales line.',
  start: 'welcome',
  variables: {
    accountNumber: { type: 'string', label: 'Account number', agentViewable: true },
    customerTier: { type: 'string', label: 'Tier', default: 'standard', agentViewable: true },
    callReason: { type: 'string', label: 'Reason', agentViewable: true },
    verified: { type: 'boolean', label: 'Verified', default: false, agentViewable: true },
  },
  popover: ['accountNumber', 'customerTier', 'callReason', 'verified'],
  blocks: {
    welcome: blockOf('playPrompt', { success: 'enter-account', error: 'hang-up' }),
    'enter-account': {
      ...blockOf('getDigits', {
        success: 'sales-menu',
        timeout: 'hang-up',
        invalid: 'hang-up',
        error: 'hang-up',
      }),
      settings: { ...blockOf('getDigits').settings, variable: 'accountNumber', timeoutSeconds: 7 },
    },
    'sales-menu': blockOf('playPrompt', { success: 'callback-confirmed', error: 'hang-up' }),
    'callback-confirmed': blockOf('playPrompt', { success: 'hang-up', error: 'hang-up' }),
    'hang-up': blockOf('disconnect'),
  },
  layout: {
    welcome: { x: 0, y: 0 },
    'enter-account': { x: 200, y: 0 },
    'sales-menu': { x: 400, y: 0 },
    'callback-confirmed': { x: 600, y: 0 },
    'hang-up': { x: 800, y: 0 },
  },
};

/** A copy of the base edited by `change` (the base is never touched). */
function edited(change: (flow: Flow) => void): Flow {
  const flow = JSON.parse(JSON.stringify(base)) as Flow;
  change(flow);
  return flow;
}

describe('mergeFlows', () => {
  it('takes both sides when they changed different blocks, variables, settings and positions', () => {
    const mine = edited((f) => {
      f.blocks.welcome!.label = 'Greeting';
      f.variables!.customerTier!.default = 'gold';
      f.layout!.welcome = { x: 1, y: 2 };
    });
    const theirs = edited((f) => {
      f.blocks['enter-account']!.settings!.timeoutSeconds = 9;
      f.name = 'Sales (renamed)';
      f.layout!['enter-account'] = { x: 3, y: 4 };
      delete f.variables!.verified;
      f.popover = f.popover!.filter((v) => v !== 'verified');
    });
    const { flow, conflicts, fromTheirs } = mergeFlows(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(flow.blocks.welcome!.label).toBe('Greeting');
    expect(flow.blocks['enter-account']!.settings!.timeoutSeconds).toBe(9);
    expect(flow.variables!.customerTier!.default).toBe('gold');
    expect(flow.variables!.verified).toBeUndefined();
    expect(flow.name).toBe('Sales (renamed)');
    expect(flow.layout!.welcome).toEqual({ x: 1, y: 2 });
    expect(flow.layout!['enter-account']).toEqual({ x: 3, y: 4 });
    expect(fromTheirs.map((u) => `${u.kind}:${u.key}`).sort()).toEqual([
      'block:enter-account',
      'setting:name',
      'setting:popover',
      'variable:verified',
    ]);
    // Everything else is exactly as both sides had it, in the same order.
    expect(Object.keys(flow)).toEqual(Object.keys(theirs));
    expect(Object.keys(flow.blocks)).toEqual(Object.keys(base.blocks));
    expect(
      checkFlowText(JSON.stringify(flow)).problems.filter(
        (p) => p.severity === 'error' && p.code.startsWith('CF1'),
      ),
    ).toEqual([]);
  });

  it('is theirs when only they changed anything, and mine when only I did', () => {
    const theirs = edited((f) => {
      f.description = 'New.';
    });
    expect(mergeFlows(base, base, theirs).flow).toEqual(theirs);
    expect(mergeFlows(base, theirs, base).flow).toEqual(theirs);
    expect(mergeFlows(base, theirs, base).fromTheirs).toEqual([]);
  });

  it('is no conflict when both made the same change', () => {
    const change = (f: Flow) => {
      f.blocks.welcome!.label = 'Same';
    };
    const result = mergeFlows(base, edited(change), edited(change));
    expect(result.conflicts).toEqual([]);
    expect(result.flow.blocks.welcome!.label).toBe('Same');
  });

  it('asks only about the block both changed, and applies the choice for it', () => {
    const mine = edited((f) => {
      f.blocks.welcome!.label = 'Mine';
      f.blocks['enter-account']!.settings!.retries = 1;
      f.layout!.welcome = { x: 10, y: 10 };
    });
    const theirs = edited((f) => {
      f.blocks.welcome!.label = 'Theirs';
      f.name = 'Renamed';
      f.layout!.welcome = { x: 20, y: 20 };
    });
    const asked = mergeFlows(base, mine, theirs);
    expect(asked.conflicts.map((c) => `${c.kind}:${c.key}`)).toEqual(['block:welcome']);
    expect(asked.conflicts[0]).toMatchObject({
      mine: { label: 'Mine' },
      theirs: { label: 'Theirs' },
    });
    // Mine unless told otherwise; the position goes with the block.
    expect(asked.flow.blocks.welcome!.label).toBe('Mine');
    expect(asked.flow.layout!.welcome).toEqual({ x: 10, y: 10 });
    const chosen = mergeFlows(base, mine, theirs, { 'block:welcome': 'theirs' });
    expect(chosen.flow.blocks.welcome!.label).toBe('Theirs');
    expect(chosen.flow.layout!.welcome).toEqual({ x: 20, y: 20 });
    // What did not conflict is merged either way.
    for (const { flow } of [asked, chosen]) {
      expect(flow.blocks['enter-account']!.settings!.retries).toBe(1);
      expect(flow.name).toBe('Renamed');
    }
  });

  it('treats a block deleted on one side and changed on the other as a conflict', () => {
    const mine = edited((f) => {
      delete f.blocks.welcome;
      delete f.layout!.welcome;
    });
    const theirs = edited((f) => {
      f.blocks.welcome!.label = 'Kept';
    });
    const result = mergeFlows(base, mine, theirs);
    expect(result.conflicts).toMatchObject([{ kind: 'block', key: 'welcome', mine: undefined }]);
    expect(result.flow.blocks.welcome).toBeUndefined();
    expect(result.flow.layout!.welcome).toBeUndefined();
    const kept = mergeFlows(base, mine, theirs, { 'block:welcome': 'theirs' });
    expect(kept.flow.blocks.welcome!.label).toBe('Kept');
    expect(kept.flow.layout!.welcome).toEqual(base.layout!.welcome);
  });

  it('keeps blocks added on each side, and a block deleted on one side only is deleted', () => {
    const added = blockOf('disconnect');
    const mine = edited((f) => {
      f.blocks['mine-added'] = added;
      f.layout!['mine-added'] = { x: 0, y: 0 };
    });
    const theirs = edited((f) => {
      f.blocks['theirs-added'] = added;
      delete f.blocks['callback-confirmed'];
      delete f.layout!['callback-confirmed'];
      f.blocks['sales-menu']!.next = { success: 'hang-up', error: 'hang-up' };
    });
    const { flow, conflicts } = mergeFlows(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(Object.keys(flow.blocks).slice(-2)).toEqual(['theirs-added', 'mine-added']);
    expect(flow.layout!['mine-added']).toEqual({ x: 0, y: 0 });
    expect(flow.blocks['callback-confirmed']).toBeUndefined();
    expect(flow.layout!['callback-confirmed']).toBeUndefined();
  });

  it('with no known base, asks about every difference', () => {
    const mine = edited((f) => {
      f.name = 'A';
    });
    const theirs = edited((f) => {
      f.description = 'B';
    });
    const result = mergeFlows(null, mine, theirs);
    expect(result.conflicts.map((c) => `${c.kind}:${c.key}`).sort()).toEqual([
      'setting:description',
      'setting:name',
    ]);
  });
});
