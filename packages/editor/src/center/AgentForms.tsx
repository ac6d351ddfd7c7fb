import type { AgentGroupResource, AgentResource, Problem, Resources } from '@callflow/model';
import { Field, NameChecklist, NameSelect, namesOf, TextInput } from './CenterFields';
import { pointer, problemsAt } from './center-problems';
import { setEntryField } from './entry-edits';

const numberNames = (resources: Resources) =>
  Object.entries(resources.numbers).map(([value, n]) => ({ value, label: `${value} · ${n.number}` }));

export function AgentGroupForm({
  name,
  entry,
  resources,
  problems,
}: {
  name: string;
  entry: AgentGroupResource;
  resources: Resources;
  problems: readonly Problem[];
}) {
  const at = (key: string) => problemsAt(problems, pointer('agentGroups', name, key));
  const set = (key: string) => (value: unknown) => setEntryField('agentGroups', name, key, value);
  return (
    <>
      <Field id="entry-displayName" label="Display name" problems={at('displayName')}>
        <TextInput id="entry-displayName" required value={entry.displayName} onChange={set('displayName')} />
      </Field>
      <Field id="entry-callerIdNumber" label="Caller-ID number" optional problems={at('callerIdNumber')}>
        <NameSelect
          id="entry-callerIdNumber"
          value={entry.callerIdNumber}
          none="(none)"
          names={numberNames(resources)}
          onChange={set('callerIdNumber')}
        />
      </Field>
    </>
  );
}

export function AgentForm({
  name,
  entry,
  resources,
  problems,
}: {
  name: string;
  entry: AgentResource;
  resources: Resources;
  problems: readonly Problem[];
}) {
  const at = (key: string) => problemsAt(problems, pointer('agents', name, key));
  const set = (key: string) => (value: unknown) => setEntryField('agents', name, key, value);
  return (
    <>
      <Field id="entry-displayName" label="Display name" problems={at('displayName')}>
        <TextInput id="entry-displayName" required value={entry.displayName} onChange={set('displayName')} />
      </Field>
      <NameChecklist
        label="Agent groups"
        value={entry.groups}
        names={namesOf(resources.agentGroups)}
        onChange={set('groups')}
        problems={at('groups')}
      />
      <NameChecklist
        label="Allowed numbers (none ticked: every account number)"
        value={entry.allowedNumbers ?? []}
        names={numberNames(resources)}
        onChange={(v) => set('allowedNumbers')(v.length > 0 ? v : undefined)}
        problems={at('allowedNumbers')}
      />
      <Field id="entry-defaultNumber" label="Default number" optional problems={at('defaultNumber')}>
        <NameSelect
          id="entry-defaultNumber"
          value={entry.defaultNumber}
          none="(none)"
          names={numberNames(resources)}
          onChange={set('defaultNumber')}
        />
      </Field>
      <Field
        id="entry-defaultOutboundQueue"
        label="Default outbound queue"
        optional
        problems={at('defaultOutboundQueue')}
      >
        <NameSelect
          id="entry-defaultOutboundQueue"
          value={entry.defaultOutboundQueue}
          none="(none)"
          names={namesOf(resources.queues)}
          onChange={set('defaultOutboundQueue')}
        />
      </Field>
    </>
  );
}
