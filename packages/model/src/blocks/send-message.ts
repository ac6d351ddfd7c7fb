import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { CALLER_FLOWS, operandRefs, operandSummary, placeholderRefs, str } from './common.js';

export interface SendMessageSettings {
  /** The number the text goes to, a literal or a variable; usually `$callerNumber`. */
  to: { value: string } | { variable: string };
  /** The text, with `{{variable}}` placeholders. */
  message: string;
}

export const sendMessage = defineBlock<SendMessageSettings>({
  type: 'sendMessage',
  title: 'Send a message',
  group: 'interact',
  icon: '✉',
  description: 'Sends a text message (SMS) to the caller or another number, with variable values.',
  docs: "Sends `message` as a text message (SMS) to `to`, from the number the caller dialled. `to` is usually the caller's own number (`$callerNumber`); it is checked with the dial-number rules and the country allowlist, like a number a flow dials. `{{variable}}` placeholders are replaced by the contact's values. A message never carries a secure value: a placeholder naming a secure variable is lint CF608 (it cannot be published), and at run time a message or number that would hold a secure value is not sent (`failed`, the trace says why without the value). `sent` once the provider accepted the message; `failed` when the number is refused, the provider refuses it or the sending fails. The caller hears nothing.",
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      to: {
        ...ref('operand'),
        description:
          'Number the message goes to, a literal or a variable (usually `$callerNumber`); checked against the dial-number rules and the country allowlist.',
      },
      message: {
        description:
          'Text sent, 1 to 1,600 characters; `{{variable}}` placeholders are replaced; secure variables are refused (CF608).',
        type: 'string',
        minLength: 1,
        maxLength: 1600,
      },
    },
    required: ['to', 'message'],
    additionalProperties: false,
  },
  outcomeNames: ['sent', 'failed'],
  outcomes: () => [outcome('sent', 'Sent'), outcome('failed', 'Failed')],
  terminal: false,
  waits: () => true,
  defaults: () => ({ to: { variable: '$callerNumber' }, message: 'Thank you for calling.' }),
  summary: (s) => {
    const message = str(s.message) ?? '';
    return `to ${operandSummary(s.to)}: "${message.length > 30 ? `${message.slice(0, 29)}…` : message}"`;
  },
  references: (s) => [
    ...operandRefs(s.to, '/to'),
    ...(typeof s.message === 'string' ? placeholderRefs(s.message, '/message') : []),
  ],
  form: [
    { key: 'to', label: 'Send to', widget: 'phoneNumber' },
    {
      key: 'message',
      label: 'Message',
      widget: 'multiline',
      help: 'Placeholders: {{variableName}}. Secure variables are never sent.',
    },
  ],
});
