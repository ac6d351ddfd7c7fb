import { defineBlock, outcome } from '../block-definition.js';
import { DIGIT_PATTERN, ref } from '../schema/defs.js';
import { promptRefs, promptSummary } from './common.js';

type PromptSetting = { prompt: string } | { text: string };

export interface OfferCallbackSettings {
  /** The offer, e.g. "Press 1 to be called back instead of waiting". */
  prompt: PromptSetting;
  acceptDigit: string;
  timeoutSeconds: number;
  /** Offer the caller's own number for confirmation before asking for another. */
  confirmPrompt: PromptSetting;
  enterNumberPrompt: PromptSetting;
  /** Only offer when the estimated wait is at least this long (0: always). */
  minEstimatedWaitSeconds?: number;
}

export const offerCallback = defineBlock<OfferCallbackSettings>({
  type: 'offerCallback',
  title: 'Offer courtesy callback',
  group: 'callback',
  icon: '↺',
  description: 'Offers a waiting caller a call back instead of holding, and confirms the number.',
  docs: "Plays the offer; the accept key takes the caller to number confirmation: the caller's own number is read back (`confirmPrompt`, press 1 to confirm) or a new one is keyed in (`enterNumberPrompt`) and validated as a dial number. On success `$callbackNumber` holds the number and `accepted` is taken; follow it with Create callback. Another key is `declined`; no key `timeout`; a number that is invalid or outside the allowed countries `invalidNumber`. With `minEstimatedWaitSeconds` the offer is skipped (`declined`) when the estimated wait is shorter: the wait in the queue the caller waits in or, before Transfer to queue, the wait they would have in the working queue (the same estimate the queue gives, as the last in line). Without a working queue there is nothing to estimate and the offer is never made (lint CF607).",
  flowTypes: ['inbound', 'customer-queue'],
  settingsSchema: {
    type: 'object',
    properties: {
      prompt: { ...ref('prompt'), description: 'Prompt that offers the callback and names the accept key.' },
      acceptDigit: {
        description: 'Key that accepts the offer: 0-9, * or # (default 1); any other key is `declined`.',
        type: 'string',
        pattern: DIGIT_PATTERN,
        default: '1',
      },
      timeoutSeconds: {
        description: 'Seconds to wait for a key (1 to 60, default 5) before `timeout`.',
        type: 'integer',
        minimum: 1,
        maximum: 60,
        default: 5,
      },
      confirmPrompt: {
        ...ref('prompt'),
        description: "Prompt that reads back the caller's own number; press 1 to confirm it.",
      },
      enterNumberPrompt: {
        ...ref('prompt'),
        description: 'Prompt asking the caller to key in another number, validated as a dial number.',
      },
      minEstimatedWaitSeconds: {
        ...ref('seconds'),
        description:
          'Offer only when the estimated wait is at least this many seconds (0 to 86400); shorter: `declined` without asking.',
      },
    },
    required: ['prompt', 'acceptDigit', 'timeoutSeconds', 'confirmPrompt', 'enterNumberPrompt'],
    additionalProperties: false,
  },
  outcomeNames: ['accepted', 'declined', 'timeout', 'invalidNumber', 'error'],
  outcomes: () => [
    outcome('accepted', 'Accepted'),
    outcome('declined', 'Declined'),
    outcome('timeout', 'Timeout'),
    outcome('invalidNumber', 'Invalid number'),
    outcome('error', 'Error'),
  ],
  terminal: false,
  waits: () => true,
  defaults: () => ({
    prompt: { text: 'To be called back instead of waiting, press 1.' },
    acceptDigit: '1',
    timeoutSeconds: 5,
    confirmPrompt: {
      text: 'We will call you back at {{$callerNumber}}. Press 1 to confirm or 2 to enter another number.',
    },
    enterNumberPrompt: { text: 'Please enter the number to call back, followed by the hash key.' },
  }),
  summary: (s) => `${promptSummary(s.prompt)} · key ${s.acceptDigit ?? ''}`,
  references: (s) => [
    ...promptRefs(s.prompt, '/prompt'),
    ...promptRefs(s.confirmPrompt, '/confirmPrompt'),
    ...promptRefs(s.enterNumberPrompt, '/enterNumberPrompt'),
  ],
  form: [
    { key: 'prompt', label: 'Offer', widget: 'prompt' },
    { key: 'acceptDigit', label: 'Accept key', widget: 'text' },
    { key: 'timeoutSeconds', label: 'Timeout', widget: 'seconds' },
    { key: 'confirmPrompt', label: 'Confirm number', widget: 'prompt' },
    { key: 'enterNumberPrompt', label: 'Enter number', widget: 'prompt' },
    { key: 'minEstimatedWaitSeconds', label: 'Offer only when wait is at least', widget: 'seconds' },
  ],
});
