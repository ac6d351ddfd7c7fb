import type { ResourceKind } from '@callflow/model';
import { useEffect, useMemo, useRef, useState } from 'react';
import { kindInfo } from '../center/resource-kinds';
import { Dialog } from '../files/Dialog';
import { compactDiff, lineDiff } from '../files/line-diff';
import { applyRename, type RenameStart, saveThenRename, startRename } from './rename-entry';
import type { RenameFile, RenamePreview } from './usage-calls';

/**
 * Renames a queue, number, prompt… and every use of it: shows each file the rename changes (its lines
 * before and after) and applies them together, or nothing.
 */
export function RenameEntryDialog({
  kind,
  from,
  to,
  onClose,
}: {
  kind: ResourceKind;
  from: string;
  to: string;
  onClose(): void;
}) {
  const [state, setState] = useState<RenameStart | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const one = kindInfo(kind).one;
  // The preview is asked for once per name, whatever function the parent passes on each render.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    let current = true;
    startRename(kind, from, to).then((start) => {
      if (!current) return;
      if (start.kind === 'local') close.current();
      else setState(start);
    });
    return () => {
      current = false;
    };
  }, [kind, from, to]);

  const apply = async (preview: RenamePreview) => {
    setBusy(true);
    const outcome = await applyRename(kind, preview);
    setBusy(false);
    if (outcome.kind === 'done') onClose();
    else if (outcome.kind === 'conflict') {
      setNotice(`${outcome.message} (rename_conflict)`);
      if (outcome.preview) setState({ kind: 'preview', preview: outcome.preview });
    } else setState(outcome);
  };

  return (
    <Dialog title={`Rename ${one} ${from}`} onClose={onClose} wide>
      {!state && <p className="muted">Finding every use of {from}…</p>}
      {state?.kind === 'unsaved' && (
        <>
          <p>
            The Center area has unsaved changes. The rename is written to the resources file and the flows at
            once: save the changes first.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              onClick={async () => setState(await saveThenRename(kind, from, to))}
            >
              Save and continue
            </button>
          </div>
        </>
      )}
      {state?.kind === 'error' && (
        <>
          <p className="field-error" role="alert">
            {state.code}: {state.message}
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
      {state?.kind === 'preview' && (
        <>
          {notice && (
            <p className="field-error" role="alert">
              {notice}
            </p>
          )}
          <p>
            Renaming {one} <strong>{from}</strong> to <strong>{to}</strong> changes{' '}
            {state.preview.files.length} files, all together:
          </p>
          {state.preview.unreadable.length > 0 && (
            <p className="field-error">
              Could not read {state.preview.unreadable.join(', ')}: uses there are not renamed.
            </p>
          )}
          <ul className="rename-files" aria-label="Files the rename changes">
            {state.preview.files.map((file) => (
              <FileChange key={file.file} file={file} />
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void apply(state.preview)}
            >
              Rename in {state.preview.files.length} files
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function FileChange({ file }: { file: RenameFile }) {
  const diff = useMemo(() => compactDiff(lineDiff(file.before, file.after), 1), [file]);
  return (
    <li data-file={file.file}>
      <h4>
        {file.file} <span className="muted">({file.edits.length} changes)</span>
      </h4>
      <pre className="diff">
        {diff.map((line, i) =>
          line.kind === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering of one diff
            <div key={i} className="diff-gap">
              …
            </div>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering of one diff
            <div key={i} className={`diff-${line.kind}`}>
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}
              {line.text}
            </div>
          ),
        )}
      </pre>
    </li>
  );
}
