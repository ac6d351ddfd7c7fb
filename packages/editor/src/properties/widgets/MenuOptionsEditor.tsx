import { asArray, asRecord, type WidgetProps } from './types';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

/** Menu options: one key each (no key twice), with the label the outcome shows. */
export function MenuOptionsEditor({ id, value, onChange }: WidgetProps) {
  const options = asArray(value).map(asRecord);
  const used = new Set(options.map((o) => String(o.digit ?? '')));
  const update = (index: number, patch: Record<string, unknown>) =>
    onChange(options.map((o, i) => (i === index ? clean({ ...o, ...patch }) : o)));
  const remove = (index: number) => onChange(options.filter((_, i) => i !== index));
  const add = () => {
    const free = KEYS.find((k) => !used.has(k));
    if (free) onChange([...options, { digit: free }]);
  };
  return (
    <div className="list-editor" id={id}>
      {options.map((o, i) => {
        const digit = String(o.digit ?? '');
        return (
          <div className="list-row" key={`${digit}-${i.toString()}`}>
            <select
              aria-label={`Option ${i + 1} key`}
              value={digit}
              onChange={(e) => update(i, { digit: e.target.value })}
            >
              {KEYS.filter((k) => k === digit || !used.has(k)).map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <input
              aria-label={`Option ${i + 1} label`}
              placeholder="label, e.g. Sales"
              value={typeof o.label === 'string' ? o.label : ''}
              onChange={(e) => update(i, { label: e.target.value })}
            />
            <button type="button" aria-label={`Remove option ${digit}`} onClick={() => remove(i)}>
              ✕
            </button>
          </div>
        );
      })}
      <button type="button" onClick={add} disabled={used.size >= KEYS.length}>
        Add option
      </button>
    </div>
  );
}

function clean(option: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { digit: option.digit };
  if (typeof option.label === 'string' && option.label !== '') out.label = option.label;
  return out;
}
