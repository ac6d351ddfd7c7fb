import { useEffect, useState } from 'react';
import type { WidgetProps } from './types';

export function TextInput({ id, value, onChange, info, invalid, hint }: WidgetProps) {
  return (
    <input
      id={id}
      type="text"
      value={typeof value === 'string' ? value : ''}
      aria-invalid={invalid}
      placeholder={hint.help ?? ''}
      onChange={(e) => onChange(e.target.value === '' && !info.required ? undefined : e.target.value)}
    />
  );
}

export function MultilineInput({ id, value, onChange, info, invalid }: WidgetProps) {
  return (
    <textarea
      id={id}
      rows={3}
      value={typeof value === 'string' ? value : ''}
      aria-invalid={invalid}
      onChange={(e) => onChange(e.target.value === '' && !info.required ? undefined : e.target.value)}
    />
  );
}

/**
 * Whole numbers (counts, seconds). The text is kept while typing so that clearing the field or typing
 * "-" never writes a broken value; the setting changes only when the text is a whole number in range.
 */
export function IntegerInput({ id, value, onChange, info, invalid, unit }: WidgetProps & { unit?: string }) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    setText((old) =>
      Number(old) === value && old !== '' ? old : typeof value === 'number' ? String(value) : '',
    );
  }, [value]);
  const parsed = /^-?\d+$/.test(text.trim()) ? Number(text) : undefined;
  const outOfRange =
    parsed !== undefined &&
    ((info.minimum !== undefined && parsed < info.minimum) ||
      (info.maximum !== undefined && parsed > info.maximum));
  const range =
    info.minimum !== undefined && info.maximum !== undefined
      ? `${info.minimum} to ${info.maximum}${unit ? ` ${unit}` : ''}`
      : undefined;
  return (
    <span className="field-row">
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={info.minimum}
        max={info.maximum}
        value={text}
        aria-invalid={invalid || outOfRange || (text !== '' && parsed === undefined)}
        aria-describedby={range ? `${id}-range` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            if (!info.required) onChange(undefined);
            return;
          }
          if (/^-?\d+$/.test(next.trim())) onChange(Number(next));
        }}
      />
      {unit && <span className="muted">{unit}</span>}
      {range && (
        <span id={`${id}-range`} className={outOfRange ? 'field-error' : 'visually-hidden'}>
          {range}
        </span>
      )}
    </span>
  );
}

export function SecondsInput(props: WidgetProps) {
  return <IntegerInput {...props} unit="seconds" />;
}

export function CheckboxInput({ id, value, onChange, info }: WidgetProps) {
  return (
    <input
      id={id}
      type="checkbox"
      checked={value === true}
      onChange={(e) => onChange(e.target.checked ? true : info.required ? false : undefined)}
    />
  );
}

export function SelectInput({ id, value, onChange, info, invalid }: WidgetProps) {
  const options = info.enum ?? [];
  return (
    <select
      id={id}
      value={value === undefined ? '' : String(value)}
      aria-invalid={invalid}
      onChange={(e) => {
        const chosen = options.find((o) => String(o) === e.target.value);
        onChange(e.target.value === '' ? undefined : chosen);
      }}
    >
      {(!info.required || value === undefined) && (
        <option value="">{info.required ? 'Choose…' : '(none)'}</option>
      )}
      {options.map((o) => (
        <option key={String(o)} value={String(o)}>
          {String(o)}
        </option>
      ))}
    </select>
  );
}
