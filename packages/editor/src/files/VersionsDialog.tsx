import { useCallback, useEffect, useState } from 'react';
import { api, type VersionInfo } from '../api/client';
import { useEditorStore } from '../store/flow-store';
import { Dialog } from './Dialog';
import { refreshFlows } from './file-actions';
import { useFileStore } from './file-store';

/** Published versions of the open flow; roll the live version back to any of them. */
export function VersionsDialog() {
  const id = useEditorStore((s) => s.flow?.id ?? '');
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState('');

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

  const rollback = async (version: number) => {
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

  return (
    <Dialog title="Versions" onClose={() => useFileStore.getState().close()}>
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
                <td>
                  {!v.live && (
                    <button type="button" onClick={() => void rollback(v.version)}>
                      Roll back to v{v.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => useFileStore.getState().close()}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
