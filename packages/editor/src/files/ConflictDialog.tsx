import type { Flow } from '@callflow/model';
import { useMemo } from 'react';
import { formatFlowText } from '../flow-checks';
import { useEditorStore } from '../store/flow-store';
import { Dialog } from './Dialog';
import { keepMine, reloadTheirs } from './file-actions';
import type { Conflict } from './file-store';
import { useFileStore } from './file-store';
import { compactDiff, lineDiff } from './line-diff';

/** Someone saved this flow after I opened it: show what they changed, then let me choose. */
export function ConflictDialog({ conflict }: { conflict: Conflict }) {
  const mine = useEditorStore((s) => s.flow) as Flow;
  const diff = useMemo(
    () => compactDiff(lineDiff(formatFlowText(mine), formatFlowText(conflict.theirs.flow))),
    [mine, conflict],
  );
  return (
    <Dialog title="Save conflict" onClose={() => useFileStore.getState().close()} wide>
      <p>
        Someone else saved <strong>{mine.id}</strong> after you opened it. Your changes are not saved yet.
        Lines marked <span className="diff-removed-sample">−</span> are yours,{' '}
        <span className="diff-added-sample">+</span> are theirs.
      </p>
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
      <div className="dialog-actions">
        <button type="button" onClick={() => useFileStore.getState().close()}>
          Cancel
        </button>
        <button type="button" onClick={() => reloadTheirs(conflict.theirs)}>
          Reload theirs
        </button>
        <button type="button" className="primary" onClick={() => void keepMine(conflict.theirs)}>
          Keep mine
        </button>
      </div>
    </Dialog>
  );
}
