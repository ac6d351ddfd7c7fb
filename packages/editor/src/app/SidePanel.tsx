import type { Flow } from '@callflow/model';
import { type KeyboardEvent, lazy, Suspense, useMemo } from 'react';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { type SideTab, useEditorStore } from '../store/flow-store';
import { VariablesPanel } from '../variables/VariablesPanel';
import { useAllFlows } from './use-all-flows';

// Monaco arrives only when the JSON tab is opened for the first time; the Tests tab's code likewise.
const JsonView = lazy(() => import('../json/JsonView'));
const TestsPanel = lazy(() => import('../tests-panel/TestsPanel'));
const FlowUsesPanel = lazy(() => import('../usage/FlowUsesPanel'));
const TrafficPanel = lazy(() => import('../traffic/TrafficPanel'));

const TABS: { id: SideTab; title: string }[] = [
  { id: 'properties', title: 'Properties' },
  { id: 'variables', title: 'Variables' },
  { id: 'problems', title: 'Problems' },
  { id: 'json', title: 'JSON' },
  { id: 'simulator', title: 'Simulator' },
  { id: 'tests', title: 'Tests' },
  { id: 'uses', title: 'Uses' },
  { id: 'traffic', title: 'Traffic' },
];

export function SidePanel({ flow }: { flow: Flow }) {
  const tab = useEditorStore((s) => s.tab);
  const problems = useEditorStore((s) => s.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const count = useMemo(
    () => (problems.length > 0 ? `${errors}/${problems.length - errors}` : ''),
    [problems, errors],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    useEditorStore.getState().setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown} tabIndex={-1}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'tab is-active' : 'tab'}
            onClick={() => useEditorStore.getState().setTab(t.id)}
            aria-label={t.title}
          >
            {t.title}
            {t.id === 'problems' && count && (
              <span className={errors > 0 ? 'tab-count is-error' : 'tab-count'} aria-hidden="true">
                {errors > 0 ? errors : problems.length}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'properties' && <PropertiesPanel />}
        {tab === 'variables' && <VariablesPanel />}
        {tab === 'problems' && <ProblemsPanel />}
        {tab === 'json' && (
          <Suspense fallback={<p className="muted">Loading the JSON editor…</p>}>
            <JsonView />
          </Suspense>
        )}
        {tab === 'simulator' && <SimulatorTab flow={flow} />}
        {tab === 'tests' && <TestsTab flow={flow} />}
        {tab === 'uses' && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <FlowUsesPanel flow={flow} />
          </Suspense>
        )}
        {tab === 'traffic' && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <TrafficPanel flow={flow} />
          </Suspense>
        )}
      </div>
    </aside>
  );
}

function SimulatorTab({ flow }: { flow: Flow }) {
  const resources = useEditorStore((s) => s.resources);
  const flows = useAllFlows(flow);
  return <SimulatorPanel flow={flow} resources={resources} flows={flows} />;
}

function TestsTab({ flow }: { flow: Flow }) {
  const resources = useEditorStore((s) => s.resources);
  const flows = useAllFlows(flow);
  return (
    <Suspense fallback={<p className="muted">Loading the tests…</p>}>
      <TestsPanel flow={flow} resources={resources} flows={flows} />
    </Suspense>
  );
}
