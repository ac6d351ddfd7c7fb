import {
  type CallerIdRule,
  checkDialNumber,
  isAccountNumber,
  ownEntry,
  type Resources,
} from '@callflow/model';

/** A number that could be shown as caller ID, with where it came from. */
export interface CallerIdCandidate {
  /** E.164 */
  number: string;
  /** The resources name of an account number ("sales"), absent for outside numbers. */
  numberName?: string;
  /** Display name of an account number ("Sales"). */
  displayName?: string;
}

/**
 * Candidates passed over, with why: the `rejected` list of a caller-ID decision. `number` is the E.164
 * number when the candidate was one (not for "group sales has no number").
 */
export type Rejected = { candidate: string; number?: string; why: string }[];

/** The number a rule chose, and the words that explain it. */
export interface Choice {
  rule: CallerIdRule;
  candidate: CallerIdCandidate;
  reason: string;
  /** The number may be blocked by carriers (not one of the account's numbers). */
  warning?: string;
}

/** `"sales" (+12015550111)` for an account number, the bare number otherwise. */
export function label(c: CallerIdCandidate): string {
  return c.numberName !== undefined ? `"${c.numberName}" (${c.number})` : c.number;
}

export type Lookup<T> = { ok: true; candidate: T } | { ok: false; why: string };

/** Looks up an account number by its resources name. */
export function accountNumber(resources: Resources, name: string): Lookup<CallerIdCandidate> {
  const entry = ownEntry(resources.numbers, name);
  if (!entry) return { ok: false, why: `no number named "${name}" in resources` };
  return { ok: true, candidate: { number: entry.number, numberName: name, displayName: entry.displayName } };
}

/** The account number with this E.164 value, if the account owns it. */
function ownedNumber(resources: Resources, e164: string): CallerIdCandidate | undefined {
  for (const [name, entry] of Object.entries(resources.numbers)) {
    if (entry.number === e164) return { number: e164, numberName: name, displayName: entry.displayName };
  }
  return undefined;
}

/**
 * Reads a number given either as an account number's name or as a phone number (any punctuation,
 * checked by the rules of docs/domain.md#dial-numbers). Outside numbers come back without a name.
 */
export function numberOrName(resources: Resources, value: string): Lookup<CallerIdCandidate> {
  if (Object.hasOwn(resources.numbers, value)) return accountNumber(resources, value);
  const check = checkDialNumber(value, { defaultRegion: resources.account.defaultRegion });
  if (!check.ok) {
    return {
      ok: false,
      why: /^[A-Za-z]/.test(value) ? `no number named "${value}" in resources` : check.message,
    };
  }
  if (check.postDial !== undefined)
    return { ok: false, why: `"${value}" has an extension; a caller ID cannot` };
  return { ok: true, candidate: ownedNumber(resources, check.e164) ?? { number: check.e164 } };
}

/** Whether the account owns the number (regulators outside the US may block any other caller ID). */
export function isOwned(resources: Resources, candidate: CallerIdCandidate): boolean {
  return candidate.numberName !== undefined || isAccountNumber(resources, candidate.number);
}

/** The queue's outbound caller ID. */
export function queueCallerId(
  resources: Resources,
  queue: string | undefined,
): Lookup<CallerIdCandidate & { queueName?: string }> {
  if (queue === undefined) return { ok: false, why: 'no queue on this contact' };
  const q = ownEntry(resources.queues, queue);
  if (!q) return { ok: false, why: `no queue named "${queue}" in resources` };
  if (q.outboundCallerId === undefined)
    return { ok: false, why: `queue "${queue}" has no outbound caller ID` };
  const found = accountNumber(resources, q.outboundCallerId);
  if (!found.ok) return { ok: false, why: `queue "${queue}" outbound caller ID: ${found.why}` };
  const name = q.outboundCallerIdName ?? found.candidate.displayName;
  return {
    ok: true,
    candidate: { ...found.candidate, ...(name !== undefined ? { displayName: name } : {}) },
  };
}

/**
 * Names of the numbers an agent may present, in resources order: their `allowedNumbers`, or every
 * account number when the list is absent or empty (Vonage's default).
 */
export function allowedNumberNames(resources: Resources, agent: string | undefined): string[] {
  const all = Object.keys(resources.numbers);
  const allowed = agent !== undefined ? ownEntry(resources.agents, agent)?.allowedNumbers : undefined;
  if (!allowed || allowed.length === 0) return all;
  return allowed.filter((name) => Object.hasOwn(resources.numbers, name));
}

/** SIP-reserved characters are not allowed in a caller ID name (docs/domain.md#caller-id). */
const SIP_RESERVED = /[;/?:@&=+$,]/g;
const MAX_CALLER_ID_NAME = 50;

/**
 * A display name made safe to send as a caller ID name: SIP-reserved characters become spaces,
 * spaces are collapsed, and the name is cut to 50 characters ("Sales & Support" -> "Sales Support").
 * Undefined when nothing is left.
 */
export function safeCallerIdName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const safe = name
    .replace(SIP_RESERVED, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CALLER_ID_NAME)
    .trim();
  return safe === '' ? undefined : safe;
}
