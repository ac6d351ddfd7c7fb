import { Panel } from '@xyflow/react';
import { useNoteActions } from './use-note-actions';

/** Over the canvas: Add note (attached above the selected block, or free in the middle of the view). */
export function NotesPanel({ readOnly }: { readOnly: boolean }) {
  const { addNoteInView } = useNoteActions();
  if (readOnly) return null;
  return (
    <Panel position="top-left" className="notes-panel">
      <button
        type="button"
        onClick={addNoteInView}
        title="A sticky note: attached to the selected block, or free in the middle of the view"
      >
        Add note
      </button>
    </Panel>
  );
}
