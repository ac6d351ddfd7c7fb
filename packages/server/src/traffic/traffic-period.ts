import { MAX_TRAFFIC_PERIOD_DAYS } from '@callflow/model/api-contract';
import { apiError } from '../http/api-error.js';

const DAY_MS = 86_400_000;
/** A date, or a date-time with its zone (Z or ±hh:mm): a time without one would depend on the server. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function instant(parameter: 'from' | 'to', value: string): number {
  const ms = ISO_DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw apiError(
      'invalid_period',
      `"${value.slice(0, 80)}" is not a date-time: write it in ISO 8601 with its zone, like 2026-03-02T09:00:00Z.`,
      { parameter, value: value.slice(0, 80) },
    );
  }
  return ms;
}

/**
 * The period a traffic request asks for, as epoch ms [from, to): `to` defaults to now (the service's
 * clock, which a simulated service sets), `from` to a day before `to`.
 */
export function trafficPeriod(
  query: { from?: string; to?: string },
  now: number,
): { from: number; to: number } {
  // `to` is exclusive: by default it is just after now, so what happened this millisecond counts.
  const to = query.to === undefined ? now + 1 : instant('to', query.to);
  const from = query.from === undefined ? to - DAY_MS : instant('from', query.from);
  if (from >= to) {
    throw apiError('invalid_period', '"from" must be before "to".', {
      parameter: 'from',
      value: new Date(from).toISOString(),
    });
  }
  if (to - from > MAX_TRAFFIC_PERIOD_DAYS * DAY_MS) {
    throw apiError('invalid_period', `A period spans at most ${MAX_TRAFFIC_PERIOD_DAYS} days.`, {
      parameter: 'from',
      value: new Date(from).toISOString(),
    });
  }
  return { from, to };
}
