import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { refIf } from './common.js';

export interface TransferToQueueSettings {
  /** Only in a customer-queue flow: move the contact to this queue (keeps nothing of the old place). */
  queue?: string;
}

export const transferToQueue = defineBlock<TransferToQueueSettings>({
  type: 'transferToQueue',
  title: 'Transfer to queue',
  group: 'queue',
  icon: '⇥',
  description: 'Puts the contact in the working queue; the customer-queue flow plays while it waits.',
  docs: "Queues the contact in the working queue, runs the queue's customer-queue flow while it waits, and offers it to an Available agent of the queue's group (agent whisper, then customer whisper, then connected). The flow ends once an agent is connected. `atCapacity` is taken when the queue is full; `error` when no working queue is set. In a customer-queue flow, `queue` moves the contact to another queue.",
  flowTypes: ['inbound', 'customer-queue', 'module'],
  settingsSchema: {
    type: 'object',
    properties: {
      queue: {
        ...ref('resourceName'),
        description:
          'Only in a customer-queue flow: queue from resources the contact moves to. Elsewhere the working queue is used.',
      },
    },
    additionalProperties: false,
  },
  outcomeNames: ['atCapacity', 'error'],
  outcomes: () => [outcome('atCapacity', 'At capacity'), outcome('error', 'Error')],
  terminal: false,
  waits: () => true,
  defaults: () => ({}),
  summary: (s) => (s.queue ? `to ${s.queue}` : 'working queue'),
  references: (s) => refIf('queue', s.queue, '/queue'),
  form: [{ key: 'queue', label: 'Move to queue (customer-queue flows)', widget: 'queue' }],
});
