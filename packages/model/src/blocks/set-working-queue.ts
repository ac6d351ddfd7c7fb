import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { refIf } from './common.js';

export interface SetWorkingQueueSettings {
  queue: string;
}

export const setWorkingQueue = defineBlock<SetWorkingQueueSettings>({
  type: 'setWorkingQueue',
  title: 'Set working queue',
  group: 'queue',
  icon: '⛁',
  description: 'Chooses the queue a later Transfer to queue puts the contact in.',
  docs: 'Sets the working queue (`$queueName`). It must come before Transfer to queue on every path, except inside a customer-queue flow. The queue also supplies the outbound caller ID for transfers and callbacks, and the default hours for Check hours.',
  flowTypes: ['inbound', 'customer-queue', 'module'],
  settingsSchema: {
    type: 'object',
    properties: {
      queue: {
        ...ref('resourceName'),
        description: 'Queue from resources that becomes the working queue (`$queueName`).',
      },
    },
    required: ['queue'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ queue: 'support' }),
  summary: (s) => s.queue ?? '',
  references: (s) => refIf('queue', s.queue, '/queue'),
  form: [{ key: 'queue', label: 'Queue', widget: 'queue' }],
});
