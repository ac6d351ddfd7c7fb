import {
  type Holiday,
  type HoursOverride,
  type HoursResource,
  type Problem,
  type Resources,
  WEEKDAYS,
  type WeeklyHours,
} from '@callflow/model';
import { Field, FieldProblems } from './CenterFields';
import { pointer, problemsAt } from './center-problems';
import { setEntryField } from './entry-edits';
import { WeekView } from './WeekView';

const ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

/**
 * Hours of operation in priority order, as the runtime judges them: overrides (the first that holds
 * the moment wins), then holidays, then the weekly hours; outside all of them, closed. The week view
 * below shows the result hour by hour.
 */
export function HoursForm({
  name,
  entry,
  problems,
}: {
  name: string;
  entry: HoursResource;
  resources: Resources;
  problems: readonly Problem[];
}) {
  const at = (...keys: (string | number)[]) =>
    problemsAt(problems, pointer('hours', name, ...keys.map(String)));
  const set = (key: string) => (value: unknown) => setEntryField('hours', name, key, value);
  const overrides = entry.overrides ?? [];
  const holidays = entry.holidays ?? [];
  const zoneOk = knownZone(entry.timeZone);
  const setList = <T,>(key: 'weekly' | 'holidays' | 'overrides', list: T[]) =>
    set(key)(key !== 'weekly' && list.length === 0 ? undefined : list);
  return (
    <>
      <Field
        id="entry-timeZone"
        label="Time zone"
        problems={at('timeZone')}
        help="Every time below is read in this zone."
      >
        <input
          id="entry-timeZone"
          type="text"
          list="time-zones"
          autoComplete="off"
          value={entry.timeZone}
          aria-invalid={!zoneOk || at('timeZone').length > 0}
          onChange={(e) => set('timeZone')(e.target.value)}
        />
        <datalist id="time-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {!zoneOk && entry.timeZone !== '' && (
          <p className="field-error">
            "{entry.timeZone}" is not a time zone this browser knows (like America/New_York).
          </p>
        )}
      </Field>

      <fieldset className="field hours-rules" aria-label="Overrides">
        <legend>1. Overrides (first match wins)</legend>
        {overrides.map((o, i) => (
          <OverrideRow
            // biome-ignore lint/suspicious/noArrayIndexKey: overrides have no id; their place is their priority.
            key={i}
            index={i}
            override={o}
            count={overrides.length}
            problems={at('overrides', i)}
            onChange={(next, moveTo) => setList('overrides', replaceAt(overrides, i, next, moveTo))}
          />
        ))}
        <button
          type="button"
          onClick={() =>
            setList('overrides', [
              ...overrides,
              { name: 'Override', from: `${today()}T09:00`, to: `${today()}T17:00`, open: false },
            ])
          }
        >
          Add override
        </button>
      </fieldset>

      <fieldset className="field hours-rules" aria-label="Holidays">
        <legend>2. Holidays (closed all day)</legend>
        {holidays.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two holidays may share a date while being typed.
          <fieldset key={i} className="field-row plain" aria-label={`Holiday ${i + 1}`}>
            <input
              type="date"
              aria-label="Date"
              value={h.date}
              onChange={(e) =>
                setList('holidays', replaceAt<Holiday>(holidays, i, { ...h, date: e.target.value }))
              }
            />
            <input
              type="text"
              aria-label="Holiday name"
              value={h.name}
              onChange={(e) =>
                setList('holidays', replaceAt<Holiday>(holidays, i, { ...h, name: e.target.value }))
              }
            />
            <button
              type="button"
              onClick={() =>
                setList(
                  'holidays',
                  holidays.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
            <FieldProblems id={`holiday-${i}`} problems={at('holidays', i)} />
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() => setList('holidays', [...holidays, { date: today(), name: 'Holiday' }])}
        >
          Add holiday
        </button>
      </fieldset>

      <fieldset className="field hours-rules" aria-label="Weekly hours">
        <legend>3. Weekly hours</legend>
        {entry.weekly.map((w, i) => (
          <WeeklyRow
            // biome-ignore lint/suspicious/noArrayIndexKey: weekly rows have no id.
            key={i}
            index={i}
            row={w}
            problems={at('weekly', i)}
            onChange={(next) => setList('weekly', replaceAt(entry.weekly, i, next))}
            onRemove={() =>
              setList(
                'weekly',
                entry.weekly.filter((_, j) => j !== i),
              )
            }
          />
        ))}
        <button
          type="button"
          onClick={() =>
            setList('weekly', [...entry.weekly, { days: ['sat'], open: '09:00', close: '17:00' }])
          }
        >
          Add weekly hours
        </button>
        <p className="help">A close at or before the open runs past midnight into the next day.</p>
        <FieldProblems id="weekly" problems={problemsAt(problems, pointer('hours', name, 'weekly'), true)} />
      </fieldset>

      {zoneOk ? <WeekView hours={entry} /> : <p className="muted">The week view needs a known time zone.</p>}
    </>
  );
}

function WeeklyRow({
  index,
  row,
  problems,
  onChange,
  onRemove,
}: {
  index: number;
  row: WeeklyHours;
  problems: readonly Problem[];
  onChange(row: WeeklyHours): void;
  onRemove(): void;
}) {
  return (
    <fieldset className="weekly-row plain" aria-label={`Weekly hours ${index + 1}`}>
      <span className="field-row">
        {WEEKDAYS.map((d) => (
          <label key={d} className="check">
            <input
              type="checkbox"
              checked={row.days.includes(d)}
              onChange={(e) =>
                onChange({
                  ...row,
                  days: e.target.checked
                    ? WEEKDAYS.filter((x) => x === d || row.days.includes(x))
                    : row.days.filter((x) => x !== d),
                })
              }
            />
            {d}
          </label>
        ))}
      </span>
      <span className="field-row">
        <label>
          Opens{' '}
          <input
            type="time"
            aria-label="Opens"
            value={row.open}
            onChange={(e) => onChange({ ...row, open: e.target.value })}
          />
        </label>
        <label>
          Closes{' '}
          <input
            type="time"
            aria-label="Closes"
            value={row.close === '24:00' ? '00:00' : row.close}
            onChange={(e) => onChange({ ...row, close: e.target.value })}
          />
        </label>
        <button type="button" onClick={onRemove}>
          Remove
        </button>
      </span>
      <FieldProblems id={`weekly-${index}`} problems={problems} />
    </fieldset>
  );
}

function OverrideRow({
  index,
  override,
  count,
  problems,
  onChange,
}: {
  index: number;
  override: HoursOverride;
  count: number;
  problems: readonly Problem[];
  onChange(next: HoursOverride | null, moveTo?: number): void;
}) {
  return (
    <fieldset className="override-row plain" aria-label={`Override ${index + 1}`}>
      <span className="field-row">
        <input
          type="text"
          aria-label="Override name"
          value={override.name}
          onChange={(e) => onChange({ ...override, name: e.target.value })}
        />
        <select
          aria-label="Open or closed"
          value={override.open ? 'open' : 'closed'}
          onChange={(e) => onChange({ ...override, open: e.target.value === 'open' })}
        >
          <option value="open">Open</option>
          <option value="closed">Closed</option>
        </select>
      </span>
      <span className="field-row">
        <label>
          From{' '}
          <input
            type="datetime-local"
            aria-label="From"
            value={override.from}
            onChange={(e) => onChange({ ...override, from: e.target.value.slice(0, 16) })}
          />
        </label>
        <label>
          To{' '}
          <input
            type="datetime-local"
            aria-label="To"
            value={override.to}
            onChange={(e) => onChange({ ...override, to: e.target.value.slice(0, 16) })}
          />
        </label>
      </span>
      <span className="field-row">
        <button type="button" disabled={index === 0} onClick={() => onChange(override, index - 1)}>
          Move up
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onChange(override, index + 1)}>
          Move down
        </button>
        <button type="button" onClick={() => onChange(null)}>
          Remove
        </button>
      </span>
      <FieldProblems id={`override-${index}`} problems={problems} />
    </fieldset>
  );
}

/** The list with item `i` replaced (null removes it; `moveTo` moves it there). */
function replaceAt<T>(list: readonly T[], i: number, next: T | null, moveTo?: number): T[] {
  const out = list.filter((_, j) => j !== i);
  if (next !== null) out.splice(moveTo ?? i, 0, next);
  return out;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
