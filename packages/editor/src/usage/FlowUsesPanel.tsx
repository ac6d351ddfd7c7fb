import type { Flow, Usage } from '@callflow/model';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, type FlowDependencyInfo } from '../api/client';
import { useEditorStore } from '../store/flow-store';
import { DependencyGraph } from './DependencyGraph';
import { dependencyGraph, dependencyState } from './dependency-graph';
import { openFlowAt } from './open-at-block';
import { UsageList } from './UsageList';
import { usageCalls } from './usage-calls';
import './usage.css';

interface Loaded {
  users: Usage[];
  unreadable: string[];
  dependencies: FlowDependencyInfo[];
}

/**
 * The Uses tab: which flows, queues, numbers and tests name the open flow (each block a link), which
 * flows it needs with their published state, and the two as a small picture. Read from the service,
 * so it speaks for the saved flow, and read again whenever the flow list changes (a save, a publish).
 */
export default function FlowUsesPanel({ flow }: { flow: Flow }) {
  const flows = useEditorStore((s) => s.flows);
  const etag = useEditorStore((s) => s.etag);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saved = etag !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the service's flows change
  useEffect(() => {
    if (!saved) return;
    let current = true;
    Promise.all([usageCalls().flowUsages(flow.id), api.dependencies(flow.id)]).then(
      ([users, deps]) => {
        if (current) {
          setLoaded({ users: users.usages, unreadable: users.unreadable, dependencies: deps.dependencies });
          setError(null);
        }
      },
      (e: unknown) => current && setError(e instanceof ApiError ? `${e.message} (${e.code})` : String(e)),
    );
    return () => {
      current = false;
    };
  }, [flow.id, saved, flows]);
  const live = flows.find((f) => f.id === flow.id)?.live ?? null;
  const model = useMemo(
    () => (loaded ? dependencyGraph(flow.id, live, loaded.dependencies, loaded.users) : null),
    [loaded, flow.id, live],
  );
  if (!saved) return <p className="muted">Save the flow to see where it is used and what it needs.</p>;
  if (error) return <p className="field-error">{error}</p>;
  if (!loaded || !model) return <p className="muted">Loading…</p>;
  const direct = loaded.dependencies.filter((d) => d.neededBy.some((n) => n.flowId === flow.id));
  return (
    <div className="uses-panel">
      <section aria-labelledby="uses-used-by">
        <h3 id="uses-used-by">Used by</h3>
        <UsageList
          usages={loaded.users}
          unreadable={loaded.unreadable}
          empty="No flow, queue, number or test names this flow."
        />
      </section>
      <section aria-labelledby="uses-needs">
        <h3 id="uses-needs">Needs</h3>
        {direct.length === 0 ? (
          <p className="muted">This flow needs no other flow.</p>
        ) : (
          <ul aria-label="Dependencies">
            {direct.map((d) => (
              <li key={d.flowId} data-flow={d.flowId}>
                <button type="button" className="link" onClick={() => void openFlowAt(d.flowId)}>
                  {d.flowId}
                </button>{' '}
                <span className={d.live === null ? 'usage-state is-warning' : 'usage-state'}>
                  {dependencyState(d)}
                </span>{' '}
                <span className="muted">
                  {[...new Set(d.neededBy.filter((n) => n.flowId === flow.id).map((n) => n.via))].join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="uses-graph">
        <h3 id="uses-graph">Picture</h3>
        <DependencyGraph model={model} />
      </section>
    </div>
  );
}
