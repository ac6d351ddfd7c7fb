import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { CALLER_FLOWS, promptRefs, promptSummary, refIf } from './common.js';

export interface GetDigitsSettings {
  prompt: { prompt: string } | { text: string };
  variable: string;
  minDigits: number;
  maxDigits: number;
  timeoutSeconds: number;
  /** Key that ends input early. */
  terminator?: '#' | '*';
  retries: number;
  /** "phoneNumber": the input must be a dial number (docs/domain.md#dial-numbers). */
  validate?: 'none' | 'phoneNumber';
  invalidPrompt?: { prompt: string } | { text: string };
}

export const getDigits = defineBlock<GetDigitsSettings>({
  type: 'getDigits',
  title: 'Get digits (store customer input)',
  group: 'interact',
  icon: '#',
  description: 'Collects several digits (account number, phone number) into a variable.',
  docs: 'Plays the prompt and collects between `minDigits` and `maxDigits` keys, ended by the terminator key or a pause of `timeoutSeconds`. The digits are stored in `variable` (mark it `secure` for PINs). With `validate: "phoneNumber"` the input must be a valid dial number. Wrong input is retried `retries` times, then `invalid`.',
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      prompt: ref('prompt'),
      variable: ref('variableName'),
      minDigits: { type: 'integer', minimum: 1, maximum: 32, default: 1 },
      maxDigits: { type: 'integer', minimum: 1, maximum: 32, default: 10 },
      timeoutSeconds: { type: 'integer', minimum: 1, maximum: 60, default: 5 },
      terminator: { enum: ['#', '*'] },
      retries: { type: 'integer', minimum: 0, maximum: 5, default: 2 },
      validate: { enum: ['none', 'phoneNumber'] },
      invalidPrompt: ref('prompt'),
    },
    required: ['prompt', 'variable', 'minDigits', 'maxDigits', 'timeoutSeconds', 'retries'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'timeout', 'invalid', 'error'],
  outcomes: () => [
    outcome('success', 'Success'),
    outcome('timeout', 'Timeout'),
    outcome('invalid', 'Invalid input'),
    outcome('error', 'Error'),
  ],
  terminal: false,
  waits: () => true,
  defaults: () => ({
    prompt: { text: 'Please enter your account number followed by the hash key.' },
    variable: 'accountNumber',
    minDigits: 4,
    maxDigits: 12,
    timeoutSeconds: 5,
    terminator: '#',
    retries: 2,
  }),
  summary: (s) => `${promptSummary(s.prompt)} → ${s.variable ?? ''}`,
  references: (s) => [
    ...promptRefs(s.prompt, '/prompt'),
    ...refIf('writableVariable', s.variable, '/variable'),
    ...promptRefs(s.invalidPrompt, '/invalidPrompt'),
  ],
  form: [
    { key: 'prompt', label: 'Prompt', widget: 'prompt' },
    { key: 'variable', label: 'Store in variable', widget: 'variable' },
    { key: 'minDigits', label: 'Minimum digits', widget: 'integer' },
    { key: 'maxDigits', label: 'Maximum digits', widget: 'integer' },
    { key: 'timeoutSeconds', label: 'Timeout', widget: 'seconds' },
    { key: 'terminator', label: 'End key', widget: 'select' },
    { key: 'retries', label: 'Retries', widget: 'integer' },
    { key: 'validate', label: 'Validate as', widget: 'select' },
    { key: 'invalidPrompt', label: 'Invalid-input prompt', widget: 'prompt' },
  ],
});
