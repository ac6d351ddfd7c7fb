import type { ResourceKind } from '@callflow/model';
import { useEffect, useState } from 'react';
import { useCenterStore } from '../center/center-store';
import { useEditorStore } from '../store/flow-store';
import { entryUsages } from './entry-usages';
import { describeError, isSavedEntry } from './rename-entry';
import { UsageList } from './UsageList';
import type { UsageAnswer } from './usage-calls';
import './usage.css';

/** "Used by" under an entry's name: each flow block (a click opens it), test and resource naming it. */
export function EntryUsages({ kind, name }: { kind: ResourceKind; name: string }) {
  const resources = useCenterStore((s) => s.resources);
  const savedDoc = useCenterStore((s) => s.saved);
  // The flow list changes on every save and publish: the uses are read again with it.
  const flows = useEditorStore((s) => s.flows);
  const [answer, setAnswer] = useState<UsageAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the saved file or the flows change
  useEffect(() => {
    if (!resources) return;
    let current = true;
    entryUsages(kind, name, resources, isSavedEntry(kind, name)).then(
      (found) => {
        if (!current) return;
        setAnswer(found);
        setError(null);
      },
      (e: unknown) => {
        if (!current) return;
        const { code, message } = describeError(e);
        setError(`${code}: ${message}`);
      },
    );
    return () => {
      current = false;
    };
  }, [kind, name, resources, savedDoc, flows]);
  const errorsOf = new Map(flows.map((f) => [f.id, f.errors]));
  return (
    <section className="entry-usages" aria-label="Used by">
      {/* A caption, not a heading: the entry's name stays the form's one heading. */}
      <p className="entry-usages-title">Used by</p>
      {error && <p className="field-error">{error}</p>}
      {answer ? (
        <>
          <UsageList usages={answer.usages} unreadable={answer.unreadable} empty="Nothing uses it yet." />
          <FlowProblems
            flowIds={[...new Set(answer.usages.flatMap((u) => (u.blockId && u.flowId ? [u.flowId] : [])))]}
            errorsOf={errorsOf}
          />
        </>
      ) : (
        !error && <p className="muted">Loading…</p>
      )}
    </section>
  );
}

/** The saved flows among the users that have errors now (checked by the service with the saved resources). */
function FlowProblems({ flowIds, errorsOf }: { flowIds: string[]; errorsOf: Map<string, number> }) {
  const withErrors = flowIds.filter((id) => (errorsOf.get(id) ?? 0) > 0);
  if (withErrors.length === 0) return null;
  return (
    <p className="field-error flows-with-errors">
      With errors now: {withErrors.map((id) => `${id} (${errorsOf.get(id)})`).join(', ')}
    </p>
  );
}
