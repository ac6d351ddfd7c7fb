import { ownEntry } from '@callflow/model';
import { isOpen } from '../rules/index.js';
import { defineBehaviour } from './behaviour.js';

/**
 * Overrides, then holidays, then weekly hours, in the hours' own time zone. Without `hours`, the hours
 * named like the working queue are used (resources give queues no hours of their own).
 */
export const checkHours = defineBehaviour<{ hours?: string }>({
  type: 'checkHours',
  enter(ctx) {
    const name = ctx.settings.hours ?? (ctx.lookup('$queueName') as string);
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
