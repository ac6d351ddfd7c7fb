/**
 * The week view of an hours resource: for each day of a chosen week and each hour, whether the center
 * is open at the start of that hour and which rule decides. Every cell is the runtime's own judgement
 * (`isOpen`, the function the Check hours block calls), at the instant the hours' time zone shows that
 * wall-clock time, so the picture cannot disagree with what calls meet.
 */
import { type HoursResource, WEEKDAYS, type Weekday } from '@callflow/model';
import { type HoursCheck, isOpen } from '@callflow/runtime';
import { zonedTimeToEpoch } from '../simulator/call-setup';

export interface WeekCell extends HoursCheck {
  /** "HH:00" */
  time: string;
}

export interface WeekDay {
  /** "YYYY-MM-DD" */
  date: string;
  weekday: Weekday;
  cells: WeekCell[];
}

/** The Monday of the week holding `date` ("YYYY-MM-DD"), as "YYYY-MM-DD"; undefined when malformed. */
export function mondayOf(date: string): string | undefined {
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at)) return undefined;
  const weekdayFromMonday = (new Date(at).getUTCDay() + 6) % 7;
  return new Date(at - weekdayFromMonday * 86_400_000).toISOString().slice(0, 10);
}

/** Seven days from the Monday of `date`, 24 hours each. Throws a RangeError for an unknown time zone. */
export function weekView(hours: HoursResource, date: string): WeekDay[] {
  const monday = mondayOf(date);
  if (!monday) return [];
  // Fails early and once for an unknown zone rather than 168 times.
  new Intl.DateTimeFormat('en-US', { timeZone: hours.timeZone });
  const start = Date.parse(`${monday}T00:00:00Z`);
  return WEEKDAYS.map((weekday, i) => {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const cells: WeekCell[] = [];
    for (let hour = 0; hour < 24; hour++) {
      const time = `${String(hour).padStart(2, '0')}:00`;
      const instant = zonedTimeToEpoch(`${day}T${time}`, hours.timeZone);
      if (instant === undefined) continue;
      cells.push({ time, ...isOpen(hours, new Date(instant)) });
    }
    return { date: day, weekday, cells };
  });
}
