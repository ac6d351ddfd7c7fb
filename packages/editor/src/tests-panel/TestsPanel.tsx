import type { Flow, Resources } from '@callflow/model';
import { useCallback, useEffect } from 'react';
import { onServerEvent } from '../app/server-events';
import { CoverageSection } from './CoverageSection';
import type { ScenarioOutcome } from './test-run';
import { reloadTestFiles as readFiles, useTestsStore } from './tests-store';
import './tests-panel.css';

export interface TestsPanelProps {
  /** The open flow, unsaved edits included: the tests run against it. */
  flow: Flow;
  resources: Resources | null;
  /** Every flow by id, for modules, queue and whisper flows the calls enter. */
  flows: Record<string, Flow>;
}

/**
 * The open flow's scenario tests (`*.test.json` beside it, as `callflow test` runs them in CI), run here
 * in the browser against the flow as edited, unsaved changes included: a change that breaks a scenario
 * shows before it is saved or published.
 */
export default function TestsPanel({ flow, resources, flows }: TestsPanelProps) {
  const { files, error, run, running, flowId } = useTestsStore();

  useEffect(() => {
    void readFiles(flow.id);
    // A test file of this flow saved meanwhile (by someone else, or Save as test): read the files again.
    return onServerEvent((type, data) => {
      if (type === 'flow.tests.saved' && data.flowId === flow.id && !useTestsStore.getState().running)
        void readFiles(flow.id);
    });
  }, [flow.id]);

  const start = useCallback(
    (only?: { file: string; name: string }) => {
      if (!files) return;
      useTestsStore.getState().setRunning(true);
      // The runtime arrives with the first run; a frame passes so "Running…" shows first.
      void import('./test-run').then(({ runTests }) => {
        setTimeout(() => {
          const result = runTests({ flow, flows, resources, files, ...(only ? { only } : {}) });
          useTestsStore.getState().finished(result, only !== undefined);
        }, 0);
      });
    },
    [files, flow, flows, resources],
  );

  const current = flowId === flow.id ? files : null;
  const scenarios = (current ?? []).reduce((n, f) => n + (f.test?.scenarios.length ?? 0), 0);
  const outcomeOf = (file: string, name: string) =>
    run?.outcomes.find((o) => o.file === file && o.name === name);

  return (
    <section className="panel tests-panel" aria-label="Tests">
      <p className="muted">
        Scenario tests of this flow (<code>{flow.id}.test.json</code> and any other test file for it), run in
        the browser against the flow as edited, unsaved changes included; CI runs the same with{' '}
        <code>callflow test</code>.
      </p>
      <div className="tests-actions">
        <button
          type="button"
          className="primary"
          disabled={!current || scenarios === 0 || running}
          onClick={() => start()}
        >
          Run all tests
        </button>
        <button type="button" disabled={running} onClick={() => void readFiles(flow.id)}>
          Reload test files
        </button>
      </div>
      {error && (
        <p className="tests-problem" role="alert">
          The test files could not be read: {error}
        </p>
      )}
      {!current && !error && <p className="muted">Reading the test files…</p>}
      {current && current.length === 0 && (
        <p className="muted">
          No tests for this flow yet. Add <code>{flow.id}.test.json</code> beside it (docs/flow-tests.md).
        </p>
      )}
      <div role="status" aria-label="Test results" className="tests-summary">
        {running
          ? 'Running…'
          : run && current
            ? `${run.passed} passed, ${run.failed} failed${run.outcomes.some((o) => o.flow !== flow) ? ' · the flow was edited since: run again' : ''}`
            : ''}
      </div>
      {run?.coverage && current && !running && (
        <CoverageSection flowId={flow.id} coverage={run.coverage} disabled={running} />
      )}
      {current?.map((file) => (
        <section key={file.file} className="tests-file" aria-label={`Test file ${file.file}`}>
          <h3>{file.file}</h3>
          {file.problems.length > 0 && (
            <ul className="tests-file-problems" aria-label={`Problems in ${file.file}`}>
              {file.problems.map((p) => (
                <li key={`${p.code}:${p.path}:${p.message}`} className={`is-${p.severity}`}>
                  <code>{p.code}</code> {p.message}
                  {p.line !== undefined && (
                    <span className="muted">
                      {' '}
                      (line {p.line}, column {p.column})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <ul className="tests-scenarios" aria-label={`Scenarios in ${file.file}`}>
            {(file.test?.scenarios ?? []).map((scenario) => (
              <ScenarioRow
                key={scenario.name}
                name={scenario.name}
                outcome={outcomeOf(file.file, scenario.name)}
                stale={outcomeOf(file.file, scenario.name)?.flow !== flow}
                disabled={running}
                onRun={() => start({ file: file.file, name: scenario.name })}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

interface ScenarioRowProps {
  name: string;
  outcome: ScenarioOutcome | undefined;
  stale: boolean;
  disabled: boolean;
  onRun: () => void;
}

function ScenarioRow({ name, outcome, stale, disabled, onRun }: ScenarioRowProps) {
  const result = outcome ? (outcome.passed ? 'passed' : 'failed') : 'not-run';
  const label = outcome ? (outcome.passed ? 'Passed' : 'Failed') : 'Not run';
  return (
    <li className="tests-scenario" data-result={result} aria-label={`Scenario ${name}`}>
      <div className="tests-scenario-head">
        <span className={`tests-badge is-${result}`}>{label}</span>
        <span className="tests-scenario-name">{name}</span>
        <button type="button" disabled={disabled} aria-label={`Run ${name}`} onClick={onRun}>
          Run
        </button>
      </div>
      {outcome && stale && <p className="muted">Ran before the latest edit.</p>}
      {outcome && !outcome.passed && (
        <ul className="tests-failures">
          {outcome.failures.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <code>{f.path}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
