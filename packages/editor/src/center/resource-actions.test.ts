import { emptyResources, type Resources } from '@callflow/model';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCenterStore } from './center-store';
import { createEntry, deleteEntry, renameEntry, withEntryRenamed } from './resource-actions';

function sample(): Resources {
  return {
    ...emptyResources(),
    prompts: { a: { text: 'A' }, b: { text: 'B' }, c: { text: 'C' } },
  };
}

describe('resource actions', () => {
  beforeEach(() => useCenterStore.getState().load(sample(), 'etag-1'));

  it('renames in place, keeping the order of the file', () => {
    expect(Object.keys(withEntryRenamed(sample(), 'prompts', 'b', 'z').prompts)).toEqual(['a', 'z', 'c']);
  });

  it('refuses a taken or malformed name with a code, and changes nothing', () => {
    expect(renameEntry('prompts', 'a', 'b')).toMatchObject({ ok: false, code: 'CF001' });
    expect(createEntry('prompts', 'no spaces')).toMatchObject({ ok: false, code: 'CF106' });
    expect(useCenterStore.getState().resources).toEqual(sample());
  });

  it('creates, renames and deletes as undoable edits', () => {
    expect(createEntry('queues', 'vip').ok).toBe(true);
    expect(useCenterStore.getState().selection).toEqual({ kind: 'queues', name: 'vip' });
    renameEntry('queues', 'vip', 'gold');
    deleteEntry('prompts', 'a');
    const now = useCenterStore.getState().resources!;
    expect(Object.keys(now.queues)).toEqual(['gold']);
    expect(Object.keys(now.prompts)).toEqual(['b', 'c']);
    useCenterStore.getState().undo();
    useCenterStore.getState().undo();
    useCenterStore.getState().undo();
    expect(useCenterStore.getState().resources).toEqual(sample());
  });
});
