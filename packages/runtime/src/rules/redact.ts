import type { Flow } from '@callflow/model';
import { secureVariableNames } from './secure-variables.js';

/** What a secure value is replaced with in traces, logs, views and messages. */
export const REDACTED = '•••';

/** A copy of `values` with every secure variable's value replaced by {@link REDACTED}. */
export function redactValues(
  flow: Pick<Flow, 'variables'>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const secure = new Set(secureVariableNames(flow));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) out[name] = secure.has(name) ? REDACTED : value;
  return out;
}

/** The text a secure value is recognised by; undefined for nothing worth masking (absent, null, ''). */
export function secretText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Replaces every occurrence of a secure value inside free text (a played prompt, an HTTP error, a log
 * line). Longest values first, so that a value containing another is masked whole. The text is one
 * value, never a serialised document: masking JSON text could cut through its quotes and escapes.
 */
export function redactText(text: string, secureValues: readonly unknown[]): string {
  const needles = secureValues
    .map(secretText)
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
  return out;
}

/**
 * Secrets shorter than this are masked in a value shown to agents only where they are the whole value:
 * a four-digit PIN inside an account number or a phone number is a coincidence, not a copy, and masking
 * it there would hide what the agent needs. Longer secrets (tokens, full account numbers) are masked
 * wherever they occur.
 */
export const MIN_SECRET_INSIDE_VALUE = 6;

/**
 * `value` with every string inside it, however deep (arrays, objects), masked with `secureValues`;
 * with `numbers`, a number whose text is a secure value is replaced too (a variable's value, where an
 * integer PIN copied elsewhere stays an integer). With `shownToAgents` (popover, desktop, contact view),
 * secrets shorter than {@link MIN_SECRET_INSIDE_VALUE} are masked only where they are a whole string.
 * Keys are left alone: they are names the flow or the engine chose, not values. Parts where nothing
 * changed are shared with `value`, not copied.
 */
export function maskValue(
  value: unknown,
  secureValues: readonly unknown[],
  options: { numbers?: boolean; shownToAgents?: boolean } = {},
): unknown {
  if (secureValues.length === 0) return value;
  const needles = secureValues
    .map(secretText)
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return value;
  const numbers = options.numbers === true ? new Set(needles) : undefined;
  const inside = options.shownToAgents ? needles.filter((n) => n.length >= MIN_SECRET_INSIDE_VALUE) : needles;
  const whole = new Set(needles);
  const mask = (item: unknown): unknown => {
    if (typeof item === 'string') {
      if (whole.has(item)) return REDACTED;
      let out = item;
      for (const needle of inside) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
      return out;
    }
    if (typeof item === 'number') return numbers?.has(JSON.stringify(item)) ? REDACTED : item;
    if (Array.isArray(item)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < item.length; i++) {
        const masked = mask(item[i]);
        if (masked === item[i]) continue;
        out ??= [...item];
        out[i] = masked;
      }
      return out ?? item;
    }
    if (item && typeof item === 'object') {
      let out: Record<string, unknown> | undefined;
      for (const [key, inner] of Object.entries(item)) {
        const masked = mask(inner);
        if (masked === inner) continue;
        out ??= { ...item };
        out[key] = masked;
      }
      return out ?? item;
    }
    return item;
  };
  return mask(value);
}
