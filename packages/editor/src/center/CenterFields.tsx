/** The controls the Center forms are made of: a labelled field with its problems (code and words). */
import type { Problem } from '@callflow/model';
import { type ReactNode, useEffect, useState } from 'react';

export function Field({
  id,
  label,
  problems,
  optional,
  help,
  children,
}: {
  id: string;
  label: string;
  problems: readonly Problem[];
  optional?: boolean;
  help?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field" data-field={id}>
      <span className="field-title">
        <label htmlFor={id}>{label}</label>
        {optional && <span className="optional">optional</span>}
      </span>
      {children}
      {help && <p className="help">{help}</p>}
      <FieldProblems id={id} problems={problems} />
    </div>
  );
}

export function FieldProblems({ id, problems }: { id: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" id={`${id}-problems`}>
      {problems.map((p) => (
        <li
          key={`${p.code}:${p.path}:${p.message}`}
          className={p.severity === 'warning' ? 'is-warning' : undefined}
        >
          {p.code}: {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Text; an empty optional field removes the setting. */
export function TextInput({
  id,
  value,
  onChange,
  required,
  invalid,
  placeholder,
}: {
  id: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  required?: boolean;
  invalid?: boolean;
  placeholder?: string;
}) {
  return (
    <input
      id={id}
      type="text"
      autoComplete="off"
      value={value ?? ''}
      placeholder={placeholder}
      aria-invalid={invalid}
      onChange={(e) => onChange(e.target.value === '' && !required ? undefined : e.target.value)}
    />
  );
}

/**
 * A whole number. The typed text is kept while it is not one (the stored value changes only for
 * whole numbers; an empty optional field removes the setting).
 */
export function IntegerInput({
  id,
  value,
  onChange,
  invalid,
  unit,
}: {
  id: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  invalid?: boolean;
  unit?: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    // Undo, redo and merges change the value behind the field.
    setText((typed) =>
      Number(typed) === value && typed.trim() !== '' ? typed : value === undefined ? '' : String(value),
    );
  }, [value]);
  const whole = /^-?\d+$/.test(text.trim());
  return (
    <span className="field-row">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={invalid || (text.trim() !== '' && !whole)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') onChange(undefined);
          else if (/^-?\d+$/.test(next.trim())) onChange(Number(next));
        }}
      />
      {unit && <span className="muted">{unit}</span>}
      {text.trim() !== '' && !whole && (
        <span className="field-error">"{text.trim()}" is not a whole number.</span>
      )}
    </span>
  );
}

/** One of a list of names; `none` is the label of the empty choice (absent when a value is required). */
export function NameSelect({
  id,
  value,
  names,
  onChange,
  none,
  invalid,
}: {
  id: string;
  value: string | undefined;
  names: readonly { value: string; label: string }[];
  onChange(value: string | undefined): void;
  none?: string;
  invalid?: boolean;
}) {
  const known = value === undefined || value === '' || names.some((n) => n.value === value);
  return (
    <select
      id={id}
      value={value ?? ''}
      aria-invalid={invalid || !known}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      {(none !== undefined || !value) && <option value="">{none ?? 'Choose…'}</option>}
      {!known && <option value={value}>{value} (unknown)</option>}
      {names.map((n) => (
        <option key={n.value} value={n.value}>
          {n.label}
        </option>
      ))}
    </select>
  );
}

/** Several names, as a list of checkboxes (groups, allowed numbers). */
export function NameChecklist({
  label,
  value,
  names,
  onChange,
  problems,
}: {
  label: string;
  value: readonly string[];
  names: readonly { value: string; label: string }[];
  onChange(value: string[]): void;
  problems: readonly Problem[];
}) {
  const unknown = value.filter((v) => !names.some((n) => n.value === v));
  const all = [...names, ...unknown.map((v) => ({ value: v, label: `${v} (unknown)` }))];
  return (
    <fieldset className="field">
      <legend>{label}</legend>
      {all.length === 0 && <p className="help">None defined yet.</p>}
      {all.map((n) => (
        <label key={n.value} className="check">
          <input
            type="checkbox"
            checked={value.includes(n.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, n.value] : value.filter((v) => v !== n.value))
            }
          />
          {n.label}
        </label>
      ))}
      <FieldProblems id={label} problems={problems} />
    </fieldset>
  );
}

/** The entries of a section as choices ("sales · Sales"). */
export function namesOf(entries: Readonly<Record<string, { displayName?: string }>>) {
  return Object.entries(entries).map(([value, e]) => ({
    value,
    label: e.displayName ? `${value} · ${e.displayName}` : value,
  }));
}
