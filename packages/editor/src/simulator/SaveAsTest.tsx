import type { Flow } from '@callflow/model';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/client';
import { isDirty, useEditorStore } from '../store/flow-store';
import { saveScenario } from '../tests-panel/save-scenario';
import { reloadTestFiles } from '../tests-panel/tests-store';
import type { RecordedScenario } from './call-controller';

interface SaveAsTestProps {
  flow: Flow;
  /** A name to start from (what the caller pressed, how the call ended). */
  suggestedName: string;
  /** The call just simulated as a scenario, checked by replaying it; undefined when there is no call. */
  record: (name: string) => RecordedScenario | undefined;
}

type Outcome = { kind: 'saved' | 'refused'; text: string; notes?: string[] };

/**
 * Turns the call just simulated into a scenario of the flow's test file (`<flow>.test.json`), so CI keeps
 * checking that the flow does what the admin saw. The scenario is replayed first: one that would not
 * pass as recorded is never saved.
 */
export function SaveAsTest({ flow, suggestedName, record }: SaveAsTestProps) {
  const id = useId();
  const [name, setName] = useState(suggestedName);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const known = useEditorStore((s) => s.flows.some((f) => f.id === flow.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const recorded = record(name.trim());
    if (!recorded) return;
    if (recorded.failures.length > 0) {
      setOutcome({
        kind: 'refused',
        text: `This call cannot be replayed as a test: ${recorded.failures.map((f) => f.message).join('; ')}`,
        notes: recorded.notes,
      });
      return;
    }
    setBusy(true);
    const saved = await saveScenario(api, flow.id, recorded.scenario);
    setBusy(false);
    if (!saved.ok) {
      setOutcome({ kind: 'refused', text: saved.message, notes: recorded.notes });
      return;
    }
    void reloadTestFiles(flow.id);
    const unsaved = isDirty(useEditorStore.getState())
      ? ' The flow has unsaved changes: CI tests the saved flow, so save it too.'
      : '';
    setOutcome({
      kind: 'saved',
      text: `${saved.created ? 'Created' : 'Added to'} ${saved.file}.${unsaved}`,
      notes: recorded.notes,
    });
  };

  return (
    <form className="sim-save-test" aria-label="Save as test" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-name`}>Scenario name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      <button type="submit" disabled={busy || !known || name.trim() === ''}>
        Save as test
      </button>
      {!known && <p className="muted">Save the flow first: its tests live beside it on the server.</p>}
      {outcome && (
        <div role="status" aria-label="Saved test" className={`sim-save-test-${outcome.kind}`}>
          <p>{outcome.text}</p>
          {outcome.notes && outcome.notes.length > 0 && (
            <ul aria-label="Not in the test">
              {outcome.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
