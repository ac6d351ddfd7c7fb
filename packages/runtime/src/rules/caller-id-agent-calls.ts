import { type AgentCallerIdSetting, agentCallerIdSetting, ownEntry, type Resources } from '@callflow/model';
import type { CallerIdSituation } from './caller-id.js';
import { fromAgentGroup, fromAgentSelection, fromSameAreaCode } from './caller-id-agents.js';
import {
  accountNumber,
  allowedNumberNames,
  type CallerIdCandidate,
  type Choice,
  label,
  numberOrName,
  type Rejected,
} from './caller-id-numbers.js';
import { fromDefaultOutboundQueue, fromQueue } from './caller-id-queues.js';

/**
 * One decision for every call an agent places — outbound, callback, consult, transfer to a number
 * (docs/domain.md#caller-id, "One decision for every call an agent places"):
 * 1. the number the agent picked for this call, if it is one of their allowed numbers;
 * 2. the center's strategy for agent calls (the agent group's override, else the account's): the
 *    agent's `default` number, `byGroup`, `sameAreaCode` (else a random allowed number, or the
 *    default), `agentChooses`, or without one the Connect rules (`queue`): the queue of the active
 *    call, or the agent's default outbound queue;
 * 3. a candidate the agent may not present is passed over (listed in `rejected`, "not allowed"); then
 *    the agent's default number, the principal number if the agent may present it, their first allowed
 *    number. (The outbound whisper override comes before all of this; the principal number after.)
 */
export function fromAgentCall(s: CallerIdSituation, agent: string, rejected: Rejected): Choice | undefined {
  if (s.agentChoice !== undefined) {
    const picked = fromAgentSelection(s, agent, rejected);
    if (picked) return picked;
  }
  const setting = agentCallerIdSetting(s.resources, agent) ?? { strategy: 'queue' };
  const chosen = fromAgentStrategy(s, agent, setting, rejected);
  if (chosen) {
    if (mayPresent(s, agent, chosen.candidate)) return chosen;
    rejected.push({
      candidate: label(chosen.candidate),
      number: chosen.candidate.number,
      why: `${chosen.rule}: not allowed for agent "${agent}" (allowed: ${allowedNumberNames(s.resources, agent).join(', ')})`,
    });
  }
  return agentFallback(s, agent, rejected);
}

/** Whether the agent may present the number: any account number without a list, else one of the list. */
function mayPresent(s: CallerIdSituation, agent: string, candidate: CallerIdCandidate): boolean {
  return (
    candidate.numberName !== undefined &&
    allowedNumberNames(s.resources, agent).includes(candidate.numberName)
  );
}

function fromAgentStrategy(
  s: CallerIdSituation,
  agent: string,
  setting: AgentCallerIdSetting,
  rejected: Rejected,
): Choice | undefined {
  switch (setting.strategy) {
    case 'default':
    case 'agentChooses':
      // The agent's default number is the next rule anyway; an agent who chose nothing gets it.
      return undefined;
    case 'byGroup':
      return fromAgentGroup({ ...s, agent }, rejected);
    case 'sameAreaCode':
      return fromSameAreaCode(
        { ...s, agent },
        setting.fallback === 'default' ? 'principal' : 'random',
        rejected,
      );
    case 'queue':
      if (s.purpose === 'callback' || s.activeCall) {
        const lead =
          s.purpose === 'callback'
            ? 'a callback is placed with '
            : s.purpose === 'consult'
              ? 'a consult during a call shows '
              : 'an agent calling out during an active call shows ';
        return fromQueue(s, rejected, lead);
      }
      return fromDefaultOutboundQueue(s, rejected);
  }
}

/** The agent's default number, then the principal number if allowed, then their first allowed number. */
function agentFallback(s: CallerIdSituation, agent: string, rejected: Rejected): Choice | undefined {
  const defaultName = ownEntry(s.resources.agents, agent)?.defaultNumber;
  if (defaultName !== undefined) {
    const found = accountNumber(s.resources, defaultName);
    if (found.ok && mayPresent(s, agent, found.candidate)) {
      return {
        rule: 'agentDefault',
        candidate: found.candidate,
        reason: `agent "${agent}"'s default number ${label(found.candidate)}`,
      };
    }
    rejected.push({
      candidate: defaultName,
      ...(found.ok ? { number: found.candidate.number } : {}),
      why: found.ok ? `the agent's default is not one of their allowed numbers` : found.why,
    });
  }
  const allowed = allowedNumberNames(s.resources, agent);
  if (allowed.includes(s.resources.account.principalNumber)) return undefined; // the principal number
  const first = allowed[0] !== undefined ? accountNumber(s.resources, allowed[0]) : undefined;
  if (!first?.ok) return undefined;
  return {
    rule: 'firstAllowed',
    candidate: first.candidate,
    reason: `agent "${agent}" may not present the principal number, so their first allowed number ${label(first.candidate)}`,
  };
}

export type CallerIdPick =
  | { ok: true; numberName: string; number: string }
  | { ok: false; why: string; allowed: string[] };

/**
 * Checks the number an agent picks for a call (a number name or its E.164) before anything is placed:
 * it must be one of the numbers the agent may present.
 */
export function checkCallerIdPick(resources: Resources, agent: string, pick: string): CallerIdPick {
  const allowed = allowedNumberNames(resources, agent);
  const found = numberOrName(resources, pick);
  if (!found.ok) return { ok: false, why: found.why, allowed };
  const name = found.candidate.numberName;
  if (name === undefined || !allowed.includes(name))
    return {
      ok: false,
      why: `${pick} is not one of agent "${agent}"'s allowed numbers (${allowed.join(', ')})`,
      allowed,
    };
  return { ok: true, numberName: name, number: found.candidate.number };
}
