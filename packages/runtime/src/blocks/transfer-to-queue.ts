import { ownEntry } from '@callflow/model';
import { defineBehaviour } from './behaviour.js';

/**
 * Queues the contact in the working queue and runs the queue's customer-queue flow while it waits; the
 * ACD offers it to an agent (engine/queue.ts). Inside a customer-queue flow with `queue`: moves it.
 */
export const transferToQueue = defineBehaviour<{ queue?: string }>({
  type: 'transferToQueue',
  enter(ctx) {
    const inQueueFlow = ctx.frame.kind === 'customerQueue';
    const queue =
      (inQueueFlow ? ctx.settings.queue : undefined) ?? (ctx.contact.system.queueName as string | undefined);
    if (!queue) return { outcome: 'error', note: 'no working queue set (use Set working queue first)' };
    const resource = ownEntry(ctx.env.resources.queues, queue);
    if (!resource) return { outcome: 'error', note: `queue "${queue}" is not in resources` };
    const waiting = ctx.env.queues?.size(queue) ?? 0;
    if (resource.maxContacts !== undefined && waiting >= resource.maxContacts) {
      return {
        outcome: 'atCapacity',
        note: `${waiting} contacts wait in ${queue} (capacity ${resource.maxContacts})`,
      };
    }
    const unpublished = ctx.queue.unpublishedFlow(queue);
    if (unpublished) return { outcome: 'error', note: unpublished };
    if (inQueueFlow) {
      if (queue === ctx.contact.queue?.name)
        return { outcome: 'error', note: `the contact is already in ${queue}` };
      ctx.queue.moveTo(queue);
      return { handled: true };
    }
    const flow = ctx.queue.enter(queue);
    return flow
      ? { wait: { queue }, push: { kind: 'customerQueue', flowId: flow } }
      : { wait: { queue, hold: true } };
  },
  // The contact now belongs to the ACD: queue events are handled by the engine, not by this block.
  resume: () => undefined,
});
