import type { Problem } from '@callflow/model';
import { useEditorStore } from '../store/flow-store';

/** Live problems of the open flow; a click selects the block and focuses the field at fault. */
export function ProblemsPanel() {
  const problems = useEditorStore((s) => s.problems);
  const checked = useEditorStore((s) => s.problemsChecked);
  return <ProblemsView problems={problems} checked={checked} />;
}

/** The panel's content: "checking" until the open flow's first check, then the counts and the list. */
export function ProblemsView({ problems, checked }: { problems: Problem[]; checked: boolean }) {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (!checked) {
    return (
      <section className="panel problems-panel" aria-label="Problems" aria-busy="true">
        <p className="muted">Checking the flow…</p>
      </section>
    );
  }
  return (
    <section className="panel problems-panel" aria-label="Problems">
      <p className="problems-counts">
        <strong>{errors.length}</strong> {errors.length === 1 ? 'error' : 'errors'},{' '}
        <strong>{warnings.length}</strong> {warnings.length === 1 ? 'warning' : 'warnings'}
      </p>
      {problems.length === 0 ? (
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
