import type { ResolvedPrompt, TelephonyCommand } from '@callflow/runtime';
import type { Collecting } from './twiml.js';

/** What the adapter remembers of one call between webhooks. */
export interface CallState {
  contactId: string;
  /** The caller's leg (inbound), or the customer's leg of a callback once it is placed. */
  callSid?: string;
  /** Increments with every TwiML response; action URLs carry it, so a retried webhook is recognised. */
  seq: number;
  /** Commands waiting for the next TwiML response. */
  pending: TelephonyCommand[];
  collecting?: Collecting;
  hold?: ResolvedPrompt;
  /** Prompts for the agent, served as the <Client url> whisper when the agent leg answers. */
  agentWhisper: ResolvedPrompt[];
  /** A webhook of this call is being answered: commands go into its response. */
  inFlight: boolean;
  /** A REST redirect is already on its way. */
  redirecting: boolean;
  /** A callback's outbound leg: the dial command it answers, and whether the customer answered. */
  outbound?: { ref: string; answered: boolean };
  recordingSid?: string;
  ended: boolean;
  /** Idempotency: the response given to each webhook (route + sequence), newest last. */
  responses: Map<string, string>;
}

const MAX_REMEMBERED_RESPONSES = 32;

export function newCallState(contactId: string): CallState {
  return {
    contactId,
    seq: 0,
    pending: [],
    agentWhisper: [],
    inFlight: false,
    redirecting: false,
    ended: false,
    responses: new Map(),
  };
}

export function rememberResponse(call: CallState, key: string, twiml: string): void {
  call.responses.set(key, twiml);
  if (call.responses.size > MAX_REMEMBERED_RESPONSES) {
    const oldest = call.responses.keys().next().value;
    if (oldest !== undefined) call.responses.delete(oldest);
  }
}
