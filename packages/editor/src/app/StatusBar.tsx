import { isDirty, useEditorStore } from '../store/flow-store';

/** One line at the bottom: the last notice, and the problem counts. */
export function StatusBar() {
  const notice = useEditorStore((s) => s.notice);
  const problems = useEditorStore((s) => s.problems);
  const checked = useEditorStore((s) => s.problemsChecked);
  const dirty = useEditorStore(isDirty);
  const notApplied = useEditorStore((s) => Object.keys(s.pending).length);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <footer className="status-bar" role="status" aria-label="Status" aria-live="polite">
      <span className={notice ? `notice is-${notice.kind}` : 'notice'}>{notice?.text ?? ''}</span>
      <span className="status-counts">
        {dirty ? 'Unsaved · ' : ''}
        {notApplied > 0 ? `${notApplied} ${notApplied === 1 ? 'edit' : 'edits'} not applied · ` : ''}
        {checked ? `${errors} errors · ${warnings} warnings` : 'checking…'}
      </span>
    </footer>
  );
}
