import { defineBlock, outcome } from '../block-definition.js';
import { ALL_FLOWS } from './common.js';

export interface SetRecordingSettings {
  action: 'start' | 'pause' | 'resume' | 'stop';
  who?: 'customer' | 'agent' | 'both';
  /** With "pause": a privacy shield that resumes recording on its own after this many seconds. */
  privacyShieldSeconds?: number;
}

export const setRecording = defineBlock<SetRecordingSettings>({
  type: 'setRecording',
  title: 'Set recording',
  group: 'interact',
  icon: '◉',
  description: 'Starts, pauses (privacy shield), resumes or stops call recording.',
  docs: 'Controls call recording. A pause with `privacyShieldSeconds` is a privacy shield: recording resumes by itself after that time (e.g. while a card number is read). Pausing is refused during a consult or conference (`error`).',
  flowTypes: ALL_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      action: {
        description: '`start`, `pause`, `resume` or `stop` recording.',
        enum: ['start', 'pause', 'resume', 'stop'],
      },
      who: {
        description: 'Whose audio is recorded: `customer`, `agent` or `both`.',
        enum: ['customer', 'agent', 'both'],
      },
      privacyShieldSeconds: {
        description: 'Only with `pause`: recording resumes by itself after this many seconds (1 to 3600).',
        type: 'integer',
        minimum: 1,
        maximum: 3600,
      },
    },
    required: ['action'],
    additionalProperties: false,
    if: { properties: { action: { not: { const: 'pause' } } } },
    then: { not: { required: ['privacyShieldSeconds'] } },
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ action: 'start', who: 'both' }),
  summary: (s) => `${s.action ?? ''}${s.privacyShieldSeconds ? ` · shield ${s.privacyShieldSeconds}s` : ''}`,
  references: () => [],
  form: [
    { key: 'action', label: 'Action', widget: 'select' },
    { key: 'who', label: 'Record', widget: 'select' },
    { key: 'privacyShieldSeconds', label: 'Privacy shield (auto-resume after)', widget: 'seconds' },
  ],
});
