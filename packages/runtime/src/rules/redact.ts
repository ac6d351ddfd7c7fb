import type { Flow } from '@callflow/model';

/** What a secure value is replaced with in traces, logs and messages. */
export const REDACTED = '•••';

/** Names of the flow's secure variables. */
export function secureVariableNames(flow: Pick<Flow, 'variables'>): string[] {
  return Object.entries(flow.variables ?? {})
    .filter(([, declaration]) => declaration.secure === true)
    .map(([name]) => name);
}

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

/**
 * Replaces every occurrence of a secure value inside free text (a played prompt, an HTTP error, a log
 * line). Longest values first, so that a value containing another is masked whole.
 */
export function redactText(text: string, secureValues: readonly unknown[]): string {
  const needles = secureValues
    .filter((v) => v !== undefined && v !== null && v !== '')
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const needle of needles) out = out.split(needle).join(REDACTED);
  return out;
}
