import { MAX_NOTE_TEXT, NOTE_COLORS, type NoteColor } from '@callflow/model';
import type { NodeProps } from '@xyflow/react';
import { memo, useContext, useEffect, useRef } from 'react';
import { CompactBlocksContext } from '../canvas/zoom';
import { activeReview, useReviewStore } from '../files/review-store';
import { useEditorStore } from '../store/flow-store';
import { detachNote, removeNotes, setNoteColor, setNoteText } from './note-edits';
import type { NoteNodeType } from './note-nodes';
import { useNotesStore } from './notes-store';
import './notes.css';

const edit = (change: Parameters<ReturnType<typeof useEditorStore.getState>['edit']>[0], key?: string) =>
  useEditorStore.getState().edit(change, key);

/**
 * A sticky note: its text is edited in place (plain text; typing is one undo step per note), its
 * colour, detach and delete in its header. Drag it by the header; dropped onto a block it is attached
 * to it. Zoomed out, the text is drawn without the field.
 */
function NoteNodeComponent({ data, selected }: NodeProps<NoteNodeType>) {
  const { noteId, note } = data;
  const compact = useContext(CompactBlocksContext);
  const flowId = useEditorStore((s) => s.flow?.id);
  const readOnly =
    activeReview(
      useReviewStore((s) => s.review),
      flowId,
    )?.mode === 'view';
  const focusText = useNotesStore((s) => s.focusText === noteId);
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!focusText || !text.current) return;
    text.current.focus();
    useNotesStore.getState().requestTextFocus(null);
  }, [focusText]);

  const color = note.color ?? 'yellow';
  const over = note.text.length - MAX_NOTE_TEXT;
  const classes = ['note-node', `is-${color}`];
  if (selected) classes.push('is-selected');
  if (over > 0) classes.push('is-over-limit');
  return (
    <div
      className={classes.join(' ')}
      data-testid={`note-${noteId}`}
      data-attached={note.block}
      data-color={color}
    >
      <header className="note-node-header">
        <span className="note-node-title">{note.block ? `Note on ${note.block}` : 'Note'}</span>
        {!readOnly && !compact && (
          <span className="note-node-tools nodrag">
            <select
              aria-label={`Colour of note ${noteId}`}
              value={color}
              onChange={(e) => edit((f) => setNoteColor(f, noteId, e.target.value as NoteColor))}
            >
              {NOTE_COLORS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            {note.block && (
              <button
                type="button"
                aria-label={`Detach note ${noteId}`}
                title="Detach from the block"
                onClick={() => edit((f) => detachNote(f, noteId))}
              >
                ⇱
              </button>
            )}
            <button
              type="button"
              aria-label={`Delete note ${noteId}`}
              title="Delete the note"
              onClick={() => edit((f) => removeNotes(f, [noteId]))}
            >
              ×
            </button>
          </span>
        )}
      </header>
      {compact ? (
        <p className="note-node-text">{note.text}</p>
      ) : (
        <textarea
          ref={text}
          className="note-node-text nodrag nowheel"
          aria-label={`Text of note ${noteId}`}
          placeholder="Write a note…"
          value={note.text}
          readOnly={readOnly}
          spellCheck
          onChange={(e) => edit((f) => setNoteText(f, noteId, e.target.value), `note-text:${noteId}`)}
        />
      )}
      {over > 0 && !compact && (
        <p className="note-node-limit" role="alert">
          CF105: {over} characters over the limit of {MAX_NOTE_TEXT}
        </p>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeComponent);
