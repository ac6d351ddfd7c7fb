import { asArray, asRecord, type WidgetProps } from './types';

/** Distribute by percentage: one row per share, the outcome it leads to and its percentage, with the total. */
export function PercentSharesEditor({ id, value, onChange }: WidgetProps) {
  const shares = asArray(value).map(asRecord);
  const total = shares.reduce((sum, s) => sum + (typeof s.percent === 'number' ? s.percent : 0), 0);
  const update = (index: number, patch: Record<string, unknown>) =>
    onChange(shares.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const remove = (index: number) => onChange(shares.filter((_, i) => i !== index));
  const add = () => {
    const used = new Set(shares.map((s) => s.outcome));
    let n = shares.length + 1;
    while (used.has(`variant${n}`)) n += 1;
    onChange([...shares, { outcome: `variant${n}`, percent: 0 }]);
  };
  return (
    <div className="list-editor" id={id}>
      {shares.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the outcome name changes as it is typed
        <div className="list-row" key={i}>
          <input
            aria-label={`Share ${i + 1} outcome`}
            placeholder="outcome, e.g. newGreeting"
            value={typeof s.outcome === 'string' ? s.outcome : ''}
            onChange={(e) => update(i, { outcome: e.target.value })}
          />
          <input
            aria-label={`Share ${i + 1} percent`}
            type="number"
            min={0}
            max={100}
            step="any"
            value={typeof s.percent === 'number' ? s.percent : ''}
            onChange={(e) => update(i, { percent: e.target.value === '' ? 0 : Number(e.target.value) })}
          />
          <span aria-hidden="true">%</span>
          <button type="button" aria-label={`Remove share ${i + 1}`} onClick={() => remove(i)}>
            ✕
          </button>
        </div>
      ))}
      <p className="help" aria-live="polite">
        Total: {Number(total.toFixed(6))}%{total === 100 ? '' : ' (must be 100%)'}
      </p>
      <button type="button" onClick={add} disabled={shares.length >= 10}>
        Add share
      </button>
    </div>
  );
}
