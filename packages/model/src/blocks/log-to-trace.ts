import { defineBlock, outcome } from '../block-definition.js';
import { ALL_FLOWS, placeholderRefs, str } from './common.js';

export interface LogToTraceSettings {
  /** The line written, with `{{variable}}` placeholders. */
  message: string;
}

export const logToTrace = defineBlock<LogToTraceSettings>({
  type: 'logToTrace',
  title: 'Log to the contact trace',
  group: 'logic',
  icon: '✎',
  description: 'Writes a line of your own, with variable values, into the contact trace for troubleshooting.',
  docs: "Writes `message` into the contact trace (the entry's `log` field), where the trace download, `callflow run` and the service's contact trace show it, and into the simulator's transcript. `{{variable}}` placeholders are replaced by the values the contact has at that moment (an unknown variable is lint CF306). Secure variables are never written: their placeholders show `•••`, and so does any copy of a secure value the contact holds. The caller hears nothing; the block takes `success` at once.",
  flowTypes: ALL_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      message: {
        description:
          'Text written to the contact trace, 1 to 500 characters; `{{variable}}` placeholders are replaced, secure values show as •••.',
        type: 'string',
        minLength: 1,
        maxLength: 500,
      },
    },
    required: ['message'],
    additionalProperties: false,
  },
  outcomeNames: ['success'],
  outcomes: () => [outcome('success', 'Success')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ message: 'Call {{$contactId}} from {{$callerNumber}} reached this point' }),
  summary: (s) => {
    const message = str(s.message) ?? '';
    return `"${message.length > 40 ? `${message.slice(0, 39)}…` : message}"`;
  },
  references: (s) => (typeof s.message === 'string' ? placeholderRefs(s.message, '/message') : []),
  form: [{ key: 'message', label: 'Log line', widget: 'multiline', help: 'Placeholders: {{variableName}}.' }],
});
