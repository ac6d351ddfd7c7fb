import { areaOf, ownEntry } from '@callflow/model';
import type { CallerIdSituation } from './caller-id.js';
import {
  accountNumber,
  allowedNumberNames,
  type CallerIdCandidate,
  type Choice,
  label,
  numberOrName,
  type Rejected,
} from './caller-id-numbers.js';

/** The caller-ID strategies that depend on agents and their allowed numbers (Tencent, Vonage). */

/** Tencent "by group": a number bound to the agent's group (or, without an agent, the queue's group). */
export function fromAgentGroup(s: CallerIdSituation, rejected: Rejected): Choice | undefined {
  const groups =
    s.agent !== undefined
      ? (ownEntry(s.resources.agents, s.agent)?.groups ?? [])
      : [s.queue !== undefined ? ownEntry(s.resources.queues, s.queue)?.agentGroup : undefined].filter(
          (g): g is string => g !== undefined,
        );
  for (const group of groups) {
    const configured = ownEntry(s.resources.agentGroups, group)?.callerIdNumber;
    const name =
      configured ??
      Object.keys(s.resources.numbers).find((n) => ownEntry(s.resources.numbers, n)?.groups?.includes(group));
    if (name === undefined) {
      rejected.push({ candidate: `group ${group}`, why: `agent group "${group}" has no number bound to it` });
      continue;
    }
    const found = accountNumber(s.resources, name);
    if (!found.ok) {
      rejected.push({ candidate: `group ${group}`, why: found.why });
      continue;
    }
    return {
      rule: 'agentGroup',
      candidate: found.candidate,
      reason: `the number of agent group "${group}": ${label(found.candidate)}`,
    };
  }
  if (groups.length === 0) {
    rejected.push({ candidate: 'agent group', why: 'no agent or queue group on this call' });
  }
  return undefined;
}

/** Tencent "same area code", falling back to a random allowed number or the principal number. */
export function fromSameAreaCode(
  s: CallerIdSituation,
  fallback: 'random' | 'principal',
  rejected: Rejected,
): Choice | undefined {
  const target = areaOf(s.dialedNumber);
  const allowed = allowedNumberNames(s.resources, s.agent)
    .map((name) => accountNumber(s.resources, name))
    .flatMap((found) => (found.ok ? [found.candidate] : []));
  if (target) {
    for (const candidate of allowed) {
      const area = areaOf(candidate.number);
      if (area?.key === target.key) {
        return {
          rule: 'sameAreaCode',
          candidate,
          reason: `${label(candidate)} has the same area code ${target.label} as the called number ${s.dialedNumber}`,
        };
      }
      rejected.push({
        candidate: label(candidate),
        number: candidate.number,
        why: `area code ${area?.label ?? 'unknown'} is not ${target.label}`,
      });
    }
  } else {
    rejected.push({ candidate: s.dialedNumber, why: 'the called number has no area code to match' });
  }
  if (fallback === 'principal' || allowed.length === 0) return undefined;
  const random = s.random ?? Math.random;
  const index = Math.min(allowed.length - 1, Math.floor(random() * allowed.length));
  const candidate = allowed[index]!;
  return {
    rule: 'randomAllowed',
    candidate,
    reason: `no allowed number has the area code of ${s.dialedNumber}, so a random allowed number was picked: ${label(candidate)}`,
  };
}

/** The number the agent picked, when it is one of their allowed numbers; a refused pick is listed. */
export function fromAgentSelection(
  s: CallerIdSituation,
  agent: string,
  rejected: Rejected,
): Choice | undefined {
  const choice = s.agentChoice;
  if (choice === undefined) return undefined;
  const allowedNames = allowedNumberNames(s.resources, agent);
  const found = numberOrName(s.resources, choice);
  if (
    found.ok &&
    found.candidate.numberName !== undefined &&
    allowedNames.includes(found.candidate.numberName)
  ) {
    return {
      rule: 'agentChoice',
      candidate: found.candidate,
      reason: `agent "${agent}" chose ${label(found.candidate)}`,
    };
  }
  rejected.push({
    candidate: choice,
    ...(found.ok ? { number: found.candidate.number } : {}),
    why: found.ok ? `not one of agent "${agent}"'s allowed numbers (${allowedNames.join(', ')})` : found.why,
  });
  return undefined;
}

/** Vonage "agent chooses": the agent's pick if allowed, else their default, else principal or first allowed. */
export function fromAgentChoice(s: CallerIdSituation, rejected: Rejected): Choice | undefined {
  if (s.agent === undefined) {
    rejected.push({ candidate: 'agent choice', why: 'no agent on this call' });
    return undefined;
  }
  const allowedNames = allowedNumberNames(s.resources, s.agent);
  const isAllowed = (c: CallerIdCandidate) =>
    c.numberName !== undefined && allowedNames.includes(c.numberName);
  const picked = s.agentChoice !== undefined ? fromAgentSelection(s, s.agent, rejected) : undefined;
  if (picked) return picked;
  const agentDefault = ownEntry(s.resources.agents, s.agent)?.defaultNumber;
  if (agentDefault !== undefined) {
    const found = accountNumber(s.resources, agentDefault);
    if (found.ok && isAllowed(found.candidate)) {
      return {
        rule: 'agentDefault',
        candidate: found.candidate,
        reason: `${s.agentChoice === undefined ? 'the agent chose no number, so ' : ''}agent "${s.agent}"'s default number ${label(found.candidate)}`,
      };
    }
    rejected.push({
      candidate: agentDefault,
      why: found.ok ? 'the agent default is not an allowed number' : found.why,
    });
  }
  const principalName = s.resources.account.principalNumber;
  if (allowedNames.includes(principalName)) return undefined; // the principal fallback applies
  const first = allowedNames[0] !== undefined ? accountNumber(s.resources, allowedNames[0]) : undefined;
  if (!first?.ok) return undefined;
  return {
    rule: 'firstAllowed',
    candidate: first.candidate,
    reason: `agent "${s.agent}" may not present the principal number, so their first allowed number ${label(first.candidate)}`,
  };
}
