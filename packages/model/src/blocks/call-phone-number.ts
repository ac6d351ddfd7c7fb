import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { callerIdRefs, callerIdSummary } from './transfer-to-number.js';

export interface CallPhoneNumberSettings {
  /** Only "fixed" and "variable" make sense here: this block is the override. */
  callerId: { strategy: 'fixed'; number: string } | { strategy: 'variable'; variable: string };
  callerIdName?: string;
}

export const callPhoneNumber = defineBlock<CallPhoneNumberSettings>({
  type: 'callPhoneNumber',
  title: 'Call phone number',
  group: 'transfer',
  icon: '☏',
  description: 'In an outbound whisper flow: places the outbound call with this caller ID.',
  docs: "Overrides the caller ID of an agent's outbound or callback call: a fixed number or one read from a variable. Without this block the queue's outbound caller ID is used. Allowed only in outbound-whisper flows.",
  flowTypes: ['outbound-whisper'],
  settingsSchema: {
    type: 'object',
    properties: {
      callerId: {
        description:
          "Caller ID the agent's outbound or callback call shows: `fixed` (a number name from resources or an E.164 number) or `variable` (a number read from a variable). Without this block the queue's outbound caller ID is used.",
        allOf: [
          ref('callerId'),
          {
            properties: {
              strategy: {
                description: 'Only `fixed` or `variable` in this block.',
                enum: ['fixed', 'variable'],
              },
            },
          },
        ],
      },
      callerIdName: {
        ...ref('callerIdName'),
        description:
          'Display name sent with the caller ID, at most 50 characters; not guaranteed to show. SIP-reserved characters ; / ? : @ & = + $ , are refused.',
      },
    },
    required: ['callerId'],
    additionalProperties: false,
  },
  outcomeNames: ['success', 'error'],
  outcomes: () => [outcome('success', 'Success'), outcome('error', 'Error')],
  terminal: false,
  waits: () => false,
  defaults: () => ({ callerId: { strategy: 'fixed', number: 'main' } }),
  summary: (s) => `caller ID ${callerIdSummary(s.callerId)}`,
  references: (s) => callerIdRefs(s.callerId, '/callerId'),
  form: [
    { key: 'callerId', label: 'Caller ID', widget: 'callerId' },
    { key: 'callerIdName', label: 'Caller ID name', widget: 'text' },
  ],
});
