import type { FlowCoverage, PathToBlock } from '@callflow/runtime';
import { useState } from 'react';
import { api } from '../api/client';
import { saveScenario } from './save-scenario';
import { reloadTestFiles } from './tests-store';

export interface CoverageSectionProps {
  flowId: string;
  coverage: FlowCoverage;
  disabled: boolean;
}

/**
 * What the latest whole run exercised of the open flow: blocks and outcomes (the untested outcomes are
 * shaded on the canvas), and for each block no scenario entered the shortest outcome path to it, found
 * on the flow's compiled machine, with a button that adds a scenario skeleton along it to the flow's
 * test file.
 */
export function CoverageSection({ flowId, coverage, disabled }: CoverageSectionProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const add = async (path: PathToBlock) => {
    if (!path.skeleton) return;
    setSaving(true);
    const saved = await saveScenario(api, flowId, path.skeleton);
    setSaving(false);
    setMessage(
      saved.ok
        ? `Scenario "${path.skeleton.name}" added to ${saved.file}: complete it there (see its path), then run it.`
        : saved.message,
    );
    if (saved.ok) await reloadTestFiles(flowId);
  };

  const { blocks, outcomes } = coverage;
  return (
    <section className="tests-coverage" aria-label="Coverage">
      <h3>Coverage</h3>
      <p role="status" aria-label="Coverage summary">
        {blocks.exercised.length}/{blocks.total} blocks, {outcomes.exercised.length}/{outcomes.total} outcomes
        exercised
      </p>
      {outcomes.untested.length > 0 && (
        <p className="muted">Outcomes no scenario took are shaded on the canvas.</p>
      )}
      {blocks.untested.length > 0 && (
        <ul className="tests-untested" aria-label="Untested blocks">
          {blocks.untested.map((block) => {
            const path = coverage.paths.find((p) => p.block === block);
            return (
              <li key={block} aria-label={`Untested block ${block}`}>
                <code>{block}</code>{' '}
                {path ? (
                  <span className="tests-path" role="note" aria-label={`Shortest path to ${block}`}>
                    {path.steps.map((s) => `${s.block} →${s.outcome}→ `).join('')}
                    {block}
                  </span>
                ) : (
                  <span className="muted">not reachable from the start</span>
                )}
                {path?.skeleton && (
                  <button
                    type="button"
                    disabled={disabled || saving}
                    aria-label={`Add a scenario reaching ${block}`}
                    onClick={() => void add(path)}
                  >
                    Add scenario
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {message && (
        <p role="status" aria-label="Coverage scenario">
          {message}
        </p>
      )}
    </section>
  );
}
