import { areaOf, type PhoneNumberResource, type Problem, type Resources } from '@callflow/model';
import { useState } from 'react';
import { phoneNumberFeedback } from '../properties/widgets/phone-number';
import { useEditorStore } from '../store/flow-store';
import { Field, NameChecklist, NameSelect, namesOf, TextInput } from './CenterFields';
import { pointer, problemsAt } from './center-problems';
import { setEntryField } from './entry-edits';

/**
 * A number the account owns. The number is cleaned and checked as a dial number is (the block forms'
 * rules, the account's region for national numbers; the country allowlist is for dialling out, not
 * for numbers owned) and saved in E.164; its country and area are shown.
 */
export function NumberForm({
  name,
  entry,
  resources,
  problems,
}: {
  name: string;
  entry: PhoneNumberResource;
  resources: Resources;
  problems: readonly Problem[];
}) {
  const flows = useEditorStore((s) => s.flows);
  const at = (key: string) => problemsAt(problems, pointer('numbers', name, key));
  const set = (key: string) => (value: unknown) => setEntryField('numbers', name, key, value);
  const owned = { ...resources, account: { ...resources.account, allowedCountries: [] } };
  const [stripped, setStripped] = useState(false);
  const feedback = entry.number ? phoneNumberFeedback(entry.number, owned) : null;
  const extension = feedback?.check.ok && feedback.check.postDial !== undefined;
  const area = feedback?.check.ok ? areaOf(feedback.check.e164) : undefined;
  return (
    <>
      <Field
        id="entry-number"
        label="Number"
        problems={at('number')}
        help={`Typed as dialled (national numbers in region ${resources.account.defaultRegion}), saved in E.164.`}
      >
        <input
          id="entry-number"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="+12025550143"
          value={entry.number}
          aria-invalid={at('number').length > 0 || (feedback !== null && (!feedback.check.ok || extension))}
          aria-describedby="entry-number-feedback"
          onChange={(e) => {
            const next = phoneNumberFeedback(e.target.value, owned);
            setStripped(next.stripped);
            set('number')(next.sanitized);
          }}
          onBlur={() => {
            if (feedback?.check.ok && !extension && feedback.check.e164 !== entry.number)
              set('number')(feedback.check.e164);
          }}
        />
        {feedback && (
          <p
            id="entry-number-feedback"
            className={feedback.check.ok && !extension ? 'help' : 'field-error'}
            aria-live="polite"
          >
            {extension
              ? 'A number the account owns has no extension: remove what follows ":".'
              : `${feedback.check.ok ? '✓ ' : ''}${feedback.message}`}
            {stripped ? ' (characters that cannot be dialled were removed)' : ''}
          </p>
        )}
        {area && (
          <p className="help" data-testid="number-area">
            Area code {area.label}
          </p>
        )}
      </Field>
      <Field id="entry-displayName" label="Display name" problems={at('displayName')}>
        <TextInput id="entry-displayName" required value={entry.displayName} onChange={set('displayName')} />
      </Field>
      <NameChecklist
        label="Agent groups"
        value={entry.groups ?? []}
        names={namesOf(resources.agentGroups)}
        onChange={(groups) => set('groups')(groups.length > 0 ? groups : undefined)}
        problems={at('groups')}
      />
      <Field id="entry-inboundFlow" label="Inbound flow" optional problems={at('inboundFlow')}>
        <NameSelect
          id="entry-inboundFlow"
          value={entry.inboundFlow}
          none="(none)"
          names={flows
            .filter((f) => f.type === 'inbound')
            .map((f) => ({ value: f.id, label: `${f.id} · ${f.name}` }))}
          onChange={set('inboundFlow')}
        />
      </Field>
    </>
  );
}
