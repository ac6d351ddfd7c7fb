import {
  type CallerIdRule,
  type CallerIdSetting,
  checkDialNumber,
  ownEntry,
  type Resources,
} from '@callflow/model';
import { fromAgentCall } from './caller-id-agent-calls.js';
import { fromAgentChoice, fromAgentGroup, fromAgentSelection, fromSameAreaCode } from './caller-id-agents.js';
import {
  accountNumber,
  type Choice,
  isOwned,
  label,
  numberOrName,
  type Rejected,
  safeCallerIdName,
} from './caller-id-numbers.js';
import { fromDefaultOutboundQueue, fromQueue } from './caller-id-queues.js';

/**
 * Why a call is being placed: decides the default rule when no strategy is configured. `transfer` is a
 * flow's Transfer to phone number; the others, placed by an agent, follow one rule set
 * (docs/caller-id.md "Calls agents place").
 */
export type CallerIdPurpose = 'transfer' | 'callback' | 'agentOutbound' | 'consult';

export interface CallerIdSituation {
  purpose: CallerIdPurpose;
  /** The block's caller-ID setting; absent means the purpose's default (docs/caller-id.md). */
  setting?: CallerIdSetting;
  resources: Resources;
  /** The original caller's number (ANI). */
  callerNumber?: string;
  /** E.164 being called. */
  dialedNumber: string;
  /** The queue the contact came through (or the callback's queue). */
  queue?: string;
  /** The agent placing the call, by resources name. */
  agent?: string;
  /** The number (name or E.164) the agent picked for this call. */
  agentChoice?: string;
  /** An agent is on a call with a customer right now (quick connect / number pad during a call). */
  activeCall: boolean;
  /** Set by the "Call phone number" block of an outbound whisper flow: a number name or a number. */
  outboundWhisperOverride?: string;
  /** The outbound whisper flow that set the override: named where the agent's pick is passed over. */
  outboundWhisperFlow?: string;
  /**
   * Before the call: the outbound whisper may still override the result with a number only known when it
   * runs (a variable); the decision says so in `mayOverride` instead of claiming a final number.
   */
  outboundWhisperMayOverride?: { flow: string; block: string };
  variables?: (name: string) => unknown;
  /** Source of randomness for the "random allowed number" fallback; Math.random when absent. */
  random?: () => number;
}

/** The rule that chose the number (the list lives with the flow-test schema, which names them). */
export type { CallerIdRule };

export interface CallerIdDecision {
  /** E.164 shown to the called party; absent only when nothing could be chosen (rule "none"). */
  number?: string;
  /** Caller ID name (not guaranteed to display), without SIP-reserved characters. */
  name?: string;
  rule: CallerIdRule;
  /** One sentence an admin can read in the trace: which rule, which number, and any warning. */
  reason: string;
  /** Numbers considered before the chosen one, and why each was passed over (`number`: E.164, when it was one). */
  rejected: { candidate: string; number?: string; why: string }[];
  /** Present when the number may be blocked by carriers (a fixed number the account does not own). */
  warning?: string;
  /** Foreseen before the call: the outbound whisper's Call phone number block may still change the number. */
  mayOverride?: { flow: string; block: string };
}

/**
 * Chooses the caller ID for an outbound leg and says why (docs/domain.md#caller-id). In order:
 * 1. an outbound whisper flow's "Call phone number" override;
 * 2. the configured strategy (fixed, variable, queue, caller, agentGroup, sameAreaCode, agentChoice);
 * 3. without a strategy, an agent's own pick among their allowed numbers when an agent places the
 *    call; otherwise the purpose's default: a flow transfer passes the caller's number through,
 *    a callback or an agent's call during an active call shows the queue's outbound caller ID, and an
 *    agent dialling with no active call shows the caller ID of their default outbound queue;
 * 4. when the chosen rule yields nothing usable, the account's principal number.
 * Every candidate passed over is listed in `rejected` with the reason.
 */
export function resolveCallerId(s: CallerIdSituation): CallerIdDecision {
  const rejected: Rejected = [];
  const agentPlaced = s.agent !== undefined && s.purpose !== 'transfer' && s.setting === undefined;
  const picked =
    fromWhisper(s, rejected) ??
    (agentPlaced
      ? fromAgentCall(s, s.agent as string, rejected)
      : s.setting
        ? fromStrategy(s, s.setting, rejected)
        : fromPurpose(s, rejected)) ??
    principal(s.resources, rejected);
  const mayOverride =
    picked?.rule !== 'outboundWhisper' && s.outboundWhisperMayOverride
      ? { mayOverride: s.outboundWhisperMayOverride }
      : {};
  if (!picked) {
    return {
      ...mayOverride,
      rule: 'none',
      reason: withRejected(
        'no caller ID could be chosen and the account has no usable principal number',
        rejected,
      ),
      rejected,
    };
  }
  const { candidate } = picked;
  const name = safeCallerIdName(candidate.displayName);
  return {
    number: candidate.number,
    ...(name !== undefined ? { name } : {}),
    rule: picked.rule,
    reason: explain(picked, rejected),
    rejected,
    ...(picked.warning ? { warning: picked.warning } : {}),
    ...mayOverride,
  };
}

/** How many passed-over candidates the reason names; `rejected` always has them all. */
const REASON_REJECTED_MAX = 3;

/** The reason, its warning, and the candidates passed over: one line for traces and `callflow run`. */
function explain(picked: Choice, rejected: Rejected): string {
  return withRejected(
    picked.warning ? `${picked.reason}; warning: ${picked.warning}` : picked.reason,
    rejected,
  );
}

function withRejected(text: string, rejected: Rejected): string {
  if (rejected.length === 0) return text;
  const named = rejected.slice(0, REASON_REJECTED_MAX).map((r) => `${r.candidate}: ${r.why}`);
  const more = rejected.length - named.length;
  return `${text} (passed over ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''})`;
}

function fromWhisper(s: CallerIdSituation, rejected: Rejected): Choice | undefined {
  if (s.outboundWhisperOverride === undefined) return undefined;
  const found = numberOrName(s.resources, s.outboundWhisperOverride);
  if (!found.ok) {
    rejected.push({ candidate: s.outboundWhisperOverride, why: `outbound whisper override: ${found.why}` });
    return undefined;
  }
  // The admin's explicit choice wins over the agent's pick (docs/caller-id.md "Outbound whisper").
  if (s.agentChoice !== undefined) {
    const pick = numberOrName(s.resources, s.agentChoice);
    rejected.push({
      candidate: s.agentChoice,
      ...(pick.ok ? { number: pick.candidate.number } : {}),
      why: `overridden by the outbound whisper flow ${s.outboundWhisperFlow ?? '(unknown)'}`,
    });
  }
  return {
    rule: 'outboundWhisper',
    candidate: found.candidate,
    reason: `the outbound whisper flow's "Call phone number" block set ${label(found.candidate)}, which overrides the queue's caller ID`,
  };
}

function fromPurpose(s: CallerIdSituation, rejected: Rejected): Choice | undefined {
  if (s.purpose === 'transfer') {
    const lead = 'no caller ID is configured on the transfer, so ';
    return fromCaller(s, rejected, lead) ?? (s.queue !== undefined ? fromQueue(s, rejected, '') : undefined);
  }
  // An agent placing the call may pick one of their allowed numbers (Vonage); else the queue rules apply.
  const picked =
    s.agentChoice !== undefined && s.agent !== undefined
      ? fromAgentSelection(s, s.agent, rejected)
      : undefined;
  if (picked) return picked;
  if (s.purpose === 'callback') return fromQueue(s, rejected, 'a callback is placed with ');
  if (s.activeCall) return fromQueue(s, rejected, 'an agent calling out during an active call shows ');
  return fromDefaultOutboundQueue(s, rejected);
}

function fromStrategy(
  s: CallerIdSituation,
  setting: CallerIdSetting,
  rejected: Rejected,
): Choice | undefined {
  switch (setting.strategy) {
    case 'fixed':
      return fromFixed(s, setting.number, rejected);
    case 'variable':
      return fromVariable(s, setting.variable, rejected);
    case 'queue':
      return fromQueue(s, rejected, '');
    case 'caller':
      return fromCaller(s, rejected, '');
    case 'agentGroup':
      return fromAgentGroup(s, rejected);
    case 'sameAreaCode':
      return fromSameAreaCode(s, setting.fallback ?? 'random', rejected);
    case 'agentChoice':
      return fromAgentChoice(s, rejected);
  }
}

function fromFixed(s: CallerIdSituation, value: string | undefined, rejected: Rejected): Choice | undefined {
  if (value === undefined) {
    rejected.push({ candidate: '(fixed)', why: 'the fixed caller ID has no number' });
    return undefined;
  }
  const found = numberOrName(s.resources, value);
  if (!found.ok) {
    rejected.push({ candidate: value, why: found.why });
    return undefined;
  }
  const owned = isOwned(s.resources, found.candidate);
  return {
    rule: 'fixed',
    candidate: found.candidate,
    reason: `fixed caller ID ${label(found.candidate)}`,
    ...(owned
      ? {}
      : {
          warning: `${found.candidate.number} is not one of the account's numbers; carriers and regulators outside the US may block it`,
        }),
  };
}

function fromVariable(
  s: CallerIdSituation,
  variable: string | undefined,
  rejected: Rejected,
): Choice | undefined {
  const raw = variable !== undefined ? s.variables?.(variable) : undefined;
  const where = `variable ${variable ?? '(none)'}`;
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    rejected.push({ candidate: where, why: 'the variable is empty' });
    return undefined;
  }
  const found = numberOrName(s.resources, String(raw));
  if (!found.ok) {
    rejected.push({ candidate: `${where} = ${String(raw)}`, why: found.why });
    return undefined;
  }
  const owned = isOwned(s.resources, found.candidate);
  return {
    rule: 'variable',
    candidate: found.candidate,
    reason: `caller ID read from ${where}: ${label(found.candidate)}`,
    ...(owned
      ? {}
      : { warning: `${found.candidate.number} is not one of the account's numbers; carriers may block it` }),
  };
}

function fromCaller(s: CallerIdSituation, rejected: Rejected, lead: string): Choice | undefined {
  if (s.callerNumber === undefined || s.callerNumber === '') {
    rejected.push({ candidate: "caller's number", why: "the caller's number is withheld or unknown" });
    return undefined;
  }
  const check = checkDialNumber(s.callerNumber, { defaultRegion: s.resources.account.defaultRegion });
  if (!check.ok) {
    rejected.push({
      candidate: s.callerNumber,
      why: `the caller's number cannot be shown: ${check.message}`,
    });
    return undefined;
  }
  return {
    rule: 'caller',
    candidate: { number: check.e164 },
    reason: `${lead}the original caller's number ${check.e164} is passed through`,
  };
}

function principal(resources: Resources, rejected: Rejected): Choice | undefined {
  const name = resources.account.principalNumber;
  const found = accountNumber(resources, name);
  if (!found.ok) {
    rejected.push({ candidate: `principal ${name || '(none)'}`, why: found.why });
    return undefined;
  }
  return {
    rule: 'principal',
    candidate: found.candidate,
    reason: `the account's principal number ${label(found.candidate)}${rejected.length > 0 ? ' (fallback)' : ''}`,
  };
}
