import type { Problem } from '@callflow/model';
import { useEditorStore } from '../store/flow-store';
import { ConflictDialog } from './ConflictDialog';
import { Dialog } from './Dialog';
import { continueAfterUnsaved } from './file-actions';
import { useFileStore } from './file-store';
import { NewFlowDialog } from './NewFlowDialog';
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
    case 'publish':
      return (
        <Dialog title="Publish" onClose={close}>
          {dialog.blocked ? (
            <p>Not published: fix these errors first. The saved draft is unchanged.</p>
          ) : (
            <p>
              Published version <strong>v{dialog.version}</strong>. New calls use it now.
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
              if (!onPick) return;
              onPick();
              useEditorStore.getState().focusProblem(p);
            }}
          >
            <span className="problem-code">{p.code}</span>
            <span className="problem-message">{p.message}</span>
            <span className="problem-where">{p.blockId ?? (p.line ? `line ${p.line}` : p.path)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
