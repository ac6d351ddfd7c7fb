import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { ALL_FLOWS, promptRefs, promptSummary } from './common.js';

export interface PlayPromptSettings {
  prompt: { prompt: string } | { text: string };
}

export const playPrompt = defineBlock<PlayPromptSettings>({
  type: 'playPrompt',
  title: 'Play prompt',
  group: 'interact',
  icon: '♪',
  description: 'Plays a recorded prompt or speaks text.',
  docs: 'Plays a prompt from the resources file, or speaks text. `{{variable}}` placeholders in text are replaced by the variable value (secure variables are spoken but never traced).',
  flowTypes: ALL_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      prompt: {
        ...ref('prompt'),
        description: 'Prompt to play: a prompt name from resources or text-to-speech.',
      },
    },
    required: ['prompt'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => true,
  defaults: () => ({ prompt: { text: 'Thank you for calling.' } }),
  summary: (s) => promptSummary(s.prompt),
  references: (s) => promptRefs(s.prompt, '/prompt'),
  form: [{ key: 'prompt', label: 'Prompt', widget: 'prompt' }],
});
