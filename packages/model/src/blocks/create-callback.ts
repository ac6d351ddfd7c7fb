import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { CALLER_FLOWS, refIf } from './common.js';

export interface CreateCallbackSettings {
  /** Queue the callback waits in; absent means the working queue. */
  queue?: string;
  initialDelaySeconds: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  /** The request is dropped after this long in the queue. */
  maxQueueSeconds: number;
  /** The callback takes the caller's current place in the queue. */
  keepPosition: boolean;
}

export const createCallback = defineBlock<CreateCallbackSettings>({
  type: 'createCallback',
  title: 'Create callback',
  group: 'callback',
  icon: '⟲',
  description:
    'Queues a callback to `$callbackNumber`; an agent is offered it, then the customer is dialled.',
  docs: "Creates a callback request for `$callbackNumber` in the queue. After `initialDelaySeconds`, an Available agent is offered the callback (popover labelled Callback: number, queue, dialled number); on acceptance the customer is dialled with the caller ID chosen by the caller-ID rules. If the customer does not answer, the request goes back to the queue after `retryDelaySeconds`, up to `maxAttempts`. With `keepPosition` the request keeps the caller's place. `error` when no callback number is set.",
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      queue: {
        ...ref('resourceName'),
        description: 'Queue from resources the callback request waits in. Absent: the working queue.',
      },
      initialDelaySeconds: {
        ...ref('seconds'),
        description: 'Seconds before the request is first offered to an agent (0 to 86400, default 0).',
        default: 0,
      },
      maxAttempts: {
        description:
          'How many times the customer is dialled before the request is dropped (1 to 10, default 3).',
        type: 'integer',
        minimum: 1,
        maximum: 10,
        default: 3,
      },
      retryDelaySeconds: {
        ...ref('seconds'),
        description:
          'Seconds before an unanswered callback goes back to the queue for another attempt (0 to 86400, default 300).',
        default: 300,
      },
      maxQueueSeconds: {
        ...ref('seconds'),
        description:
          'Seconds a request may wait in the queue before it is dropped (0 to 86400, default 86400, one day).',
        default: 86400,
      },
      keepPosition: {
        description:
          "When true (default), the request keeps the caller's place in the queue instead of joining at the end.",
        type: 'boolean',
        default: true,
      },
    },
    required: ['initialDelaySeconds', 'maxAttempts', 'retryDelaySeconds', 'maxQueueSeconds', 'keepPosition'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({
    initialDelaySeconds: 0,
    maxAttempts: 3,
    retryDelaySeconds: 300,
    maxQueueSeconds: 86400,
    keepPosition: true,
  }),
  summary: (s) => `${s.queue ?? 'working queue'} · ${s.maxAttempts ?? '?'} attempts`,
  references: (s) => refIf('queue', s.queue, '/queue'),
  form: [
    { key: 'queue', label: 'Queue', widget: 'queue' },
    { key: 'initialDelaySeconds', label: 'Initial delay', widget: 'seconds' },
    { key: 'maxAttempts', label: 'Maximum attempts', widget: 'integer' },
    { key: 'retryDelaySeconds', label: 'Retry delay', widget: 'seconds' },
    { key: 'maxQueueSeconds', label: 'Maximum time in queue', widget: 'seconds' },
    { key: 'keepPosition', label: 'Keep place in queue', widget: 'checkbox' },
  ],
});
