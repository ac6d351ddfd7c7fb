import { describe, expect, it } from 'vitest';
import { addBlock, newFlow } from '../flow/flow-edits';
import { isDirty, useEditorStore } from './flow-store';
import {
  keepLiving,
  NO_PENDING_EDITS,
  type PendingEdit,
  pendingProblem,
  pendingSummary,
  renameSubject,
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

describe('renaming what pending edits are held for', () => {
  it('moves the edits of the renamed block to its new id, and leaves the others', () => {
    const pending = withPending(
      withPending(NO_PENDING_EDITS, '/blocks/ask/settings/timeoutSeconds', blockEdit('ask')),
      'json',
      jsonEdit,
    );
    const renamed = renameSubject(pending, '/blocks/ask', '/blocks/ask-again', {
      from: 'ask',
      to: 'ask-again',
    });
    expect(Object.keys(renamed).sort()).toEqual(['/blocks/ask-again/settings/timeoutSeconds', 'json']);
    expect(renamed['/blocks/ask-again/settings/timeoutSeconds']).toMatchObject({
      where: 'Timeout of block ask-again',
      text: '7.5',
      problem: { path: '/blocks/ask-again/settings/timeoutSeconds', blockId: 'ask-again' },
    });
    // A block whose id only starts the same is not renamed.
    const other = withPending(
      NO_PENDING_EDITS,
      '/blocks/ask-more/settings/timeoutSeconds',
      blockEdit('ask-more'),
    );
    expect(renameSubject(other, '/blocks/ask', '/blocks/x', { from: 'ask', to: 'x' })).toBe(other);
  });

  it('keeps a variable default typed too long when the variable is renamed in the store', () => {
    const store = useEditorStore.getState();
    store.open({ ...newFlow('f', 'F', 'inbound'), variables: { tier: { type: 'string' } } }, '"1"');
    store.setPending('/variables/tier/default', {
      where: 'Default of variable tier',
      text: 'g'.repeat(300),
      tab: 'variables',
      problem: pendingProblem('CF404', 'At most 256 characters.', '/variables/tier/default'),
    });
    store.rename('/variables/tier', '/variables/level', { from: 'tier', to: 'level' }, (f) => ({
      ...f,
      variables: { level: { type: 'string' } },
    }));
    const { pending } = useEditorStore.getState();
    expect(Object.keys(pending)).toEqual(['/variables/level/default']);
    expect(pending['/variables/level/default']?.where).toBe('Default of variable level');
  });
});
