import { defineBlock, outcome } from '../block-definition.js';
import { CALLER_FLOWS } from './common.js';

export interface LoopCounterSettings {
  count: number;
}

export const loopCounter = defineBlock<LoopCounterSettings>({
  type: 'loopCounter',
  title: 'Loop',
  group: 'logic',
  icon: '⟳',
  description: 'Goes round a loop a set number of times, then continues.',
  docs: 'Takes `looping` the first `count` times the contact arrives here, then `complete` (and the counter starts again). Each block has its own counter per contact.',
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      count: {
        description:
          'How many times `looping` is taken (1 to 100, default 3) before `complete`; then the counter starts again.',
        type: 'integer',
        minimum: 1,
        maximum: 100,
        default: 3,
      },
    },
    required: ['count'],
    additionalProperties: false,
  },
  outcomeNames: ['looping', 'complete'],
  outcomes: () => [outcome('looping', 'Looping'), outcome('complete', 'Complete')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ count: 3 }),
  summary: (s) => `${s.count ?? '?'} times`,
  references: () => [],
  form: [{ key: 'count', label: 'Loop count', widget: 'integer' }],
});
