/** Adding a note and bringing one into view (the Add note button, Find block). */
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { positionsOf } from '../canvas/flow-graph';
import { CANVAS_TEST_ID, useCanvasActions } from '../canvas/use-canvas-actions';
import { viewingVersion } from '../files/review-store';
import { useEditorStore } from '../store/flow-store';
import { addNote, NOTE_SIZE, notePositions } from './note-edits';
import { useNotesStore } from './notes-store';

export function useNoteActions() {
  const rf = useReactFlow();
  const { placeInView } = useCanvasActions();

  /** Selects a note, centres it and puts the keyboard in its text. */
  const focusNote = useCallback(
    (id: string) => {
      const { flow, select } = useEditorStore.getState();
      if (!flow?.notes?.[id]) return;
      select([]);
      useNotesStore.getState().select([id]);
      const at = notePositions(flow, positionsOf(flow)).get(id)!;
      void rf.setCenter(at.x + NOTE_SIZE.width / 2, at.y + NOTE_SIZE.height / 2, {
        zoom: Math.max(rf.getZoom(), 1),
        duration: 250,
      });
      useNotesStore.getState().requestTextFocus(id);
    },
    [rf],
  );

  /**
   * A new note: attached above the selected block when one block is selected (it moves with it), else
   * free in the middle of the view, at the nearest place clear of every block.
   */
  const addNoteInView = useCallback(() => {
    const state = useEditorStore.getState();
    if (!state.flow || viewingVersion(state.flow.id)) return;
    const rect = document.querySelector(`[data-testid="${CANVAS_TEST_ID}"]`)?.getBoundingClientRect();
    const centre = rect
      ? rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
      : { x: 0, y: 0 };
    const block = state.selection.length === 1 ? state.selection[0] : undefined;
    const wanted = { x: centre.x - NOTE_SIZE.width / 2, y: centre.y - NOTE_SIZE.height / 2 };
    const free = block ? wanted : placeInView([{ ...wanted, ...NOTE_SIZE }], wanted);
    let id = '';
    state.edit((flow) => {
      const added = addNote(flow, { x: Math.round(free.x), y: Math.round(free.y) }, block);
      id = added.id;
      return added.flow;
    });
    if (!id) return;
    state.select([]);
    useNotesStore.getState().select([id]);
    useNotesStore.getState().requestTextFocus(id);
    // Above a block at the top edge of the view, the note would be out of sight: the view follows it.
    const flow = useEditorStore.getState().flow!;
    const at = notePositions(flow, positionsOf(flow)).get(id)!;
    const topLeft = rect ? rf.screenToFlowPosition({ x: rect.left, y: rect.top }) : at;
    if (at.y < topLeft.y || at.x < topLeft.x) {
      void rf.setCenter(at.x + NOTE_SIZE.width / 2, at.y + NOTE_SIZE.height, {
        zoom: rf.getZoom(),
        duration: 200,
      });
    }
  }, [rf, placeInView]);

  return { focusNote, addNoteInView };
}
