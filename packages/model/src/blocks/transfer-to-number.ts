import { defineBlock, outcome, type Reference } from '../block-definition.js';
import { type CallerIdStrategy, ref } from '../schema/defs.js';
import { CALLER_FLOWS, obj, operandRefs, operandSummary, refIf } from './common.js';

export interface CallerIdSetting {
  strategy: CallerIdStrategy;
  /** strategy "fixed": a number name from resources, or an E.164 number. */
  number?: string;
  /** strategy "variable": the variable holding the number. */
  variable?: string;
  /** strategy "sameAreaCode": what to use when no number matches (default: "random" allowed number). */
  fallback?: 'principal' | 'random';
}

export interface TransferToNumberSettings {
  to: { value: string } | { variable: string };
  /** Absent: the original caller's number is passed through (as Amazon Connect and Twilio Studio do). */
  callerId?: CallerIdSetting;
  callerIdName?: string;
  timeoutSeconds: number;
  /** Come back to the flow when the called party hangs up (`connected` outcome). */
  resumeAfterDisconnect: boolean;
}

export function callerIdRefs(value: unknown, path: string): Reference[] {
  const c = obj(value);
  if (!c) return [];
  if (c.strategy === 'fixed' && typeof c.number === 'string' && !/^[+0-9]/.test(c.number)) {
    return refIf('number', c.number, `${path}/number`);
  }
  if (c.strategy === 'variable') return refIf('variable', c.variable, `${path}/variable`);
  return [];
}

export function callerIdSummary(value: unknown): string {
  const c = obj(value);
  if (!c) return "caller's number";
  if (c.strategy === 'fixed') return String(c.number ?? '');
  if (c.strategy === 'variable') return String(c.variable ?? '');
  return String(c.strategy ?? '');
}

export const transferToNumber = defineBlock<TransferToNumberSettings>({
  type: 'transferToNumber',
  title: 'Transfer to phone number',
  group: 'transfer',
  icon: '↗',
  description: 'Transfers the call to an external number with the caller ID you choose.',
  docs: "Dials `to` (checked against the dial-number rules and the country allowlist) and shows the caller ID chosen by `callerId`: a fixed number, a number from a variable, the working queue's outbound caller ID, the caller's own number, the agent group's number, a number with the same area code as the called number (falling back to a random allowed number or the principal one), or the agent's choice among their allowed numbers. Without `callerId` the original caller's number is passed through. The choice and the reason are written to the contact trace. `busy`, `noAnswer` (after `timeoutSeconds`) and `error` are always wired; `connected` is taken when the called party hangs up, only with `resumeAfterDisconnect`; otherwise the flow ends once connected.",
  flowTypes: CALLER_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      to: {
        ...ref('operand'),
        description:
          'Number dialled, a literal or a variable; checked against the dial-number rules and the country allowlist.',
      },
      callerId: {
        ...ref('callerId'),
        description:
          "How the caller ID shown to the called party is chosen (docs/caller-id.md). Absent: the original caller's number is passed through.",
      },
      callerIdName: {
        ...ref('callerIdName'),
        description:
          'Display name sent with the caller ID, at most 50 characters; not guaranteed to show. SIP-reserved characters ; / ? : @ & = + $ , are refused.',
      },
      timeoutSeconds: {
        description: 'Seconds to ring (5 to 600, default 30) before `noAnswer`.',
        type: 'integer',
        minimum: 5,
        maximum: 600,
        default: 30,
      },
      resumeAfterDisconnect: {
        description:
          'When true, the flow continues at `connected` after the called party hangs up; false (default): the flow ends once connected.',
        type: 'boolean',
        default: false,
      },
    },
    required: ['to', 'timeoutSeconds', 'resumeAfterDisconnect'],
    additionalProperties: false,
  },
  outcomeNames: ['connected', 'busy', 'noAnswer', 'error'],
  outcomes: (s) => [
    ...(s.resumeAfterDisconnect === true ? [outcome('connected', 'Connected, then hung up')] : []),
    outcome('busy', 'Busy'),
    outcome('noAnswer', 'No answer'),
    outcome('error', 'Error'),
  ],
  terminal: false,
  waits: () => true,
  defaults: () => ({ to: { value: '+12025550143' }, timeoutSeconds: 30, resumeAfterDisconnect: false }),
  summary: (s) => `${operandSummary(s.to)} · caller ID ${callerIdSummary(s.callerId)}`,
  references: (s) => [...operandRefs(s.to, '/to'), ...callerIdRefs(s.callerId, '/callerId')],
  form: [
    { key: 'to', label: 'Number to dial', widget: 'phoneNumber' },
    { key: 'callerId', label: 'Caller ID', widget: 'callerId' },
    { key: 'callerIdName', label: 'Caller ID name', widget: 'text' },
    { key: 'timeoutSeconds', label: 'Ring timeout', widget: 'seconds' },
    { key: 'resumeAfterDisconnect', label: 'Resume flow after disconnect', widget: 'checkbox' },
  ],
});
