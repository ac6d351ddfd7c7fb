import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { CALLER_FLOWS, refIf } from './common.js';

export interface SetCustomerQueueFlowSettings {
  flow: string;
}

export const setCustomerQueueFlow = defineBlock<SetCustomerQueueFlowSettings>({
  type: 'setCustomerQueueFlow',
  title: 'Set customer queue flow',
  group: 'queue',
  icon: '♫',
  description: 'Chooses the customer-queue flow this caller hears while queued, instead of the queue’s own.',
  docs: "Sets the customer-queue flow the caller hears while waiting in a queue, overriding the queue's `customerQueueFlow` for the rest of the contact (every queue it is put in afterwards, by Transfer to queue or an agent's transfer). It takes effect at the next Transfer to queue: in a customer-queue flow the flow playing now keeps playing until the caller moves to another queue. The flow must be a published customer-queue flow (lint CF304 / CF305); otherwise the block takes `error` and the queue's own flow stays.",
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      flow: {
        ...ref('flowId'),
        description:
          'Id of the customer-queue flow the caller hears while queued (its type must be customer-queue).',
      },
    },
    required: ['flow'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ flow: 'support-queue' }),
  summary: (s) => s.flow ?? '',
  references: (s) => refIf('flow', s.flow, '/flow', ['customer-queue']),
  form: [{ key: 'flow', label: 'Customer queue flow', widget: 'flow', flowTypes: ['customer-queue'] }],
});
