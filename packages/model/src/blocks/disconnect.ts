import { defineBlock } from '../block-definition.js';
import { CALLER_FLOWS } from './common.js';

export type DisconnectSettings = Record<string, never>;

export const disconnect = defineBlock<DisconnectSettings>({
  type: 'disconnect',
  title: 'Disconnect',
  group: 'terminate',
  icon: '✕',
  description: 'Hangs up the call.',
  docs: 'Ends the contact. A callback already created stays in its queue.',
  flowTypes: CALLER_FLOWS,
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
