import { ROUTING_PRIORITY_MAX, type SetRoutingPrioritySettings } from '@callflow/model';
import { defineBehaviour } from './behaviour.js';

const clamp = (n: number) => Math.min(ROUTING_PRIORITY_MAX, Math.max(0, Math.trunc(n)));
const whole = (n: unknown): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) ? n : undefined;

/**
 * Sets or changes the contact's routing priority and credits it queue time (snapshot `routing`); the
 * ACD orders waiting contacts by them across queues. A contact already waiting is re-ordered at once.
 */
export const setRoutingPriority = defineBehaviour<SetRoutingPrioritySettings>({
  type: 'setRoutingPriority',
  enter(ctx) {
    const before = ctx.contact.routing ?? { priority: 0, creditSeconds: 0 };
    const set = whole(ctx.settings.priority);
    const raise = whole(ctx.settings.raiseBy);
    const credit = Math.max(0, Math.trunc(whole(ctx.settings.addQueueSeconds) ?? 0));
    const priority = clamp(set ?? before.priority + (raise ?? 0));
    const routing = { priority, creditSeconds: before.creditSeconds + credit };
    ctx.contact.routing = routing;
    const reordered = ctx.queue.reorder();
    return {
      outcome: 'success',
      note: `priority ${before.priority} -> ${priority}, queue time credit ${routing.creditSeconds} s${reordered ? '; re-ordered in the queue' : ''}`,
    };
  },
});
