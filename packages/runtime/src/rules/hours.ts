import { type HoursResource, WEEKDAYS, type Weekday } from '@callflow/model';

export interface HoursCheck {
  open: boolean;
  /** Which kind of entry decided: docs/domain.md#business-hours: overrides, holidays, weekly hours, closed. */
  rule: 'override' | 'holiday' | 'weekly' | 'closed';
  /** Words for the trace: which entry, and the local time it was judged at. */
  detail: string;
}

/** A moment as the wall clock of a time zone shows it. */
export interface LocalTime {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM", 24-hour */
  time: string;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The wall-clock date, time and weekday in `timeZone` at instant `at`. Intl applies the zone's DST
 * rules, so 09:00 in New York is 14:00Z in winter and 13:00Z in summer without a time-zone library.
 * Throws a RangeError for an unknown time zone (the resources validator refuses those first).
 */
export function localTime(timeZone: string, at: Date): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const weekday = (parts.weekday ?? '').toLowerCase().slice(0, 3) as Weekday;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: WEEKDAYS.includes(weekday) ? weekday : 'mon',
  };
}

function previousWeekday(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
}

/**
 * Whether the business is open at `at` by `hours`: the first override whose local window
 * [from, to) holds the moment wins, then a holiday on the local date closes the day, then the weekly
 * hours ([open, close) on the listed days; a close at or before the open runs past midnight into the
 * next day), else closed.
 */
export function isOpen(hours: HoursResource, at: Date): HoursCheck {
  const now = localTime(hours.timeZone, at);
  const stamp = `${now.date}T${now.time}`;
  const when = `${now.weekday} ${now.date} ${now.time} ${hours.timeZone}`;

  for (const o of hours.overrides ?? []) {
    if (o.from <= stamp && stamp < o.to) {
      return {
        open: o.open,
        rule: 'override',
        detail: `override "${o.name}" (${o.open ? 'open' : 'closed'}) at ${when}`,
      };
    }
  }
  const holiday = (hours.holidays ?? []).find((h) => h.date === now.date);
  if (holiday) return { open: false, rule: 'holiday', detail: `holiday "${holiday.name}" at ${when}` };

  for (const w of hours.weekly) {
    const overnight = w.close <= w.open;
    const today = w.days.includes(now.weekday) && now.time >= w.open && (overnight || now.time < w.close);
    const spill = overnight && w.days.includes(previousWeekday(now.weekday)) && now.time < w.close;
    if (today || spill) {
      return {
        open: true,
        rule: 'weekly',
        detail: `open ${w.days.join(',')} ${w.open}-${w.close} at ${when}`,
      };
    }
  }
  return { open: false, rule: 'closed', detail: `outside working hours at ${when}` };
}
