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
      prompt: { ...ref('prompt'), description: 'Prompt played before collecting the keys.' },
      variable: {
        ...ref('variableName'),
        description: 'Variable the collected digits are stored in (mark it `secure` for PINs).',
      },
      minDigits: {
        description: 'Fewest keys accepted (1 to 32, default 1); fewer is wrong input.',
        type: 'integer',
        minimum: 1,
        maximum: 32,
        default: 1,
      },
      maxDigits: {
        description: 'Most keys collected (1 to 32, default 10); collection ends at this many.',
        type: 'integer',
        minimum: 1,
        maximum: 32,
        default: 10,
      },
      timeoutSeconds: {
        description: 'Seconds of silence (1 to 60, default 5) that end the input.',
        type: 'integer',
        minimum: 1,
        maximum: 60,
        default: 5,
      },
      terminator: {
        description: 'Key (`#` or `*`) that ends the input before `maxDigits`.',
        enum: ['#', '*'],
      },
      retries: {
        description:
          'How many times wrong input is asked again (0 to 5, default 2) before `invalid` is taken.',
        type: 'integer',
        minimum: 0,
        maximum: 5,
        default: 2,
      },
      validate: {
        description: '`phoneNumber`: the input must be a valid dial number; absent or `none`: any digits.',
        enum: ['none', 'phoneNumber'],
      },
      invalidPrompt: {
        ...ref('prompt'),
        description: 'Prompt played after wrong input, before asking again.',
      },
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
