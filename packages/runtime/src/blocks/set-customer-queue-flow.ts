import { defineBehaviour } from './behaviour.js';

/**
 * Chooses the customer-queue flow the caller hears in any queue from now on, instead of the queue's own
 * (engine/queue.ts `customerQueueFlow`). Checked here, so a flow that is missing or of another type
 * takes `error` before the caller is queued rather than leaving them in silence later.
 */
export const setCustomerQueueFlow = defineBehaviour<{ flow?: string }>({
  type: 'setCustomerQueueFlow',
  enter(ctx) {
    const { flow } = ctx.settings;
    if (!flow) return { outcome: 'error', note: 'no customer-queue flow named' };
    const found = ctx.flows.find(flow);
    if (!found) return { outcome: 'error', note: `flow "${flow}" is not published` };
    if (found.type !== 'customer-queue')
      return { outcome: 'error', note: `flow "${flow}" is a ${found.type} flow, not customer-queue` };
    ctx.contact.queueFlow = flow;
    return { outcome: 'success', note: `queued callers hear ${flow}` };
  },
});
