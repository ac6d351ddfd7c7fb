import type { Flow, Resources } from '@callflow/model';
import { block, flow, resources, say } from './fixtures.js';

/** Support and sales queues; carol is in sales only, dave in support only; sales has a customer-queue flow. */
export function transferResources(): Resources {
  const r = resources();
  r.agents.carol = { displayName: 'Carol', groups: ['sales'] };
  r.agents.dave = { displayName: 'Dave', groups: ['support'] };
  r.queues.sales = { ...r.queues.sales!, customerQueueFlow: 'sales-queue', maxContacts: 2 };
  return r;
}

/** The sales queue's customer-queue flow: a greeting, then hold audio in a loop. */
export function salesQueueFlow(): Flow {
  return flow('sales-queue', 'customer-queue', 'hello', {
    hello: block('playPrompt', say('Sales will be with you shortly.'), { success: 'hold' }),
    hold: block('playHoldAudio', { durationSeconds: 30 }, { success: 'hold2' }),
    hold2: block('playHoldAudio', { durationSeconds: 30 }, { success: 'hold' }),
  });
}
