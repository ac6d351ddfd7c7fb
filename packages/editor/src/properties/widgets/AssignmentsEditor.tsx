import { OperandField } from './OperandInput';
import { asArray, asRecord, type WidgetProps } from './types';
import { VariableField } from './VariableInput';

/** `variable = value` rows, applied in order. */
export function AssignmentsEditor({ id, value, onChange }: WidgetProps) {
  const rows = asArray(value).map(asRecord);
  const update = (index: number, patch: Record<string, unknown>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <div className="list-editor" id={id}>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their place
        <fieldset key={i}>
          <legend>Assignment {i + 1}</legend>
          <VariableField
            id={`${id}-${i}-variable`}
            mode="write"
            label={`Assignment ${i + 1} variable`}
            value={typeof row.variable === 'string' ? row.variable : ''}
            onChange={(v) => update(i, { variable: v })}
          />
          <OperandField
            id={`${id}-${i}-value`}
            label={`Assignment ${i + 1} value`}
            value={row.value}
            onChange={(v) => update(i, { value: v })}
          />
          <button type="button" className="danger" onClick={() => onChange(rows.filter((_, k) => k !== i))}>
            Remove
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, { variable: '', value: { value: '' } }])}>
        Add assignment
      </button>
    </div>
  );
}
