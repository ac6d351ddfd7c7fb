import { defineBlock, outcome } from '../block-definition.js';

export interface PlayQueueStatusSettings {
  say: 'position' | 'waitTime' | 'both';
}

export const playQueueStatus = defineBlock<PlayQueueStatusSettings>({
  type: 'playQueueStatus',
  title: 'Play queue status',
  group: 'queue',
  icon: '№',
  description: 'Tells a waiting caller their position and/or estimated wait.',
  docs: 'Speaks `$queuePosition` and/or `$estimatedWaitSeconds` (rounded up to minutes). Used in customer-queue flows.',
  flowTypes: ['customer-queue'],
  settingsSchema: {
    type: 'object',
    properties: {
      say: {
        description:
          'What is spoken: `position` in queue, `waitTime` (estimated wait, rounded up to minutes) or `both`.',
        enum: ['position', 'waitTime', 'both'],
      },
    },
    required: ['say'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => true,
  defaults: () => ({ say: 'both' }),
  summary: (s) => s.say ?? '',
  references: () => [],
  form: [{ key: 'say', label: 'Say', widget: 'select' }],
});
