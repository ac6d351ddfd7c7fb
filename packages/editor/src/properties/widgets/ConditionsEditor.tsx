import { ConditionTreeEditor } from './ConditionTreeEditor';
import { emptyComparison } from './condition-edits';
import { asArray, asRecord, type WidgetProps } from './types';

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
            <ConditionTreeEditor
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
        onClick={() => onChange([...rules, { outcome: freeOutcome(), when: emptyComparison() }])}
      >
        Add rule
      </button>
      <p className="help">Rules are tried in order; when none holds, the block takes “No match”.</p>
    </div>
  );
}
