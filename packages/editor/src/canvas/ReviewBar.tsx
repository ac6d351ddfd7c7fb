import {
  type BlockChange,
  changesBehaviour,
  diffFlows,
  fieldText,
  isEmptyDiff,
  noteTitle,
  outcomeText,
  summary,
} from '@callflow/model';
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { activeReview, useReviewStore } from '../files/review-store';
import { useEditorStore } from '../store/flow-store';

const KIND_WORD: Record<BlockChange['kind'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
};

const NOTE_WORD: Record<BlockChange['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/**
 * Over the canvas while a version is reviewed: what changed between that version and the draft, as a
 * list (a block's entry brings it into view), and the way back to editing the draft.
 */
export function ReviewBar() {
  const rf = useReactFlow();
  const draft = useEditorStore((s) => s.flow);
  const review = activeReview(
    useReviewStore((s) => s.review),
    draft?.id,
  );
  const diff = useMemo(() => (review && draft ? diffFlows(review.flow, draft) : undefined), [review, draft]);
  if (!review || !draft || !diff) return null;
  const close = () => useReviewStore.getState().close();
  const reveal = (id: string) => {
    const node = rf.getInternalNode(id);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    void rf.setCenter(x + width / 2, y + height / 2, { zoom: Math.max(rf.getZoom(), 0.8), duration: 250 });
  };
  const viewing = review.mode === 'view';
  return (
    <section className="review-bar" aria-label="Review">
      <header>
        <strong>
          {viewing ? `Viewing v${review.version}, read-only` : `The draft compared with v${review.version}`}
        </strong>
        <button type="button" onClick={close}>
          {viewing ? 'Back to the draft' : 'Close the comparison'}
        </button>
      </header>
      <p className="muted">
        {isEmptyDiff(diff)
          ? `No change in behaviour between v${review.version} and the draft (layout only, if anything).`
          : `From v${review.version} to the draft: ${summary(diff)}${changesBehaviour(diff) ? '' : ' Notes only: no change in behaviour.'}`}
      </p>
      {!isEmptyDiff(diff) && (
        <ul className="review-changes" aria-label="Changes">
          {diff.flow.map((change) => (
            <li key={`flow-${change.path}`}>Flow {fieldText(change)}</li>
          ))}
          {diff.blocks.map((block) => (
            <li key={`block-${block.id}`} data-change={block.kind}>
              <button
                type="button"
                className="link"
                // Viewing the version, a block added since is not on the canvas.
                disabled={viewing && block.kind === 'added'}
                onClick={() => reveal(block.id)}
              >
                Block {block.id} {KIND_WORD[block.kind]}
              </button>{' '}
              <span className="muted">({block.type})</span>
              {block.fields.length + block.settings.length + block.outcomes.length > 0 && (
                <ul>
                  {block.fields.map((f) => (
                    <li key={`f-${f.path}`}>{fieldText(f)}</li>
                  ))}
                  {block.settings.map((f) => (
                    <li key={`s-${f.path}`}>settings.{fieldText(f)}</li>
                  ))}
                  {block.outcomes.map((o) => (
                    <li key={`o-${o.outcome}`}>{outcomeText(o, block)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
          {diff.variables.map((variable) => (
            <li key={`variable-${variable.name}`}>
              Variable {variable.name} {KIND_WORD[variable.kind]}
              {variable.fields.length > 0 && (
                <ul>
                  {variable.fields.map((f) => (
                    <li key={f.path}>{fieldText(f)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
          {diff.notes.map((note) => (
            <li key={`note-${note.id}`} data-change={note.kind}>
              {NOTE_WORD[note.kind]} {noteTitle(note)}
              {note.fields.length > 0 && (
                <ul>
                  {note.fields.map((f) => (
                    <li key={f.path}>{fieldText(f)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
          {diff.popover && (
            <li>
              Popover: {diff.popover.before.join(', ') || '(none)'} →{' '}
              {diff.popover.after.join(', ') || '(none)'}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
