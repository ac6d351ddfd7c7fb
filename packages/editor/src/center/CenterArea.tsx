import type { Problem, Resources } from '@callflow/model';
import { ResourcesDamagedBanner } from '../app/ResourcesDamagedBanner';
import { useEditorStore } from '../store/flow-store';
import { AccountForm } from './AccountForm';
import { AgentForm, AgentGroupForm } from './AgentForms';
import { CenterConflictDialog } from './CenterConflictDialog';
import { CenterToolbar } from './CenterToolbar';
import { pointer, problemsAt } from './center-problems';
import { type CenterSelection, useCenterStore } from './center-store';
import { EntryHeader } from './EntryHeader';
import { setEntryField } from './entry-edits';
import { HoursForm } from './HoursForm';
import { HANDLED_FIELDS } from './handled-fields';
import { NumberForm } from './NumberForm';
import { PromptForm } from './PromptForm';
import { QueueForm } from './QueueForm';
import { ResourceList } from './ResourceList';
import { SchemaFields } from './SchemaFields';
import { useCenterProblems } from './use-center-problems';
import { useCenterShortcuts } from './use-center-shortcuts';
import { useStoredResources } from './use-stored-resources';

/** The Center area: every resource of resources.json by kind, a form for the one chosen, its problems. */
export function CenterArea() {
  const resources = useCenterStore((s) => s.resources);
  const selection = useCenterStore((s) => s.selection);
  const conflict = useCenterStore((s) => s.conflict);
  const problems = useCenterProblems();
  useCenterShortcuts();
  useStoredResources();
  const errorsAt = (path: string) => problemsAt(problems, path).filter((p) => p.severity === 'error').length;
  return (
    <div className="app">
      <CenterToolbar />
      <ResourcesDamagedBanner />
      {resources ? (
        <main className="center">
          <ResourceList resources={resources} errorsAt={errorsAt} />
          <section className="center-form form" aria-label="Resource">
            <SelectedForm selection={selection} resources={resources} problems={problems} />
          </section>
          <CenterProblems problems={problems} />
        </main>
      ) : (
        <main className="start-screen">
          <p className="muted">Loading the resources…</p>
        </main>
      )}
      <CenterStatus problems={problems} />
      {conflict && <CenterConflictDialog conflict={conflict} />}
    </div>
  );
}

function SelectedForm({
  selection,
  resources,
  problems,
}: {
  selection: CenterSelection;
  resources: Resources;
  problems: readonly Problem[];
}) {
  if (!selection)
    return <p className="muted">Choose a queue, number, hours, prompt, agent group or agent, or add one.</p>;
  if (selection.kind === 'account') return <AccountForm resources={resources} problems={problems} />;
  const { kind, name } = selection;
  const props = { name, resources, problems };
  let form: React.ReactNode;
  switch (kind) {
    case 'numbers':
      form = <NumberForm {...props} entry={resources.numbers[name]!} />;
      break;
    case 'queues':
      form = <QueueForm {...props} entry={resources.queues[name]!} />;
      break;
    case 'hours':
      form = <HoursForm {...props} entry={resources.hours[name]!} />;
      break;
    case 'prompts':
      form = <PromptForm {...props} entry={resources.prompts[name]!} />;
      break;
    case 'agentGroups':
      form = <AgentGroupForm {...props} entry={resources.agentGroups[name]!} />;
      break;
    case 'agents':
      form = <AgentForm {...props} entry={resources.agents[name]!} />;
      break;
  }
  return (
    <div key={`${kind}/${name}`} className="form">
      <EntryHeader kind={kind} name={name} />
      {form}
      <SchemaFields
        kind={kind}
        path={pointer(kind, name)}
        entry={resources[kind][name] as unknown as Record<string, unknown>}
        handled={HANDLED_FIELDS[kind]}
        problems={problems}
        onChange={(key, value) => setEntryField(kind, name, key, value)}
      />
    </div>
  );
}

/** Every problem of the resources, as `callflow validate` words it; a click shows the entry. */
function CenterProblems({ problems }: { problems: readonly Problem[] }) {
  return (
    <aside className="center-problems" aria-label="Resource problems">
      <h3>Problems</h3>
      {problems.length === 0 ? (
        <p className="muted">No problems.</p>
      ) : (
        <ul>
          {problems.map((p) => (
            <li key={`${p.code}:${p.path}:${p.message}`}>
              <button type="button" className="link" onClick={() => showProblem(p)}>
                <strong>{p.code}</strong> {p.path || '(file)'}: {p.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function showProblem(problem: Problem): void {
  const [section, name] = problem.path
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  const store = useCenterStore.getState();
  if (section === 'account' || section === 'httpAllowlist') store.select({ kind: 'account' });
  else if (section && name && store.resources && Object.hasOwn(store.resources, section))
    store.select({ kind: section as Exclude<CenterSelection, null | { kind: 'account' }>['kind'], name });
}

function CenterStatus({ problems }: { problems: readonly Problem[] }) {
  const notice = useEditorStore((s) => s.notice);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <footer className="status-bar" role="status" aria-label="Status" aria-live="polite">
      <span className={notice ? `notice is-${notice.kind}` : 'notice'}>{notice?.text ?? ''}</span>
      <span className="status-counts">
        {errors} errors · {problems.length - errors} warnings
      </span>
    </footer>
  );
}
