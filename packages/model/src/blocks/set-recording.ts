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
      action: { enum: ['start', 'pause', 'resume', 'stop'] },
      who: { enum: ['customer', 'agent', 'both'] },
      privacyShieldSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
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
