import { pendingProblem } from '../../store/pending-edits';
import { usePendingText } from '../../store/use-pending-text';
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
 * "-" never writes a broken value; the setting changes only when the text is a whole number (a number
 * out of range is applied, and the schema check reports it). Text that is not applied is a pending
 * edit: saving refuses until it is fixed. A text input, not type="number": the browser would report
 * "1e" or "-" as an empty value, and the field would show one thing while holding another.
 */
export function IntegerInput({
  id,
  value,
  onChange,
  info,
  invalid,
  unit,
  hint,
  blockId,
}: WidgetProps & { unit?: string }) {
  const path = `/blocks/${blockId}/settings/${hint.key}`;
  const [text, setText] = usePendingText(
    path,
    typeof value === 'number' ? String(value) : '',
    (typed) => {
      const reason = integerProblem(typed, info.required);
      return reason
        ? {
            where: `${hint.label} of block ${blockId}`,
            tab: 'properties',
            problem: pendingProblem(reason.code, reason.message, path, blockId),
          }
        : null;
    },
    (typed, applied) => applied !== '' && WHOLE.test(typed.trim()) && Number(typed) === Number(applied),
  );
  const parsed = WHOLE.test(text.trim()) ? Number(text) : undefined;
  const outOfRange =
    parsed !== undefined &&
    ((info.minimum !== undefined && parsed < info.minimum) ||
      (info.maximum !== undefined && parsed > info.maximum));
  const range =
    info.minimum !== undefined && info.maximum !== undefined
      ? `${info.minimum} to ${info.maximum}${unit ? ` ${unit}` : ''}`
      : undefined;
  const problem = integerProblem(text, info.required);
  return (
    <span className="field-row">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={invalid || outOfRange || problem !== null}
        aria-describedby={range ? `${id}-range` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            if (!info.required) onChange(undefined);
            return;
          }
          if (WHOLE.test(next.trim())) onChange(Number(next));
        }}
      />
      {unit && <span className="muted">{unit}</span>}
      {range && (
        <span id={`${id}-range`} className={outOfRange ? 'field-error' : 'visually-hidden'}>
          {range}
        </span>
      )}
      {problem && <span className="field-error">{problem.message}</span>}
    </span>
  );
}

const WHOLE = /^-?\d+$/;

/** Why a typed text cannot be applied to a whole-number setting; null when it can. */
function integerProblem(text: string, required: boolean): { code: string; message: string } | null {
  const trimmed = text.trim();
  if (trimmed === '') return required ? { code: 'CF101', message: 'A value is required.' } : null;
  return WHOLE.test(trimmed) ? null : { code: 'CF102', message: `"${trimmed}" is not a whole number.` };
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
