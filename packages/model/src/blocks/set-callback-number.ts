import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { CALLER_FLOWS, operandRefs, operandSummary } from './common.js';

export interface SetCallbackNumberSettings {
  number: { value: string } | { variable: string };
}

export const setCallbackNumber = defineBlock<SetCallbackNumberSettings>({
  type: 'setCallbackNumber',
  title: 'Set callback number',
  group: 'callback',
  icon: '✆',
  description: 'Sets the number a callback will dial, after checking it.',
  docs: "Normalises the number (characters other than digits and + # * : are stripped) and stores it in `$callbackNumber`. A number that is not a valid dial number takes `invalidNumber`; a valid number in a country outside `account.allowedCountries`, or one that cannot be dialled, takes `notDialable` (as Amazon Connect's block).",
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      number: {
        ...ref('operand'),
        description:
          'Number to call back, a literal or a variable; normalised and stored in `$callbackNumber`.',
      },
    },
    required: ['number'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'invalidNumber', 'notDialable'],
  outcomes: () => [
    outcome('success', 'Success'),
    outcome('invalidNumber', 'Invalid number'),
    outcome('notDialable', 'Not dialable'),
  ],
  terminal: false,
  waits: () => false,
  defaults: () => ({ number: { variable: '$callerNumber' } }),
  summary: (s) => operandSummary(s.number),
  references: (s) => operandRefs(s.number, '/number'),
  form: [{ key: 'number', label: 'Number', widget: 'operand' }],
});
