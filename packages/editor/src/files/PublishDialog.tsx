import { useEffect, useId, useState } from 'react';
import { api, type FlowDependencyInfo } from '../api/client';
import { Dialog } from './Dialog';
import { confirmPublish } from './file-actions';
import { useFileStore } from './file-store';

type Loaded = { dependencies: FlowDependencyInfo[]; toPublish: string[] };

const plural = (n: number) => (n === 1 ? 'dependency' : 'dependencies');

/**
 * Before publishing: what will go live (the flow, and the flows it needs that are not live yet) and a
 * note kept with each version. Publishing with dependencies is one step on the server: all or none.
 */
export function PublishDialog({ flowId, flowName }: { flowId: string; flowName: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const busy = useFileStore((s) => s.busy);
  const noteId = useId();
  const close = () => useFileStore.getState().close();

  useEffect(() => {
    let current = true;
    api.dependencies(flowId).then(
      (answer) => current && setLoaded(answer),
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [flowId]);

  const toPublish = loaded?.dependencies.filter((d) => loaded.toPublish.includes(d.flowId)) ?? [];
  const live = loaded?.dependencies.filter((d) => d.live !== null) ?? [];
  const missing = toPublish.filter((d) => !d.exists);
  const label =
    toPublish.length > 0 ? `Publish with ${toPublish.length} ${plural(toPublish.length)}` : 'Publish';

  return (
    <Dialog title="Publish" onClose={close}>
      {error && <p className="field-error">Could not read what this flow needs: {error}</p>}
      {!loaded && !error && <p className="muted">Checking what this flow needs…</p>}
      {loaded && (
        <>
          <p>
            <strong>{flowName}</strong> ({flowId}) becomes the live version: new calls use it at once.
          </p>
          {toPublish.length > 0 && (
            <>
              <p>
                It needs {toPublish.length} {toPublish.length === 1 ? 'flow that is' : 'flows that are'} not
                live yet; {toPublish.length === 1 ? 'it is' : 'they are'} published with it, all in one step
                (or none):
              </p>
              <ul className="publish-list" aria-label="Published with it">
                {toPublish.map((d) => (
                  <li key={d.flowId} data-flow={d.flowId}>
                    <strong>{d.flowId}</strong>{' '}
                    <span className="muted">
                      {d.exists ? '' : '(no draft to publish) '}— needed by{' '}
                      {d.neededBy
                        .map((n) => `${n.flowId === flowId ? '' : `${n.flowId} › `}${n.blockId} (${n.via})`)
                        .join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {live.length > 0 && (
            <p className="muted">
              Already live, left as they are: {live.map((d) => `${d.flowId} v${d.live}`).join(', ')}.
            </p>
          )}
          {missing.length > 0 && (
            <p className="field-error" role="alert">
              {missing.map((d) => d.flowId).join(', ')} cannot be published: there is no readable draft.
              Create or fix {missing.length === 1 ? 'it' : 'them'} first.
            </p>
          )}
          <label htmlFor={noteId}>
            Note (kept with {toPublish.length > 0 ? 'each version' : 'the version'})
          </label>
          <textarea
            id={noteId}
            value={note}
            maxLength={500}
            rows={2}
            placeholder="What changes and why"
            onChange={(e) => setNote(e.target.value)}
          />
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!loaded || busy || missing.length > 0}
          onClick={() => void confirmPublish(flowId, { withDependencies: toPublish.length > 0, note })}
        >
          {label}
        </button>
      </div>
    </Dialog>
  );
}
