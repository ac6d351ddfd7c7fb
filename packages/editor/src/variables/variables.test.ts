import type { Flow } from '@callflow/model';
import { lintFlow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { removeParameter, renameParameter, setParameter } from './module-edits';
import { popoverPreview, popoverSizeNote, variableProblems } from './popover';
import { parseDefault } from './variable-defaults';
import {
  checkVariableName,
  declareVariable,
  movePopoverEntry,
  removeVariable,
  renameVariable,
  setInPopover,
} from './variable-edits';

function flow(): Flow {
  return {
    formatVersion: 1,
    id: 'f',
    name: 'F',
    type: 'inbound',
    start: 'set',
    variables: {
      tier: { type: 'string', label: 'Tier', agentViewable: true, default: 'gold' },
      account: { type: 'string', label: 'Account', agentViewable: true },
      pin: { type: 'string', label: 'PIN', agentViewable: true, secure: true },
      reason: { type: 'string', label: 'Reason', agentViewable: true },
    },
    popover: ['tier', 'pin', 'account'],
    blocks: {
      set: {
        type: 'setVariables',
        settings: { assignments: [{ variable: 'tier', value: { variable: 'account' } }] },
        next: { success: 'check', error: 'check' },
      },
      check: {
        type: 'checkVariable',
        settings: {
          rules: [
            { outcome: 'vip', when: { variable: 'tier', operator: 'equals', value: { value: 'gold' } } },
          ],
        },
      },
      say: { type: 'playPrompt', settings: { prompt: { text: 'Your tier is {{ tier }}.' } } },
    },
  };
}

describe('popover preview', () => {
  it('shows what the agent sees: labels, order, defaults, never secure variables', () => {
    const preview = popoverPreview(flow());
    expect(preview.entries.map((e) => [e.label, e.value])).toEqual([
      ['Tier', 'gold'],
      ['Account', null],
    ]);
    expect(preview.hidden).toEqual([{ name: 'pin', why: 'secure variables are never shown' }]);
  });

  it('shows the rules the popover breaks, from lint', () => {
    const { popover } = variableProblems(lintFlow(flow()));
    expect(popover.map((p) => p.code)).toContain('CF402');
    expect(popoverSizeNote(2)).toMatch(/at least 3/);
    expect(popoverSizeNote(7)).toMatch(/at most 6/);
    expect(popoverSizeNote(4)).toBeNull();
  });

  it('reorders, adds and removes popover entries', () => {
    const moved = movePopoverEntry(flow(), 2, 0);
    expect(moved.popover).toEqual(['account', 'tier', 'pin']);
    expect(setInPopover(moved, 'reason', true).popover).toEqual(['account', 'tier', 'pin', 'reason']);
    expect(setInPopover(moved, 'pin', false).popover).toEqual(['account', 'tier']);
  });
});

describe('variable edits', () => {
  it('renames a variable in every block that refers to it, and in the popover', () => {
    const renamed = renameVariable(flow(), 'tier', 'customerTier');
    expect(Object.keys(renamed.variables!)).toEqual(['customerTier', 'account', 'pin', 'reason']);
    expect(renamed.popover?.[0]).toBe('customerTier');
    expect(renamed.blocks.set?.settings).toEqual({
      assignments: [{ variable: 'customerTier', value: { variable: 'account' } }],
    });
    expect(JSON.stringify(renamed.blocks.check?.settings)).toContain('"variable":"customerTier"');
    expect(renamed.blocks.say?.settings).toEqual({ prompt: { text: 'Your tier is {{customerTier}}.' } });
  });

  it('refuses names that clash or are malformed', () => {
    expect(checkVariableName(flow(), 'account')).toMatch(/already exists/);
    expect(checkVariableName(flow(), '9lives')).not.toBeNull();
    expect(checkVariableName(flow(), 'fresh')).toBeNull();
  });

  it('declares and removes variables (removing also leaves the popover)', () => {
    expect(declareVariable(flow(), 'fresh').variables?.fresh).toEqual({ type: 'string' });
    const removed = removeVariable(flow(), 'pin');
    expect(removed.variables).not.toHaveProperty('pin');
    expect(removed.popover).toEqual(['tier', 'account']);
  });

  it('reads typed defaults and refuses text that does not fit the type', () => {
    expect(parseDefault('42', 'integer')).toEqual({ ok: true, value: 42 });
    expect(parseDefault('4.2', 'integer').ok).toBe(false);
    expect(parseDefault('true', 'boolean')).toEqual({ ok: true, value: true });
    expect(parseDefault('{"a":1}', 'json')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseDefault('', 'string')).toEqual({ ok: true, value: undefined });
  });
});

describe('module parameters', () => {
  const module: Flow = {
    ...flow(),
    type: 'module',
    module: { inputs: { account: { type: 'string', required: true } } },
  };

  it('adds, renames and removes inputs and outputs', () => {
    const withOutput = setParameter(module, 'outputs', 'verified', { type: 'boolean' });
    expect(withOutput.module?.outputs).toEqual({ verified: { type: 'boolean' } });
    expect(renameParameter(withOutput, 'inputs', 'account', 'accountNumber').module?.inputs).toEqual({
      accountNumber: { type: 'string', required: true },
    });
    const none = removeParameter(removeParameter(withOutput, 'outputs', 'verified'), 'inputs', 'account');
    expect(none).not.toHaveProperty('module');
  });
});
