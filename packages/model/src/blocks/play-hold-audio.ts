import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { promptRefs, promptSummary } from './common.js';

export interface PlayHoldAudioSettings {
  prompt?: { prompt: string } | { text: string };
  durationSeconds: number;
}

export const playHoldAudio = defineBlock<PlayHoldAudioSettings>({
  type: 'playHoldAudio',
  title: 'Play hold audio',
  group: 'queue',
  icon: '♫',
  description: 'Plays hold music for a while, then continues (the wait in a customer-queue loop).',
  docs: 'Plays the hold prompt (or the default hold music) for `durationSeconds`, then takes `success`. An agent becoming available interrupts it. This is what makes a customer-queue loop wait.',
  flowTypes: ['customer-queue'],
  settingsSchema: {
    type: 'object',
    properties: {
      prompt: { ...ref('prompt'), description: 'Hold prompt to play; absent: the default hold music.' },
      durationSeconds: {
        description:
          'Seconds to play (1 to 3600, default 30) before `success`; an available agent interrupts it.',
        type: 'integer',
        minimum: 1,
        maximum: 3600,
        default: 30,
      },
    },
    required: ['durationSeconds'],
    additionalProperties: false,
  },
  outcomeNames: ['success'],
  outcomes: () => [outcome('success', 'Done')],
  terminal: false,
  waits: () => true,
  defaults: () => ({ durationSeconds: 30 }),
  summary: (s) => `${s.prompt ? promptSummary(s.prompt) : 'hold music'} · ${s.durationSeconds ?? '?'}s`,
  references: (s) => promptRefs(s.prompt, '/prompt'),
  form: [
    { key: 'prompt', label: 'Hold audio', widget: 'prompt' },
    { key: 'durationSeconds', label: 'Duration', widget: 'seconds' },
  ],
});
