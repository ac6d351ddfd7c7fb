import type { HoursResource, Problem, Resources } from '@callflow/model';
import { Field, TextInput } from './CenterFields';
import { pointer, problemsAt } from './center-problems';
import { setEntryField } from './entry-edits';

export function HoursForm({
  name,
  entry,
  problems,
}: {
  name: string;
  entry: HoursResource;
  resources: Resources;
  problems: readonly Problem[];
}) {
  const at = (key: string) => problemsAt(problems, pointer('hours', name, key));
  const set = (key: string) => (value: unknown) => setEntryField('hours', name, key, value);
  return (
    <Field id="entry-timeZone" label="Time zone" problems={at('timeZone')}>
      <TextInput
        id="entry-timeZone"
        required
        value={entry.timeZone}
        onChange={(v) => set('timeZone')(v ?? '')}
      />
    </Field>
  );
}
