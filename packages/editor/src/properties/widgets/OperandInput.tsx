import type { JsonValue } from '@callflow/model';
import { asRecord, type WidgetProps } from './types';
import { VariableField } from './VariableInput';

type LiteralKind = 'text' | 'number' | 'boolean';

function literalKind(value: unknown): LiteralKind {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
}

function convert(value: unknown, kind: LiteralKind): JsonValue {
  if (kind === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : 0;
  }
  if (kind === 'boolean') return value === true || value === 'true';
  return value === undefined || value === null ? '' : String(value);
}

export interface OperandFieldProps {
  id: string;
  value: unknown;
  label: string;
  invalid?: boolean;
  onChange(value: { value: JsonValue } | { variable: string }): void;
}

/** A value typed in, or read from a variable (`{ value }` / `{ variable }`). */
export function OperandField({ id, value, label, invalid, onChange }: OperandFieldProps) {
  const operand = asRecord(value);
  const fromVariable = 'variable' in operand;
  const kind = literalKind(operand.value);
  return (
    <span className="field-row operand">
      <select
        aria-label={`${label}: source`}
        value={fromVariable ? 'variable' : kind}
        onChange={(e) => {
          const next = e.target.value;
          if (next === 'variable') onChange({ variable: '' });
          else onChange({ value: convert(operand.value, next as LiteralKind) });
        }}
      >
        <option value="text">Text</option>
        <option value="number">Number</option>
        <option value="boolean">Yes / no</option>
        <option value="variable">Variable</option>
      </select>
      {fromVariable ? (
        <VariableField
          id={id}
          mode="read"
          label={label}
          value={typeof operand.variable === 'string' ? operand.variable : ''}
          invalid={invalid}
          onChange={(v) => onChange({ variable: v })}
        />
      ) : kind === 'boolean' ? (
        <select
          id={id}
          aria-label={label}
          value={String(operand.value === true)}
          onChange={(e) => onChange({ value: e.target.value === 'true' })}
        >
          <option value="true">yes (true)</option>
          <option value="false">no (false)</option>
        </select>
      ) : (
        <input
          id={id}
          aria-label={label}
          type={kind === 'number' ? 'number' : 'text'}
          aria-invalid={invalid}
          value={operand.value === undefined || operand.value === null ? '' : String(operand.value)}
          onChange={(e) =>
            onChange({ value: kind === 'number' ? convert(e.target.value, 'number') : e.target.value })
          }
        />
      )}
    </span>
  );
}

export function OperandInput({ id, value, onChange, hint, invalid }: WidgetProps) {
  return <OperandField id={id} value={value} label={hint.label} invalid={invalid} onChange={onChange} />;
}
