import { describe, expect, it } from 'vitest';
import { addBlock, newFlow } from '../flow/flow-edits';
import { isDirty, useEditorStore } from './flow-store';
import {
  keepLiving,
  NO_PENDING_EDITS,
  type PendingEdit,
  pendingProblem,
  pendingSummary,
  withPending,
} from './pending-edits';

const jsonEdit: PendingEdit = {
  where: 'the JSON view',
  text: 'x{',
  tab: 'json',
  problem: pendingProblem('CF001', 'Invalid JSON at line 1, column 1: Unexpected token.', ''),
};

function blockEdit(blockId: string): PendingEdit {
  return {
    where: `Timeout of block ${blockId}`,
    text: '7.5',
    tab: 'properties',
    problem: pendingProblem(
      'CF102',
      '"7.5" is not a whole number.',
      `/blocks/${blockId}/settings/timeoutSeconds`,
      blockId,
    ),
  };
}

describe('pending edits', () => {
  it('adds, keeps identical entries as the same object, and clears back to none', () => {
    const one = withPending(NO_PENDING_EDITS, 'json', jsonEdit);
    expect(one).toEqual({ json: jsonEdit });
    expect(withPending(one, 'json', { ...jsonEdit })).toBe(one);
    expect(withPending(one, 'json', null)).toBe(NO_PENDING_EDITS);
    expect(withPending(NO_PENDING_EDITS, 'json', null)).toBe(NO_PENDING_EDITS);
  });

  it('drops the edits of a block that is gone, and keeps the others', () => {
    const { flow, id } = addBlock(newFlow('f', 'F', 'inbound'), 'playPrompt', { x: 0, y: 0 });
    const pending = withPending(withPending(NO_PENDING_EDITS, 'json', jsonEdit), 'a', blockEdit('gone'));
    const withLiving = withPending(pending, 'b', blockEdit(id));
    expect(Object.keys(keepLiving(withLiving, flow)).sort()).toEqual(['b', 'json']);
  });

  it('names where each edit is when a save is refused', () => {
    expect(pendingSummary({ json: jsonEdit })).toBe(
      'the JSON view holds an edit that is not applied — Invalid JSON at line 1, column 1: Unexpected token. Fix it (or undo it), then save.',
    );
    expect(pendingSummary({ json: jsonEdit, t: blockEdit('ask') })).toContain(
      '2 edits are not applied (the JSON view; Timeout of block ask)',
    );
  });

  it('makes the open flow unsaved until the edit is applied or the flow is opened again', () => {
    const store = useEditorStore.getState();
    const flow = newFlow('f', 'F', 'inbound');
    store.open(flow, '"1"');
    expect(isDirty(useEditorStore.getState())).toBe(false);
    store.setPending('json', jsonEdit);
    expect(isDirty(useEditorStore.getState())).toBe(true);
    store.setPending('json', null);
    expect(isDirty(useEditorStore.getState())).toBe(false);
    store.setPending('json', jsonEdit);
    store.open(flow, '"1"');
    expect(useEditorStore.getState().pending).toBe(NO_PENDING_EDITS);
  });
});
