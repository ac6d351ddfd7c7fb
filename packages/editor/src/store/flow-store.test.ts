import { beforeEach, describe, expect, it } from 'vitest';
import { addBlock, newFlow } from '../flow/flow-edits';
import { isDirty, useEditorStore } from './flow-store';

beforeEach(() => useEditorStore.getState().open(newFlow('f', 'F', 'inbound'), '"1"'));

describe('editor store', () => {
  it('is dirty after an edit and clean again after undoing it', () => {
    const store = useEditorStore.getState();
    expect(isDirty(useEditorStore.getState())).toBe(false);
    store.edit((f) => addBlock(f, 'playPrompt', { x: 0, y: 0 }).flow);
    expect(isDirty(useEditorStore.getState())).toBe(true);
    store.undo();
    expect(isDirty(useEditorStore.getState())).toBe(false);
    store.redo();
    expect(Object.keys(useEditorStore.getState().flow!.blocks)).toEqual(['play-prompt']);
  });

  it('drops deleted blocks from the selection on undo', () => {
    const store = useEditorStore.getState();
    store.edit((f) => addBlock(f, 'playPrompt', { x: 0, y: 0 }).flow);
    store.select(['play-prompt']);
    store.undo();
    expect(useEditorStore.getState().selection).toEqual([]);
  });

  it('a problem click selects its block and opens the right tab', () => {
    const store = useEditorStore.getState();
    store.edit((f) => addBlock(f, 'playPrompt', { x: 0, y: 0 }).flow);
    store.setTab('problems');
    store.focusProblem({ blockId: 'play-prompt', path: '/blocks/play-prompt/settings/prompt' });
    const state = useEditorStore.getState();
    expect(state.selection).toEqual(['play-prompt']);
    expect(state.tab).toBe('properties');
    expect(state.focus?.path).toBe('/blocks/play-prompt/settings/prompt');
    store.focusProblem({ path: '/popover' });
    expect(useEditorStore.getState().tab).toBe('variables');
  });
});
