import { ownEntry } from '@callflow/model';
import { isOpen } from '../rules/index.js';
import { defineBehaviour } from './behaviour.js';

/**
 * Overrides, then holidays, then weekly hours, in the hours' own time zone. Without `hours`, the working
 * queue's own hours are used, or else the hours named like the working queue.
 */
export const checkHours = defineBehaviour<{ hours?: string }>({
  type: 'checkHours',
  enter(ctx) {
    const queueName = ctx.lookup('$queueName') as string;
    const queueHours = queueName ? ownEntry(ctx.env.resources.queues, queueName)?.hours : undefined;
    const name = ctx.settings.hours ?? queueHours ?? queueName;
    const hours = name ? ownEntry(ctx.env.resources.hours, name) : undefined;
    if (!hours) {
      return {
        outcome: 'error',
        note: name ? `hours "${name}" are not in resources` : 'no hours named and no working queue',
      };
    }
    try {
      const check = isOpen(hours, new Date(ctx.now));
      return { outcome: check.open ? 'inHours' : 'outOfHours', note: `${check.rule}: ${check.detail}` };
    } catch (error) {
      return {
        outcome: 'error',
        note: `hours "${name}" cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  },
});
