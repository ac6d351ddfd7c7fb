import { useEffect } from 'react';
import { saveDraft } from '../files/file-actions';
import { type BlockClipboard, copyBlocks, pasteBlocks } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';

let clipboard: BlockClipboard | null = null;
let pasteCount = 0;
const PASTE_OFFSET = 40;

/** True when the key belongs to a text field (or Monaco), where the browser's own editing wins. */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.monaco-editor')
  );
}

export function copySelection(): void {
  const { flow, selection } = useEditorStore.getState();
  if (!flow || selection.length === 0) return;
  clipboard = copyBlocks(flow, selection);
  pasteCount = 0;
}

export function paste(): void {
  const state = useEditorStore.getState();
  if (!clipboard || !state.flow) return;
  pasteCount++;
  const copied = clipboard;
  let ids: string[] = [];
  state.edit((flow) => {
    const result = pasteBlocks(flow, copied, { x: PASTE_OFFSET * pasteCount, y: PASTE_OFFSET * pasteCount });
    ids = result.ids;
    return result.flow;
  });
  state.select(ids);
}

export function duplicateSelection(): void {
  const state = useEditorStore.getState();
  if (!state.flow || state.selection.length === 0) return;
  const copied = copyBlocks(state.flow, state.selection);
  let ids: string[] = [];
  state.edit((flow) => {
    const result = pasteBlocks(flow, copied, { x: PASTE_OFFSET, y: PASTE_OFFSET });
    ids = result.ids;
    return result.flow;
  });
  state.select(ids);
}

/** Global shortcuts (docs/editor.md). `onFind` opens the block search. */
export function useShortcuts(onFind: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      const state = useEditorStore.getState();
      if (key === 's') {
        event.preventDefault();
        void saveDraft();
        return;
      }
      if (key === 'f') {
        event.preventDefault();
        onFind();
        return;
      }
      if (isTextTarget(event.target)) return;
      if (key === 'z' && !event.shiftKey) state.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') state.redo();
      else if (key === 'c') copySelection();
      else if (key === 'v') paste();
      else if (key === 'd') duplicateSelection();
      else if (key === 'a' && state.flow) state.select(Object.keys(state.flow.blocks));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onFind]);
}
