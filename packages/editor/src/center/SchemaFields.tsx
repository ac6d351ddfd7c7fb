import type { Problem, ResourceKind } from '@callflow/model';
import { useState } from 'react';
import { Field, IntegerInput, NameSelect, TextInput } from './CenterFields';
import { pointer, problemsAt } from './center-problems';
import { fieldsWithoutControl, type GenericField } from './schema-fields';

/** Controls made from the schema for the fields of an entry its form does not know (yet). */
export function SchemaFields({
  kind,
  path,
  entry,
  handled,
  problems,
  onChange,
}: {
  kind: ResourceKind | 'account';
  /** JSON pointer of the entry (`/agents/alice`). */
  path: string;
  entry: Record<string, unknown>;
  handled: readonly string[];
  problems: readonly Problem[];
  onChange(key: string, value: unknown): void;
}) {
  const fields = fieldsWithoutControl(kind, handled);
  return (
    <>
      {fields.map((field) => (
        <Field
          key={field.key}
          id={`entry-${field.key}`}
          label={field.key}
          optional={!field.required}
          problems={problemsAt(problems, `${path}${pointer(field.key)}`)}
          help={field.description}
        >
          <SchemaControl field={field} value={entry[field.key]} onChange={(v) => onChange(field.key, v)} />
        </Field>
      ))}
    </>
  );
}

function SchemaControl({
  field,
  value,
  onChange,
}: {
  field: GenericField;
  value: unknown;
  onChange(v: unknown): void;
}) {
  const id = `entry-${field.key}`;
  switch (field.control) {
    case 'text':
      return (
        <TextInput
          id={id}
          required={field.required}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
        />
      );
    case 'integer':
      return (
        <IntegerInput id={id} value={typeof value === 'number' ? value : undefined} onChange={onChange} />
      );
    case 'checkbox':
      return (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked ? true : field.required ? false : undefined)}
        />
      );
    case 'select':
      return (
        <NameSelect
          id={id}
          value={typeof value === 'string' ? value : undefined}
          names={(field.options ?? []).map((o) => ({ value: o, label: o }))}
          {...(field.required ? {} : { none: '(none)' })}
          onChange={onChange}
        />
      );
    case 'list':
      return <ListText id={id} value={Array.isArray(value) ? value.map(String) : []} onChange={onChange} />;
    default:
      return <JsonText id={id} value={value} onChange={onChange} />;
  }
}

/** Names separated by commas. */
function ListText({ id, value, onChange }: { id: string; value: string[]; onChange(v: unknown): void }) {
  return (
    <input
      id={id}
      type="text"
      autoComplete="off"
      value={value.join(', ')}
      onChange={(e) => {
        const items = e.target.value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        onChange(items.length > 0 ? items : undefined);
      }}
    />
  );
}

/** Any other shape, as JSON; applied once the text parses. */
function JsonText({ id, value, onChange }: { id: string; value: unknown; onChange(v: unknown): void }) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [bad, setBad] = useState(false);
  return (
    <>
      <textarea
        id={id}
        rows={3}
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setBad(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <p className="field-error">Not JSON yet: the setting keeps its last value.</p>}
    </>
  );
}
