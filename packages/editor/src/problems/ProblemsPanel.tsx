import type { Problem } from '@callflow/model';
import { useEditorStore } from '../store/flow-store';
import type { PendingEdit } from '../store/pending-edits';

/** Live problems of the open flow; a click selects the block and focuses the field at fault. */
export function ProblemsPanel() {
  const problems = useEditorStore((s) => s.problems);
  const checked = useEditorStore((s) => s.problemsChecked);
  const pending = useEditorStore((s) => s.pending);
  return <ProblemsView problems={problems} checked={checked} pending={Object.values(pending)} />;
}

/**
 * The panel's content: "checking" until the open flow's first check, then the counts and the list.
 * Edits shown in a field but not applied come first: the check cannot see them, and they block saving.
 */
export function ProblemsView({
  problems,
  checked,
  pending = [],
}: {
  problems: Problem[];
  checked: boolean;
  pending?: PendingEdit[];
}) {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const notApplied = pending.length > 0 && (
    <ul className="problem-list" aria-label="Edits not applied">
      {pending.map((edit) => (
        <li key={`${edit.where}:${edit.problem.path}`}>
          <PendingRow edit={edit} />
        </li>
      ))}
    </ul>
  );
  if (!checked) {
    return (
      <section className="panel problems-panel" aria-label="Problems" aria-busy="true">
        {notApplied}
        <p className="muted">Checking the flow…</p>
      </section>
    );
  }
  return (
    <section className="panel problems-panel" aria-label="Problems">
      <p className="problems-counts">
        <strong>{errors.length + pending.length}</strong>{' '}
        {errors.length + pending.length === 1 ? 'error' : 'errors'}, <strong>{warnings.length}</strong>{' '}
        {warnings.length === 1 ? 'warning' : 'warnings'}
        {pending.length > 0 && ` (${pending.length} not applied: saving waits for them)`}
      </p>
      {notApplied}
      {problems.length === 0 && pending.length === 0 ? (
        <p className="muted">No problems. The flow is ready to publish.</p>
      ) : (
        <ul className="problem-list">
          {[...errors, ...warnings].map((p) => (
            <li key={`${p.code}:${p.path}:${p.message}`}>
              <ProblemRow problem={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** An edit not applied: a click goes back to the field that holds it. */
function PendingRow({ edit }: { edit: PendingEdit }) {
  return (
    <button
      type="button"
      className="problem-row is-error"
      onClick={() => {
        const store = useEditorStore.getState();
        store.focusProblem(edit.problem);
        store.setTab(edit.tab);
      }}
      title={edit.problem.path}
    >
      <span className="problem-code">{edit.problem.code}</span>
      <span className="problem-message">
        Not applied: {edit.where} — {edit.problem.message}
      </span>
      <span className="problem-where">{edit.problem.blockId ?? edit.where}</span>
    </button>
  );
}

function ProblemRow({ problem }: { problem: Problem }) {
  const where = problem.blockId ?? (problem.path || 'flow');
  return (
    <button
      type="button"
      className={`problem-row is-${problem.severity}`}
      onClick={() => useEditorStore.getState().focusProblem(problem)}
      title={problem.path}
    >
      <span className="problem-code">{problem.code}</span>
      <span className="problem-message">{problem.message}</span>
      <span className="problem-where">{where}</span>
    </button>
  );
}
