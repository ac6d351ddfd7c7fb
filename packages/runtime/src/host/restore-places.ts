import { ownEntry } from '@callflow/model';
import { queuedKind } from '../engine/queue.js';
import { currentOffer } from '../standard-engine.js';
import type { ContactSnapshot } from '../types.js';
import type { HostCore } from './host-core.js';

/**
 * Puts a restored contact back where it was: in its queue at its old place, with the offer it was
 * making back on the agent's desktop (the agent can still accept it), or with the agent who is on it.
 */
export function restorePlace(core: HostCore, s: ContactSnapshot): void {
  const queue = s.queue;
  if (queue && !queue.agent && (s.status === 'queued' || s.status === 'offered')) {
    // A direct offer (an agent's transfer to a colleague) is not in the ACD's queue until a RONA.
    if (!queue.offer?.direct) {
      const group = ownEntry(core.env.resources.queues, queue.name)?.agentGroup ?? '';
      core.acd.enqueue(s.contactId, queue.name, group, queue.since, queuedKind(s), queue.exclude, s.routing);
    }
    restoreOffer(core, s);
    return;
  }
  const agent = agentOn(s);
  const onIt = agent ? core.acd.agents.get(agent) : undefined;
  if (onIt) {
    onIt.state = 'Busy';
    onIt.contactId = s.contactId;
  }
}

/** An offer in progress stays with its agent (its RONA timer is restored too), popover included. */
function restoreOffer(core: HostCore, s: ContactSnapshot): void {
  const offer = currentOffer(core.env, s);
  if (!offer || !core.acd.restoreOffer(offer.agent, s.contactId)) return;
  core.offers.set(offer.agent, offer);
}

/**
 * The agent a contact is with: the one who accepted it from a queue, or the agent who placed their own
 * callback (it has no queue), from the outbound whisper through the dialling to the conversation.
 */
function agentOn(s: ContactSnapshot): string | undefined {
  if (s.queue?.agent) return s.queue.agent;
  const cb = s.callback;
  const withAgent = cb?.phase === 'whisper' || cb?.phase === 'dialling' || cb?.phase === 'connected';
  return withAgent ? cb?.agent : undefined;
}
