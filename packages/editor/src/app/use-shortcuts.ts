import type { Position } from '@callflow/model';
import { useEffect } from 'react';
import { blockRects, type Rect } from '../canvas/free-spot';
import { saveDraft } from '../files/file-actions';
import { viewingVersion } from '../files/review-store';
import { type BlockClipboard, copyBlocks, pasteBlocks } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';

let clipboard: BlockClipboard | null = null;
/** A paste is wanted this far right and down of what was copied, then moved to a clear place in view. */
const PASTE_OFFSET = 40;

/** Moves a group of new blocks (as copied) to where it should land; returns the group's top left. */
export type PlaceInView = (group: readonly Rect[], wanted: Position) => Position;

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
}

/** Pastes `copied` next to where it was copied from, at the nearest clear place in view. */
function pasteClear(copied: BlockClipboard, place: PlaceInView): void {
  const state = useEditorStore.getState();
  if (!state.flow) return;
  const group = [...blockRects({ ...state.flow, blocks: copied.blocks, layout: copied.layout }).values()];
  const left = Math.min(...group.map((r) => r.x));
  const top = Math.min(...group.map((r) => r.y));
  const at =
    group.length > 0 ? place(group, { x: left + PASTE_OFFSET, y: top + PASTE_OFFSET }) : { x: 0, y: 0 };
  const offset = group.length > 0 ? { x: at.x - left, y: at.y - top } : { x: PASTE_OFFSET, y: PASTE_OFFSET };
  let ids: string[] = [];
  state.edit((flow) => {
    const result = pasteBlocks(flow, copied, offset);
    ids = result.ids;
    return result.flow;
  });
  state.select(ids);
}

export function paste(place: PlaceInView): void {
  if (clipboard) pasteClear(clipboard, place);
}

export function duplicateSelection(place: PlaceInView): void {
  const { flow, selection } = useEditorStore.getState();
  if (!flow || selection.length === 0) return;
  pasteClear(copyBlocks(flow, selection), place);
}

/** Global shortcuts (docs/editor.md). `onFind` opens the block search; `place` puts pasted blocks in view. */
export function useShortcuts(onFind: () => void, place: PlaceInView): void {
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
      if (isTextTarget(event.target) || viewingVersion(state.flow?.id)) return;
      if (key === 'z' && !event.shiftKey) state.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') state.redo();
      else if (key === 'c') copySelection();
      else if (key === 'v') paste(place);
      else if (key === 'd') duplicateSelection(place);
      else if (key === 'a' && state.flow) state.select(Object.keys(state.flow.blocks));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onFind, place]);
}
