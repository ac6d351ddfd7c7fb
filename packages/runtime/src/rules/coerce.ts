import { MAX_JSON_VARIABLE_BYTES, MAX_VARIABLE_VALUE_LENGTH, type VariableType } from '@callflow/model';

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** ISO 8601 date-time with an explicit offset: without one the instant would depend on the server. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * Turns a value from anywhere (a caller's digits, an HTTP response, a test file, an agent's edit) into
 * the declared type of a flow variable, or says why it cannot. Strings are never silently cut: a value
 * over the 256-character CAD limit is refused so that nothing is lost without notice.
 */
export function coerceValue(type: VariableType, value: unknown): Coerced {
  switch (type) {
    case 'string':
      return toText(value);
    case 'boolean':
      return toBoolean(value);
    case 'integer':
      return toInteger(value);
    case 'decimal':
      return toDecimal(value);
    case 'dateTime':
      return toDateTime(value);
    case 'json':
      return toJson(value);
  }
}

function fail(reason: string): Coerced {
  return { ok: false, reason };
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function toText(value: unknown): Coerced {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'boolean') text = String(value);
  else return fail(`${value === null ? 'null' : typeof value} is not text`);
  if (text.length > MAX_VARIABLE_VALUE_LENGTH) {
    return fail(`${text.length} characters; a variable holds at most ${MAX_VARIABLE_VALUE_LENGTH}`);
  }
  return { ok: true, value: text };
}

function toBoolean(value: unknown): Coerced {
  if (typeof value === 'boolean') return { ok: true, value };
  if (value === 1 || value === 0) return { ok: true, value: value === 1 };
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === 'true' || word === '1') return { ok: true, value: true };
    if (word === 'false' || word === '0') return { ok: true, value: false };
  }
  return fail(`${show(value)} is not true or false`);
}

function toInteger(value: unknown): Coerced {
  const n = typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) return fail(`${show(value)} is not a whole number`);
  if (!Number.isSafeInteger(n)) return fail(`${show(value)} is too large to be kept exactly`);
  return { ok: true, value: n };
}

function toDecimal(value: unknown): Coerced {
  const n = typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fail(`${show(value)} is not a number`);
  return { ok: true, value: n };
}

function toDateTime(value: unknown): Coerced {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? fail('invalid date') : { ok: true, value: value.toISOString() };
  }
  if (typeof value !== 'string') return fail(`${show(value)} is not an ISO 8601 date-time`);
  const m = DATE_TIME.exec(value);
  if (!m)
    return fail(`${show(value)} is not an ISO 8601 date-time with an offset (e.g. 2026-03-01T09:30:00Z)`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const calendar = new Date(Date.UTC(year!, month! - 1, day!));
  const realDay =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month! - 1 &&
    calendar.getUTCDate() === day;
  if (!realDay || hour! > 23 || minute! > 59 || second! > 59 || Number.isNaN(Date.parse(value))) {
    return fail(`${show(value)} is not a real date and time`);
  }
  return { ok: true, value };
}

function toJson(value: unknown): Coerced {
  let serialised: string | undefined;
  try {
    serialised = JSON.stringify(value);
  } catch {
    return fail('the value cannot be written as JSON');
  }
  if (serialised === undefined || !sameAfterRoundTrip(value))
    return fail('the value cannot be written as JSON');
  const bytes = new TextEncoder().encode(serialised).length;
  if (bytes > MAX_JSON_VARIABLE_BYTES) {
    return fail(`${bytes} bytes of JSON; a JSON variable holds at most ${MAX_JSON_VARIABLE_BYTES}`);
  }
  return { ok: true, value: JSON.parse(serialised) as unknown };
}

/** JSON.stringify drops or rewrites what JSON cannot hold (NaN, undefined in objects): refuse those. */
function sameAfterRoundTrip(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(sameAfterRoundTrip);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every(sameAfterRoundTrip);
  }
  return false;
}
