import { defineBlock, outcome } from '../block-definition.js';
import { ref } from '../schema/defs.js';
import { promptRefs, refIf } from './common.js';

export interface VoicemailSettings {
  prompt?: unknown;
  queue?: string;
  maxLengthSeconds?: number;
  finishKey?: string;
  silenceTimeoutSeconds?: number;
}

export const voicemail = defineBlock<VoicemailSettings>({
  type: 'voicemail',
  title: 'Voicemail',
  group: 'callback',
  icon: '✉',
  description: 'The caller leaves a message; it becomes a callback request carrying the recording.',
  docs: "Plays `prompt` (when set), then records the caller after a beep until they press `finishKey`, stop speaking for `silenceTimeoutSeconds`, or reach `maxLengthSeconds`. A message becomes a callback request in `queue` (or the working queue) to `$callbackNumber`, or the caller's number when none was set, carrying the recording: it is offered to an agent like any callback, its popover naming the voicemail with a link to the recording and its length. Outcomes: `recorded` (the request is queued), `noMessage` (the caller said nothing: silence or a hang-up first), `error` (no queue or number to call back, or the recording failed). On Twilio the recording is Twilio's (`<Record>`, its URL kept with the request); the simulator keeps a placeholder address.",
  flowTypes: ['inbound', 'customer-queue', 'module'],
  settingsSchema: {
    type: 'object',
    properties: {
      prompt: { ...ref('prompt'), description: 'Played before the beep, e.g. "Leave your name and number".' },
      queue: {
        ...ref('resourceName'),
        description: 'Queue the callback request waits in (name in resources); absent: the working queue.',
      },
      maxLengthSeconds: {
        description: 'Longest message in seconds (1 to 600, default 120); the recording stops there.',
        type: 'integer',
        minimum: 1,
        maximum: 600,
        default: 120,
      },
      finishKey: {
        description: 'Key that ends the message (default `#`).',
        enum: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'],
        default: '#',
      },
      silenceTimeoutSeconds: {
        description:
          'Seconds of silence that end the message (1 to 60, default 5); silence from the start is no message.',
        type: 'integer',
        minimum: 1,
        maximum: 60,
        default: 5,
      },
    },
    additionalProperties: false,
  },
  outcomeNames: ['recorded', 'noMessage', 'error'],
  outcomes: () => [
    outcome('recorded', 'Message recorded'),
    outcome('noMessage', 'No message'),
    outcome('error', 'Error'),
  ],
  terminal: false,
  waits: () => true,
  defaults: () => ({
    prompt: { text: 'Please leave your name and number after the tone, then press the pound key.' },
    maxLengthSeconds: 120,
    finishKey: '#',
    silenceTimeoutSeconds: 5,
  }),
  summary: (s) =>
    `${typeof s.queue === 'string' ? s.queue : 'working queue'}, up to ${typeof s.maxLengthSeconds === 'number' ? s.maxLengthSeconds : 120} s`,
  references: (s) => [...promptRefs(s.prompt, '/prompt'), ...refIf('queue', s.queue, '/queue')],
  form: [
    { key: 'prompt', label: 'Prompt before the beep', widget: 'prompt' },
    { key: 'queue', label: 'Callback queue (empty: the working queue)', widget: 'queue' },
    { key: 'maxLengthSeconds', label: 'Longest message', widget: 'seconds' },
    { key: 'finishKey', label: 'Finish key', widget: 'select' },
    { key: 'silenceTimeoutSeconds', label: 'Silence that ends it', widget: 'seconds' },
  ],
});
