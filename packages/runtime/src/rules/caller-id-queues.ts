import { ownEntry } from '@callflow/model';
import type { CallerIdSituation } from './caller-id.js';
import { type Choice, label, queueCallerId, type Rejected } from './caller-id-numbers.js';

/** The Connect rules (docs/domain.md#caller-id): the caller ID of the call's queue, or of the agent's default outbound queue. */

export function fromQueue(s: CallerIdSituation, rejected: Rejected, lead: string): Choice | undefined {
  const found = queueCallerId(s.resources, s.queue);
  if (!found.ok) {
    rejected.push({ candidate: `queue ${s.queue ?? '(none)'}`, why: found.why });
    return undefined;
  }
  return {
    rule: 'queue',
    candidate: found.candidate,
    reason: `${lead}the outbound caller ID of queue "${s.queue}": ${label(found.candidate)}`,
  };
}

/** An agent dialling with no active call: the caller ID of their default outbound queue. */
export function fromDefaultOutboundQueue(s: CallerIdSituation, rejected: Rejected): Choice | undefined {
  const agent = s.agent !== undefined ? ownEntry(s.resources.agents, s.agent) : undefined;
  const queue = agent?.defaultOutboundQueue;
  if (queue === undefined) {
    rejected.push({
      candidate: 'default outbound queue',
      why:
        s.agent === undefined ? 'no agent on this call' : `agent "${s.agent}" has no default outbound queue`,
    });
    return undefined;
  }
  const found = queueCallerId(s.resources, queue);
  if (!found.ok) {
    rejected.push({ candidate: `queue ${queue}`, why: found.why });
    return undefined;
  }
  return {
    rule: 'defaultOutboundQueue',
    candidate: found.candidate,
    reason: `an agent dialling with no active call shows the caller ID of their default outbound queue "${queue}": ${label(found.candidate)}`,
  };
}
