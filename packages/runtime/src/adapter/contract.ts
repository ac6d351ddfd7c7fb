import type { Command, ContactEvent } from '../types.js';

/**
 * The telephony adapter contract. The host runs the engine; every command it gets back is either for
 * the host itself (timers, the ACD, callbacks, HTTP, desktop answers) or for the telephony provider,
 * through an adapter. The adapter reports what happens on the phone as contact events.
 *
 * Rules every adapter keeps (the conformance suite checks them):
 * - `execute` never throws for a provider problem: it reports `adapterError` with the command's ref (or
 *   a `callerHangUp` when the call is gone) and the contact takes its error outcome.
 * - Every event carries a unique `id`, so that a retried webhook delivered twice is dropped by the engine.
 * - Results name the command they answer (`ref`): `promptDone`, `dialResult`, `messageResult`.
 * - After `hangup`, no more events for that contact except duplicates of earlier ones.
 * - One contact's failure never affects another contact.
 */
export interface TelephonyAdapter {
  readonly name: string;
  execute(contactId: string, command: TelephonyCommand): void | Promise<void>;
  /** Registers the listener for provider events; returns the function that removes it. */
  subscribe(listener: AdapterListener): () => void;
  close?(): void | Promise<void>;
}

export type AdapterListener = (contactId: string, event: ContactEvent) => void;

/** Commands an adapter carries out; the host keeps the others (see {@link isTelephonyCommand}). */
export const TELEPHONY_COMMANDS = [
  'play',
  'stopPlayback',
  'collectDigits',
  'recordMessage',
  'dial',
  'cancelDial',
  'bridge',
  'hangup',
  'setRecording',
  'sendMessage',
] as const;

export type TelephonyCommand = Extract<Command, { type: (typeof TELEPHONY_COMMANDS)[number] }>;

const telephony = new Set<string>(TELEPHONY_COMMANDS);

export function isTelephonyCommand(command: Command): command is TelephonyCommand {
  return telephony.has(command.type);
}
