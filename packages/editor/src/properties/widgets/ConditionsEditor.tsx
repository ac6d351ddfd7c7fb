import { CONDITION_OPERATORS, type ConditionOperator } from '@callflow/model';
import {
  type Comparison,
  conditionFromRows,
  conditionRows,
  describeCondition,
  type Join,
  OPERATOR_LABELS,
  UNARY_OPERATORS,
} from './conditions';
import { OperandField } from './OperandInput';
import { asArray, asRecord, type WidgetProps } from './types';
import { VariableField } from './VariableInput';

/** Check-variable rules: each an outcome taken when its condition holds; the first match wins. */
export function ConditionsEditor({ id, value, onChange }: WidgetProps) {
  const rules = asArray(value).map(asRecord);
  const update = (index: number, patch: Record<string, unknown>) =>
    onChange(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    onChange(next);
  };
  const freeOutcome = () => {
    let n = rules.length + 1;
    while (rules.some((r) => r.outcome === `rule${n}`)) n++;
    return `rule${n}`;
  };
  return (
    <div className="list-editor" id={id}>
      {rules.map((rule, i) => {
        const outcome = typeof rule.outcome === 'string' ? rule.outcome : '';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: outcome names are edited in place
          <fieldset key={i}>
            <legend>
              Rule {i + 1}
              {outcome ? ` → ${outcome}` : ''}
            </legend>
            <div className="field-row">
              <label className="field">
                Outcome
                <input
                  value={outcome}
                  aria-invalid={!/^[a-z][A-Za-z0-9]*$/.test(outcome)}
                  onChange={(e) => update(i, { outcome: e.target.value })}
                />
              </label>
              <label className="field">
                Label
                <input
                  value={typeof rule.label === 'string' ? rule.label : ''}
                  onChange={(e) => {
                    const { label: _old, ...rest } = rule;
                    onChange(
                      rules.map((r, k) =>
                        k === i ? (e.target.value ? { ...rest, label: e.target.value } : rest) : r,
                      ),
                    );
                  }}
                />
              </label>
            </div>
            <ConditionRowsEditor
              idPrefix={`${id}-${i}`}
              when={rule.when}
              onChange={(when) => update(i, { when })}
            />
            <div className="field-row">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={`Move rule ${i + 1} up`}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === rules.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Move rule ${i + 1} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => onChange(rules.filter((_, k) => k !== i))}
              >
                Remove rule
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...rules,
            { outcome: freeOutcome(), when: { variable: '', operator: 'equals', value: { value: '' } } },
          ])
        }
      >
        Add rule
      </button>
      <p className="help">Rules are tried in order; when none holds, the block takes “No match”.</p>
    </div>
  );
}

function ConditionRowsEditor({
  idPrefix,
  when,
  onChange,
}: {
  idPrefix: string;
  when: unknown;
  onChange(when: Record<string, unknown>): void;
}) {
  const { join, rows, editable } = conditionRows(when);
  if (!editable) {
    return (
      <p className="help">When {describeCondition(when)} — a nested condition; edit it in the JSON tab.</p>
    );
  }
  const write = (nextJoin: Join, nextRows: Comparison[]) => onChange(conditionFromRows(nextJoin, nextRows));
  const updateRow = (index: number, patch: Partial<Comparison>) =>
    write(
      join,
      rows.map((r, i) => (i === index ? { ...r, ...patch } : r)),
    );
  return (
    <div className="condition-rows">
      {rows.length > 1 && (
        <label className="field">
          Take this outcome when
          <select value={join} onChange={(e) => write(e.target.value as Join, rows)}>
            <option value="all">all of these hold</option>
            <option value="any">any of these holds</option>
          </select>
        </label>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: comparisons have no identity besides their place
        <div className="condition-row" key={i}>
          <VariableField
            id={`${idPrefix}-c${i}-variable`}
            mode="read"
            label={`Condition ${i + 1} variable`}
            value={row.variable}
            onChange={(v) => updateRow(i, { variable: v })}
          />
          <select
            aria-label={`Condition ${i + 1} operator`}
            value={row.operator}
            onChange={(e) => updateRow(i, { operator: e.target.value as ConditionOperator })}
          >
            {CONDITION_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {OPERATOR_LABELS[op]}
              </option>
            ))}
          </select>
          {!UNARY_OPERATORS.has(row.operator) && (
            <OperandField
              id={`${idPrefix}-c${i}-value`}
              label={`Condition ${i + 1} value`}
              value={row.value}
              onChange={(v) => updateRow(i, { value: v })}
            />
          )}
          {rows.length > 1 && (
            <button
              type="button"
              aria-label={`Remove condition ${i + 1}`}
              onClick={() =>
                write(
                  join,
                  rows.filter((_, k) => k !== i),
                )
              }
            >
              ✕
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        onClick={() => write(join, [...rows, { variable: '', operator: 'equals', value: { value: '' } }])}
      >
        Add condition
      </button>
    </div>
  );
}
