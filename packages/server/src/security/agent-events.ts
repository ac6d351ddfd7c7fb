import type { LiveEvent } from '../ops/event-bus.js';

/** Events about contacts: an agent sees them only for the contact it is offered or connected to. */
const CONTACT_EVENTS = new Set(['contact.step', 'contact.variable']);

/**
 * What an agent token's event stream carries: events about its own agent (offers, state, wrap-up,
 * transfers, consults, callbacks it places), the steps and CAD edits of the contact it is on, and the
 * states of the other agents (the desktop's transfer list: a name and a state, no contact data).
 * Nothing else: no other contact's data, no flows, no resources.
 */
export function agentEventFilter(
  agent: string,
  contactsOf: (agent: string) => readonly string[],
): (event: LiveEvent) => boolean {
  return (event) => {
    if (event.type === 'agent.state') return true;
    if (event.agent === agent && event.type.startsWith('agent.')) return true;
    if (CONTACT_EVENTS.has(event.type) && typeof event.contactId === 'string')
      return contactsOf(agent).includes(event.contactId);
    return false;
  };
}
