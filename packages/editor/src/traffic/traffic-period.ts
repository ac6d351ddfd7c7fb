/** The periods the Traffic tab offers; `custom` takes two dates from the admin. */
export type PeriodChoice = 'hour' | 'day' | 'week' | 'custom';

export const PERIOD_LABELS: Record<PeriodChoice, string> = {
  hour: 'Last hour',
  day: 'Last 24 hours',
  week: 'Last 7 days',
  custom: 'Custom',
};

const SPANS: Record<Exclude<PeriodChoice, 'custom'>, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/**
 * The period to ask the service for, as ISO date-times: a span ending now, or the custom dates
 * (`datetime-local` values, read in the browser's zone). Null when a custom date is missing or invalid.
 */
export function periodOf(
  choice: PeriodChoice,
  now: number,
  custom: { from: string; to: string } = { from: '', to: '' },
): { from: string; to: string } | null {
  if (choice !== 'custom') {
    // A minute past now: calls of the last seconds count, whatever the skew to the service's clock.
    const to = now + 60_000;
    return { from: new Date(now - SPANS[choice]).toISOString(), to: new Date(to).toISOString() };
  }
  const from = Date.parse(custom.from);
  const to = Date.parse(custom.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** "1.2 s", "3 min 5 s": a duration an admin reads at a glance. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
