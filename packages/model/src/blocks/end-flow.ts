import { defineBlock } from '../block-definition.js';
import { WHISPER_FLOWS } from './common.js';

export type EndFlowSettings = Record<string, never>;

export const endFlow = defineBlock<EndFlowSettings>({
  type: 'endFlow',
  title: 'End flow and resume',
  group: 'terminate',
  icon: '⏎',
  description: 'Ends a whisper flow; the call goes on (the parties are connected).',
  docs: 'Ends a whisper flow and lets the call continue: after the agent whisper the customer whisper runs, then the parties are bridged; after an outbound whisper the outbound call is placed.',
  flowTypes: WHISPER_FLOWS,
  settingsSchema: { type: 'object', additionalProperties: false },
  outcomeNames: [],
  outcomes: () => [],
  terminal: true,
  waits: () => false,
  defaults: () => ({}),
  summary: () => '',
  references: () => [],
  form: [],
});
