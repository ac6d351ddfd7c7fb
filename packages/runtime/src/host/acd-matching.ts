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

/**
 * The contact hung up (or was dropped): the agent on it goes to wrap-up, an agent it was offered to is
 * free. True when an agent was freed.
 */
export function releaseAgentOf(core: HostCore, contactId: string): boolean {
  let freed = false;
  for (const agent of core.acd.agents.values()) {
    if (agent.contactId !== contactId) continue;
    core.offers.delete(agent.name);
    if (agent.state === 'Busy' && !agent.offered) core.acd.released(agent.name);
    else core.acd.unreserve(agent.name, contactId);
    core.observers.agentChanged?.(agent.name);
    freed = true;
  }
  return freed;
}
