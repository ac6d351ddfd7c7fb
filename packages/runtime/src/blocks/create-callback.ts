import { ownEntry } from '@callflow/model';
import type { CallbackRequest } from '../types.js';
import { defineBehaviour } from './behaviour.js';
import { num } from './common.js';

interface CreateCallbackSettings {
  queue?: string;
  initialDelaySeconds?: number;
  maxAttempts?: number;
  retryDelaySeconds?: number;
  maxQueueSeconds?: number;
  keepPosition?: boolean;
}

/**
 * Asks the host to create a callback request (a contact of its own, engine/callback.ts). With
 * `keepPosition` it takes the caller's current place in the queue.
 */
export const createCallback = defineBehaviour<CreateCallbackSettings>({
  type: 'createCallback',
  enter(ctx) {
    const s = ctx.settings;
    const number = ctx.contact.system.callbackNumber;
    if (typeof number !== 'string' || number === '')
      return { outcome: 'error', note: 'no callback number set' };
    const queue = s.queue ?? (ctx.contact.system.queueName as string | undefined);
    if (!queue || !ownEntry(ctx.env.resources.queues, queue))
      return { outcome: 'error', note: `queue "${queue ?? ''}" is not in resources` };
    const c = ctx.contact;
    const keep = s.keepPosition !== false && c.queue?.name === queue;
    const request: CallbackRequest = {
      id: `${c.contactId}-callback-${c.seq + 1}`,
      number,
      queue,
      dialedNumber: c.dialedNumber,
      enqueuedAt: keep && c.queue ? c.queue.since : ctx.now,
      initialDelaySeconds: num(s.initialDelaySeconds, 0),
      maxAttempts: num(s.maxAttempts, 3),
      retryDelaySeconds: num(s.retryDelaySeconds, 300),
      maxQueueSeconds: num(s.maxQueueSeconds, 86400),
      flowId: c.flowId,
      flowVersion: c.version,
      variables: { ...c.variables },
    };
    if (c.callerNumber) request.callerNumber = c.callerNumber;
    if (c.whisper.outbound) request.outboundWhisperFlow = c.whisper.outbound;
    c.seq += 1;
    ctx.emit({ type: 'createCallback', request });
    return {
      outcome: 'success',
      note: keep ? "the callback keeps the caller's place in the queue" : `callback queued in ${queue}`,
    };
  },
});
