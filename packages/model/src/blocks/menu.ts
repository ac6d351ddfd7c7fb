import { defineBlock, outcome } from '../block-definition.js';
import { DIGIT_PATTERN, ref } from '../schema/defs.js';
import { arr, CALLER_FLOWS, obj, promptRefs, promptSummary } from './common.js';

export interface MenuOption {
  digit: string;
  label?: string;
}

export interface MenuSettings {
  prompt: { prompt: string } | { text: string };
  options: MenuOption[];
  timeoutSeconds: number;
  /** How many times the prompt is repeated after a timeout or a wrong key before giving up. */
  retries: number;
  noMatchPrompt?: { prompt: string } | { text: string };
}

export function menuDigits(settings: unknown): string[] {
  return arr(obj(settings)?.options)
    .map((o) => obj(o)?.digit)
    .filter((d): d is string => typeof d === 'string');
}

export const menu = defineBlock<MenuSettings>({
  type: 'menu',
  title: 'Menu (get customer input)',
  group: 'interact',
  icon: '☎',
  description: 'Plays a prompt and branches on the key the caller presses.',
  docs: 'Plays the prompt and waits for one key. Each option is an outcome named after its key (`"1"`, `"#"`...). After `timeoutSeconds` without a key, or on a key that is not an option, the prompt is repeated up to `retries` times (with `noMatchPrompt` first on a wrong key); then the `timeout` or `noMatch` outcome is taken. The key pressed is in `$lastDigits`.',
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      prompt: { ...ref('prompt'), description: 'Prompt played before waiting for a key.' },
      options: {
        description: 'Keys the caller may press (1 to 12); each is an outcome named after its key.',
        type: 'array',
        minItems: 1,
        maxItems: 12,
        items: {
          type: 'object',
          properties: {
            digit: {
              description: "Key of this option: 0-9, * or #; also the outcome's name.",
              type: 'string',
              pattern: DIGIT_PATTERN,
            },
            label: {
              description: 'Label shown for the option on the canvas, at most 60 characters.',
              type: 'string',
              maxLength: 60,
            },
          },
          required: ['digit'],
          additionalProperties: false,
        },
      },
      timeoutSeconds: {
        description:
          'Seconds to wait for a key (1 to 60, default 5) before repeating the prompt or taking `timeout`.',
        type: 'integer',
        minimum: 1,
        maximum: 60,
        default: 5,
      },
      retries: {
        description:
          'How many times the prompt is repeated after a timeout or a wrong key (0 to 5, default 2) before giving up.',
        type: 'integer',
        minimum: 0,
        maximum: 5,
        default: 2,
      },
      noMatchPrompt: {
        ...ref('prompt'),
        description: 'Prompt played after a key that is not an option, before the prompt is repeated.',
      },
    },
    required: ['prompt', 'options', 'timeoutSeconds', 'retries'],
    additionalProperties: false,
  },
  outcomeNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'timeout', 'noMatch', 'error'],
  outcomes: (s) => [
    ...arr(s.options).map((o) => {
      const option = obj(o) ?? {};
      const digit = String(option.digit ?? '');
      return outcome(
        digit,
        typeof option.label === 'string' ? `${digit} ${option.label}` : `Pressed ${digit}`,
      );
    }),
    outcome('timeout', 'Timeout'),
    outcome('noMatch', 'No match'),
    outcome('error', 'Error'),
  ],
  terminal: false,
  waits: () => true,
  defaults: () => ({
    prompt: { text: 'For sales press 1. For support press 2.' },
    options: [
      { digit: '1', label: 'Sales' },
      { digit: '2', label: 'Support' },
    ],
    timeoutSeconds: 5,
    retries: 2,
  }),
  summary: (s) => `${promptSummary(s.prompt)} · keys ${menuDigits(s).join(' ')}`,
  references: (s) => [...promptRefs(s.prompt, '/prompt'), ...promptRefs(s.noMatchPrompt, '/noMatchPrompt')],
  form: [
    { key: 'prompt', label: 'Prompt', widget: 'prompt' },
    { key: 'options', label: 'Options', widget: 'menuOptions' },
    { key: 'timeoutSeconds', label: 'Timeout', widget: 'seconds' },
    { key: 'retries', label: 'Retries', widget: 'integer' },
    { key: 'noMatchPrompt', label: 'Wrong-key prompt', widget: 'prompt' },
  ],
});
