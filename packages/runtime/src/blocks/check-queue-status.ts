import { isQueueStatusFigure, ownEntry } from '@callflow/model';
import { evaluateCondition } from '../rules/index.js';
import type { QueueStatus } from '../types.js';
import { defineBehaviour } from './behaviour.js';

interface CheckQueueStatusSettings {
  queue?: string;
  rules?: { outcome?: string; when?: unknown }[];
}

/**
 * Reads the queue's figures once (the named queue, else the working queue), then the first rule whose
 * condition holds gives the outcome; none: `noMatch`. Conditions name figures where they would name a
 * variable; any other name is a flow or system variable.
 */
export const checkQueueStatus = defineBehaviour<CheckQueueStatusSettings>({
  type: 'checkQueueStatus',
  enter(ctx) {
    const queue = ctx.settings.queue ?? String(ctx.lookup('$queueName') ?? '');
    if (!queue) return { outcome: 'error', note: 'no queue named and no working queue set' };
    if (!ownEntry(ctx.env.resources.queues, queue))
      return { outcome: 'error', note: `queue "${queue}" is not in resources` };
    const status = ctx.env.queues?.status?.(queue, ctx.now);
    if (!status) return { outcome: 'error', note: 'this host keeps no queue figures' };
    ctx.note(`queue "${queue}": ${describe(status)}`);
    const lookup = (name: string): unknown =>
      isQueueStatusFigure(name) ? status[name as keyof QueueStatus] : ctx.lookup(name);
    for (const [index, rule] of (ctx.settings.rules ?? []).entries()) {
      if (typeof rule.outcome === 'string' && evaluateCondition(rule.when, lookup)) {
        return { outcome: rule.outcome, note: `rule ${index + 1} holds` };
      }
    }
    return { outcome: 'noMatch' };
  },
});

function describe(status: QueueStatus): string {
  return Object.entries(status)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
}
