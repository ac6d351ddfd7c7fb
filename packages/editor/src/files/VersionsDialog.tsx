import type { Flow } from '@callflow/model';
import { useCallback, useEffect, useState } from 'react';
import { api, type VersionInfo } from '../api/client';
import { useEditorStore } from '../store/flow-store';
import { Dialog } from './Dialog';
import { refreshFlows } from './file-actions';
import { useFileStore } from './file-store';
import { useReviewStore } from './review-store';

/**
 * Published versions of the open flow (who published each, when, and their note): compare one with
 * the draft, view it read-only on the canvas, or roll the live version back to it (asked first).
 */
export function VersionsDialog() {
  const id = useEditorStore((s) => s.flow?.id ?? '');
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setVersions(await api.versions(id));
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const review = async (version: number, mode: 'compare' | 'view') => {
    try {
      const answer = await api.version(id, version);
      const flow =
        'flow' in answer && answer.flow && typeof answer.flow === 'object' ? answer.flow : (answer as Flow);
      useReviewStore.getState().start({ flowId: id, version, flow, mode });
      useFileStore.getState().close();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const rollback = async (version: number) => {
    setConfirming(null);
    try {
      await api.rollback(id, version);
      useEditorStore
        .getState()
        .notify({ kind: 'success', text: `Version ${version} of ${id} is live again.` });
      await load();
      void refreshFlows();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const liveVersion = versions?.find((v) => v.live)?.version;
  return (
    <Dialog title="Versions" wide onClose={() => useFileStore.getState().close()}>
      {error && <p className="field-error">{error}</p>}
      {versions === null && !error && <p className="muted">Loading…</p>}
      {versions?.length === 0 && <p className="muted">Not published yet.</p>}
      {versions && versions.length > 0 && (
        <table className="versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published</th>
              <th scope="col">Note</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td>
                <td>
                  {new Date(v.publishedAt).toLocaleString()}
                  {v.publishedBy ? <span className="muted"> by {v.publishedBy}</span> : null}
                </td>
                <td className="version-note">{v.note ?? ''}</td>
                <td>{v.live ? <strong>Live</strong> : ''}</td>
                <td className="version-actions">
                  <button
                    type="button"
                    aria-label={`Compare v${v.version} with the draft`}
                    onClick={() => void review(v.version, 'compare')}
                  >
                    Compare
                  </button>
                  <button
                    type="button"
                    aria-label={`View v${v.version}`}
                    onClick={() => void review(v.version, 'view')}
                  >
                    View
                  </button>
                  {!v.live && (
                    <button type="button" onClick={() => setConfirming(v.version)}>
                      Roll back to v{v.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming !== null && (
        <fieldset className="rollback-confirm" aria-label="Confirm the rollback">
          <p>
            Bring v{confirming} back as the live version of {id}? Calls get v{confirming} from now on
            {liveVersion !== undefined ? ` instead of v${liveVersion}` : ''}. The draft does not change.
          </p>
          <button type="button" className="primary" onClick={() => void rollback(confirming)}>
            Bring back v{confirming}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </fieldset>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => useFileStore.getState().close()}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
