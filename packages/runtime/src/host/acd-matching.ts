import type { ContactSnapshot } from '../types.js';
import type { HostCore } from './host-core.js';
import { capacityEvent } from './live-calls.js';

/**
 * Offers waiting contacts to free agents (`agentAvailable`); an offer the contact did not make frees
 * the agent again. A callback needs a free line: one whose turn comes at the maximum concurrent calls
 * keeps its place and is told why it waits (once); it is told again just before its offer.
 */
export function match(core: HostCore): void {
  const capacity = core.capacity();
  const pairs = core.acd.match(core.calls.free(capacity.limit));
  for (const contactId of core.acd.held) {
    if (waitReasonOf(core, contactId) === undefined) core.deliver(contactId, capacityEvent(capacity, true));
  }
  for (const { agent, contactId } of pairs) {
    if (waitReasonOf(core, contactId) !== undefined) core.deliver(contactId, capacityEvent(capacity, false));
    core.deliver(contactId, { type: 'agentAvailable', agent }, (result) => {
      const offered = result?.commands.some((c) => c.type === 'offerToAgent' && c.agent === agent);
      if (!offered) core.acd.unreserve(agent, contactId);
    });
  }
  // Offers nobody shows any more: the agent took the contact, or was freed of it.
  for (const [name] of core.offers) {
    const a = core.acd.agents.get(name);
    if (!a || a.state === 'Busy' || (!a.offered && a.contactId === undefined)) core.offers.delete(name);
  }
}

function waitReasonOf(core: HostCore, contactId: string): string | undefined {
  return core.store.load(contactId)?.callback?.waitReason;
}

/** The contact hung up: the agent on it goes to wrap-up, an agent it was offered to is free. */
export function releaseAgentOf(core: HostCore, contactId: string): void {
  for (const agent of core.acd.agents.values()) {
    if (agent.contactId !== contactId) continue;
    core.offers.delete(agent.name);
    if (agent.state === 'Busy') core.acd.released(agent.name);
    else core.acd.unreserve(agent.name, contactId);
    core.observers.agentChanged?.(agent.name);
  }
}

/** Puts a restored contact back in its queue at its old place, and its agent back on it. */
export function requeue(core: HostCore, s: ContactSnapshot): void {
  const queue = s.queue;
  if (!queue) return;
  if ((s.status === 'queued' || s.status === 'offered') && !queue.agent) {
    const group = core.env.resources.queues[queue.name]?.agentGroup ?? '';
    // A direct offer (an agent's transfer to a colleague) is not in the ACD's queue until a RONA.
    if (!queue.offer?.direct)
      core.acd.enqueue(
        s.contactId,
        queue.name,
        group,
        queue.since,
        s.callback ? 'callback' : 'call',
        queue.exclude,
      );
    // An offer in progress stays with its agent, who can still accept it (its timer is restored too).
    const offeredTo = queue.offer ? core.acd.agents.get(queue.offer.agent) : undefined;
    if (offeredTo && offeredTo.contactId === undefined) {
      offeredTo.offered = true;
      offeredTo.contactId = s.contactId;
    }
  } else if (queue.agent) {
    const agent = core.acd.agents.get(queue.agent);
    if (agent) {
      agent.state = 'Busy';
      agent.contactId = s.contactId;
    }
  }
}
