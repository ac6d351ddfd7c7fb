import type { FlowType, Problem, QueueCallbackSettings, QueueResource, Resources } from '@callflow/model';
import { useEditorStore } from '../store/flow-store';
import { Field, IntegerInput, NameSelect, namesOf, TextInput } from './CenterFields';
import { pointer, problemsAt } from './center-problems';
import { setEntryField } from './entry-edits';

/** A queue: who answers it, what callers hear while waiting, and the number shown on its calls. */
export function QueueForm({
  name,
  entry,
  resources,
  problems,
}: {
  name: string;
  entry: QueueResource;
  resources: Resources;
  problems: readonly Problem[];
}) {
  const flows = useEditorStore((s) => s.flows);
  const at = (key: string) => problemsAt(problems, pointer('queues', name, key));
  const set = (key: string) => (value: unknown) => setEntryField('queues', name, key, value);
  // A queue plays flows of one type in each role: only flows of that type are offered.
  const flowsOf = (type: FlowType) =>
    flows.filter((f) => f.type === type).map((f) => ({ value: f.id, label: `${f.id} · ${f.name}` }));
  const flowField = (key: keyof QueueResource, label: string, type: FlowType) => (
    <Field id={`entry-${key}`} label={label} optional problems={at(key)}>
      <NameSelect
        id={`entry-${key}`}
        value={entry[key] as string | undefined}
        none="(none)"
        names={flowsOf(type)}
        onChange={set(key)}
      />
    </Field>
  );
  return (
    <>
      <Field id="entry-displayName" label="Display name" problems={at('displayName')}>
        <TextInput id="entry-displayName" required value={entry.displayName} onChange={set('displayName')} />
      </Field>
      <Field id="entry-agentGroup" label="Agent group" problems={at('agentGroup')}>
        <NameSelect
          id="entry-agentGroup"
          value={entry.agentGroup}
          names={namesOf(resources.agentGroups)}
          onChange={(v) => set('agentGroup')(v ?? '')}
        />
      </Field>
      <Field id="entry-outboundCallerId" label="Caller-ID number" optional problems={at('outboundCallerId')}>
        <NameSelect
          id="entry-outboundCallerId"
          value={entry.outboundCallerId}
          none="(account's principal number)"
          names={Object.entries(resources.numbers).map(([value, n]) => ({
            value,
            label: `${value} · ${n.number}`,
          }))}
          onChange={set('outboundCallerId')}
        />
      </Field>
      <Field
        id="entry-outboundCallerIdName"
        label="Caller-ID name"
        optional
        problems={at('outboundCallerIdName')}
      >
        <TextInput
          id="entry-outboundCallerIdName"
          value={entry.outboundCallerIdName}
          onChange={set('outboundCallerIdName')}
        />
      </Field>
      {flowField('customerQueueFlow', 'Customer queue flow', 'customer-queue')}
      {flowField('agentWhisperFlow', 'Agent whisper flow', 'agent-whisper')}
      {flowField('customerWhisperFlow', 'Customer whisper flow', 'customer-whisper')}
      {flowField('outboundWhisperFlow', 'Outbound whisper flow', 'outbound-whisper')}
      <Field
        id="entry-hours"
        label="Hours of operation"
        optional
        problems={at('hours')}
        help="What Check hours judges in this queue when the block names no hours."
      >
        <NameSelect
          id="entry-hours"
          value={entry.hours}
          none="(none)"
          names={Object.entries(resources.hours).map(([value, h]) => ({
            value,
            label: `${value} · ${h.timeZone}`,
          }))}
          onChange={set('hours')}
        />
      </Field>
      <Field id="entry-maxContacts" label="Maximum contacts in queue" optional problems={at('maxContacts')}>
        <IntegerInput id="entry-maxContacts" value={entry.maxContacts} onChange={set('maxContacts')} />
      </Field>
      <Field
        id="entry-offerTimeoutSeconds"
        label="Offer timeout"
        optional
        problems={at('offerTimeoutSeconds')}
      >
        <IntegerInput
          id="entry-offerTimeoutSeconds"
          unit="seconds"
          value={entry.offerTimeoutSeconds}
          onChange={set('offerTimeoutSeconds')}
        />
      </Field>
      <fieldset className="field" aria-label="Callback settings">
        <legend>Callback settings</legend>
        <p className="help">
          How callbacks into this queue are tried when the request does not say (web callbacks).
        </p>
        {CALLBACK_FIELDS.map(([key, label, unit]) => (
          <Field
            key={key}
            id={`entry-callback-${key}`}
            label={label}
            optional
            problems={at(`callback/${key}`)}
          >
            <IntegerInput
              id={`entry-callback-${key}`}
              unit={unit}
              value={entry.callback?.[key]}
              onChange={(value) => {
                const callback: QueueCallbackSettings = { ...entry.callback };
                if (value === undefined) delete callback[key];
                else callback[key] = value;
                set('callback')(Object.keys(callback).length > 0 ? callback : undefined);
              }}
            />
          </Field>
        ))}
      </fieldset>
    </>
  );
}

const CALLBACK_FIELDS: readonly [keyof QueueCallbackSettings, string, string | undefined][] = [
  ['initialDelaySeconds', 'Initial delay', 'seconds'],
  ['maxAttempts', 'Maximum attempts', undefined],
  ['retryDelaySeconds', 'Retry delay', 'seconds'],
  ['maxQueueSeconds', 'Maximum time in queue', 'seconds'],
];
