import type { Problem } from '@callflow/model';
import { useEditorStore } from '../store/flow-store';
import { ConflictDialog } from './ConflictDialog';
import { Dialog } from './Dialog';
import { continueAfterUnsaved, discardDraft, restoreDraft } from './file-actions';
import { useFileStore } from './file-store';
import { NewFlowDialog } from './NewFlowDialog';
import { PublishDialog } from './PublishDialog';
import { VersionsDialog } from './VersionsDialog';

/** Whichever file dialog is open. */
export function Dialogs() {
  const dialog = useFileStore((s) => s.dialog);
  const close = () => useFileStore.getState().close();
  switch (dialog.kind) {
    case 'none':
      return null;
    case 'newFlow':
      return <NewFlowDialog />;
    case 'conflict':
      return <ConflictDialog conflict={dialog.conflict} />;
    case 'versions':
      return <VersionsDialog />;
    case 'restoreDraft':
      return (
        // Escape does not close it: the next edit would overwrite the draft without a word.
        <Dialog title="Restore unsaved work" onClose={() => {}}>
          <p>
            This browser kept changes to <strong>{dialog.draft.flowId}</strong> from{' '}
            {new Date(dialog.draft.savedAt).toLocaleString()} that were never saved.
            {Object.keys(dialog.draft.pending).length > 0 &&
              ` They include ${Object.keys(dialog.draft.pending).length} edit(s) that were not applied yet.`}
          </p>
          {dialog.stale && (
            <p className="field-error">
              The saved flow has changed since this draft was taken: restoring merges your changes with the
              saved version, and blocks you both changed are asked about when you save.
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => discardDraft(dialog.draft)}>
              Discard
            </button>
            <button type="button" className="primary" onClick={() => restoreDraft(dialog.draft)}>
              Restore
            </button>
          </div>
        </Dialog>
      );
    case 'unsaved':
      return (
        <Dialog title="Unsaved changes" onClose={close}>
          <p>This flow has changes that are not saved.</p>
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" onClick={() => void continueAfterUnsaved(dialog.then, false)}>
              Discard changes
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void continueAfterUnsaved(dialog.then, true)}
            >
              Save and continue
            </button>
          </div>
        </Dialog>
      );
    case 'publishConfirm':
      return <PublishDialog flowId={dialog.flowId} flowName={dialog.flowName} />;
    case 'publish':
      return (
        <Dialog title="Publish" onClose={close}>
          {dialog.blocked ? (
            <p>Not published (nothing was): fix these errors first. The saved drafts are unchanged.</p>
          ) : (
            <p>
              Published version <strong>v{dialog.version}</strong>. New calls use it now.
            </p>
          )}
          {dialog.alsoPublished && dialog.alsoPublished.length > 0 && (
            <p>
              Published with it: {dialog.alsoPublished.map((p) => `${p.flowId} v${p.version}`).join(', ')}.
            </p>
          )}
          <ProblemList problems={dialog.problems} onPick={close} />
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </Dialog>
      );
    case 'import':
      return (
        <Dialog title="Import" onClose={close}>
          <p>
            <strong>{dialog.fileName}</strong> was not imported: it is not a valid flow file. Nothing was
            changed.
          </p>
          <ProblemList problems={dialog.problems} />
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </Dialog>
      );
  }
}

function ProblemList({ problems, onPick }: { problems: Problem[]; onPick?: () => void }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems may repeat code and path
        <li key={i}>
          <button
            type="button"
            className={`problem-row is-${p.severity}`}
            onClick={() => {
              if (!onPick || p.file) return;
              onPick();
              useEditorStore.getState().focusProblem(p);
            }}
          >
            <span className="problem-code">{p.code}</span>
            <span className="problem-message">{p.message}</span>
            <span className="problem-where">
              {/* A problem in another flow (a dependency published along) names that flow. */}
              {p.file ? `${p.file.replace(/\.flow\.json$/, '')} › ` : ''}
              {p.blockId ?? (p.line ? `line ${p.line}` : p.path)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
