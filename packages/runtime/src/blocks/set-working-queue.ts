import { ownEntry } from '@callflow/model';
import { defineBehaviour } from './behaviour.js';

/** Chooses the queue a later Transfer to queue uses (`$queueName`). */
export const setWorkingQueue = defineBehaviour<{ queue?: string }>({
  type: 'setWorkingQueue',
  enter(ctx) {
    const queue = ctx.settings.queue;
    if (!queue || !ownEntry(ctx.env.resources.queues, queue))
      return { outcome: 'error', note: `queue "${queue ?? ''}" is not in resources` };
    ctx.contact.system.queueName = queue;
    return { outcome: 'success' };
  },
});
