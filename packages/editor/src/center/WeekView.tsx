import type { HoursResource } from '@callflow/model';
import { localTime } from '@callflow/runtime';
import { useMemo, useState } from 'react';
import { mondayOf, weekView } from './week-view';

const RULE_WORDS = {
  override: 'override',
  holiday: 'holiday',
  weekly: 'weekly hours',
  closed: 'no rule (closed)',
};
const RULE_MARK = { override: 'O', holiday: 'H', weekly: 'W', closed: '' };

/** Hour by hour, for any chosen week: open or closed, and which rule decides. */
export function WeekView({ hours }: { hours: HoursResource }) {
  const [date, setDate] = useState(() => localTime(hours.timeZone, new Date()).date);
  const days = useMemo(() => weekView(hours, date), [hours, date]);
  return (
    <section className="week-view" aria-label="Week view">
      <h3>Week view</h3>
      <label className="field-row">
        Week of{' '}
        <input
          type="date"
          aria-label="Week of"
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
        <span className="muted">
          from Monday {mondayOf(date)}, in {hours.timeZone}
        </span>
      </label>
      <p className="help">
        <span className="week-cell is-open">W</span> open by the weekly hours ·{' '}
        <span className="week-cell is-open">O</span> / <span className="week-cell">O</span> an override ·{' '}
        <span className="week-cell">H</span> a holiday · blank: closed
      </p>
      <table className="week-grid">
        <thead>
          <tr>
            <th scope="col">Hour</th>
            {days.map((d) => (
              <th key={d.date} scope="col">
                {d.weekday} {d.date.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 24 }, (_, hour) => {
            const time = `${String(hour).padStart(2, '0')}:00`;
            return (
              <tr key={time}>
                <th scope="row">{time}</th>
                {days.map((d) => {
                  const cell = d.cells.find((c) => c.time === time);
                  if (!cell) return <td key={d.date} />;
                  const words = `${d.weekday} ${d.date} ${time}: ${cell.open ? 'open' : 'closed'} by ${RULE_WORDS[cell.rule]}`;
                  return (
                    <td
                      key={d.date}
                      className={cell.open ? 'week-cell is-open' : 'week-cell'}
                      data-testid={`week-${d.date}-${time}`}
                      data-open={cell.open}
                      data-rule={cell.rule}
                      title={`${words} — ${cell.detail}`}
                      aria-label={words}
                    >
                      {RULE_MARK[cell.rule]}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
