import type { AdapterListener, TelephonyAdapter, TelephonyCommand } from '../adapter/contract.js';
import type { VirtualClock } from '../host/clock.js';
import type { ContactEvent, ContactEventBody, DialPurpose, ResolvedPrompt } from '../types.js';

/** How a simulated external number (or a callback's customer) behaves when dialled. */
export type NumberBehaviour =
  | 'answer'
  | 'busy'
  | 'noAnswer'
  | 'fail'
  | {
      answer: true /** the called party hangs up after this long */;
      hangUpAfterSeconds?: number;
      ringSeconds?: number;
    };

export interface SimulatedTelephonyOptions {
  clock: VirtualClock;
  /** Behaviour of dialled numbers by E.164; unknown numbers answer. */
  numbers?: Record<string, NumberBehaviour>;
  /** How long a prompt plays; default: about 150 words a minute, at least one second. */
  promptSeconds?: (prompt: ResolvedPrompt) => number;
  /** Makes the adapter fail a command (reported as `adapterError`), to test failure handling. */
  failCommand?: (contactId: string, command: TelephonyCommand) => string | undefined;
}

/** A leg the simulator dialled for a contact, as a provider's call record shows it. */
export interface SimulatedDial {
  ref: string;
  purpose: DialPurpose;
  to: string;
  callerId?: string;
  callerIdName?: string;
  /** Epoch ms the dial was placed. */
  at: number;
  /** `cancelled` before it was answered, `hungUp` after (cancelDial, or the contact's line hung up). */
  status: 'ringing' | 'answered' | 'busy' | 'noAnswer' | 'failed' | 'completed' | 'cancelled' | 'hungUp';
  /** The contact's caller was bridged to this leg. */
  bridged: boolean;
}

/** A text message the simulator was asked to send for a contact, as a provider's message log shows it. */
export interface SimulatedMessage {
  ref: string;
  to: string;
  from: string;
  body: string;
  /** Epoch ms it was sent. */
  at: number;
  /** `failed` for a number whose behaviour is `fail` (the provider refuses it). */
  status: 'sent' | 'failed';
}

interface Leg {
  ended: boolean;
  dials: SimulatedDial[];
  /** Cancels of what is scheduled for the leg (prompt ends, dial results). */
  pending: Map<string, () => void>;
  recording: 'off' | 'on' | 'paused';
  bridgedTo?: string;
  /** A voicemail being recorded (`recordMessage`): since when the caller speaks, if they do. */
  message?: { ref: string; maxLengthSeconds: number; speakingSince?: number };
}

/** Where the simulator says a voicemail is kept: a placeholder, nothing is recorded. */
export function simulatedRecordingUrl(contactId: string, ref: string): string {
  return `simulator://voicemail/${contactId}/${ref}`;
}

export function defaultPromptSeconds(prompt: ResolvedPrompt): number {
  const words = prompt.text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 2.5));
}

/**
 * The simulator's telephone network: callers' legs, prompts that take time to play, keys, external
 * numbers that answer, are busy, do not answer or fail. Deterministic: everything happens on the
 * virtual clock. It is a {@link TelephonyAdapter} like any provider's, and passes the conformance suite.
 */
export class SimulatedTelephony implements TelephonyAdapter {
  readonly name = 'simulator';
  private listeners = new Set<AdapterListener>();
  private legs = new Map<string, Leg>();
  /** Extension digits keyed in for a caller once a dialled number answered, in order. */
  private sent: { contactId: string; ref: string; to: string; digits: string; at: number }[] = [];
  private eventSeq = 0;
  private messageLog: (SimulatedMessage & { contactId: string })[] = [];

  constructor(private options: SimulatedTelephonyOptions) {}

  subscribe(listener: AdapterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The extension digits sent on a contact's dials, each once the called party answered. */
  digitsSent(contactId: string): { ref: string; to: string; digits: string; at: number }[] {
    return this.sent.filter((s) => s.contactId === contactId).map(({ contactId: _, ...sent }) => sent);
  }

  /** The legs dialled for a contact, oldest first, with what became of each. */
  dials(contactId: string): SimulatedDial[] {
    return (this.legs.get(contactId)?.dials ?? []).map((d) => ({ ...d }));
  }

  /** The text messages sent for a contact, oldest first. */
  messages(contactId: string): SimulatedMessage[] {
    return this.messageLog.filter((m) => m.contactId === contactId).map(({ contactId: _, ...m }) => m);
  }

  /** A caller dials in: the leg exists from now on. */
  connect(contactId: string): void {
    if (!this.legs.has(contactId))
      this.legs.set(contactId, { ended: false, dials: [], pending: new Map(), recording: 'off' });
  }

  isConnected(contactId: string): boolean {
    const leg = this.legs.get(contactId);
    return leg !== undefined && !leg.ended;
  }

  recordingState(contactId: string): 'off' | 'on' | 'paused' {
    return this.legs.get(contactId)?.recording ?? 'off';
  }

  /** The caller presses keys (delivered now). */
  press(contactId: string, digits: string): void {
    if (this.isConnected(contactId)) this.report(contactId, { type: 'digits', digits });
  }

  /**
   * The caller speaks a voicemail for `seconds` (cut at the longest message), then presses the finish
   * key; nothing happens when no message is being recorded.
   */
  speak(contactId: string, seconds: number): void {
    const leg = this.legs.get(contactId);
    const message = leg?.message;
    if (!leg || leg.ended || !message || message.speakingSince !== undefined) return;
    const clock = this.options.clock;
    message.speakingSince = clock.now();
    leg.pending.get(message.ref)?.();
    const length = Math.max(1, Math.min(Math.ceil(seconds), message.maxLengthSeconds));
    leg.pending.set(
      message.ref,
      clock.after(length, () => this.messageEnded(contactId, leg)),
    );
  }

  /** The recording ends: what the caller said, if anything, is reported (before a hang-up is). */
  private messageEnded(contactId: string, leg: Leg): void {
    const message = leg.message;
    if (!message) return;
    leg.pending.get(message.ref)?.();
    leg.pending.delete(message.ref);
    delete leg.message;
    if (message.speakingSince === undefined) {
      this.report(contactId, { type: 'messageRecorded', ref: message.ref, result: 'empty' });
      return;
    }
    const spoken = Math.ceil((this.options.clock.now() - message.speakingSince) / 1000);
    this.report(contactId, {
      type: 'messageRecorded',
      ref: message.ref,
      result: 'recorded',
      recordingUrl: simulatedRecordingUrl(contactId, message.ref),
      durationSeconds: Math.max(1, Math.min(spoken, message.maxLengthSeconds)),
    });
  }

  /** The caller hangs up. */
  hangUp(contactId: string): void {
    const leg = this.legs.get(contactId);
    if (!leg || leg.ended) return;
    // A message being recorded ends with the call, as a provider reports it.
    if (leg.message) this.messageEnded(contactId, leg);
    this.end(leg);
    this.report(contactId, { type: 'callerHangUp' });
  }

  execute(contactId: string, command: TelephonyCommand): void {
    const leg = this.legs.get(contactId);
    const failure = this.options.failCommand?.(contactId, command);
    if (failure !== undefined) {
      if ('ref' in command)
        this.report(contactId, { type: 'adapterError', ref: command.ref, message: failure });
      return;
    }
    if (!leg || leg.ended) {
      // The call is gone: results the engine waits for will never come; say so once, as providers do.
      if (command.type !== 'hangup' && 'ref' in command) {
        this.report(contactId, { type: 'adapterError', ref: command.ref, message: 'the call has ended' });
      }
      return;
    }
    const clock = this.options.clock;
    switch (command.type) {
      case 'play': {
        const seconds = command.loop
          ? undefined
          : (this.options.promptSeconds ?? defaultPromptSeconds)(command.prompt);
        if (seconds !== undefined) {
          const ref = command.ref;
          leg.pending.set(
            ref,
            clock.after(seconds, () => {
              leg.pending.delete(ref);
              if (!leg.ended) this.report(contactId, { type: 'promptDone', ref });
            }),
          );
        }
        return;
      }
      case 'stopPlayback':
      case 'collectDigits':
        return;
      case 'recordMessage': {
        leg.message = { ref: command.ref, maxLengthSeconds: command.maxLengthSeconds };
        // Silence from the start: no message once the silence timeout has passed.
        leg.pending.set(
          command.ref,
          clock.after(command.silenceTimeoutSeconds, () => this.messageEnded(contactId, leg)),
        );
        return;
      }
      case 'dial':
        this.dial(contactId, leg, command);
        return;
      case 'cancelDial': {
        leg.pending.get(command.dialRef)?.();
        leg.pending.delete(command.dialRef);
        const dial = leg.dials.find((d) => d.ref === command.dialRef);
        if (dial) dial.status = dial.status === 'ringing' ? 'cancelled' : hungUpIfLive(dial.status);
        return;
      }
      case 'bridge': {
        leg.bridgedTo = command.agent ?? command.dialRef ?? '';
        const dial = command.dialRef ? leg.dials.find((d) => d.ref === command.dialRef) : undefined;
        if (dial) dial.bridged = true;
        return;
      }
      case 'setRecording':
        leg.recording = command.action === 'pause' ? 'paused' : command.action === 'stop' ? 'off' : 'on';
        return;
      case 'hangup':
        this.end(leg);
        return;
      case 'sendMessage':
        this.message(contactId, command);
        return;
    }
  }

  /** Numbers whose behaviour is `fail` refuse messages too; every other number takes them. */
  private message(contactId: string, command: Extract<TelephonyCommand, { type: 'sendMessage' }>): void {
    const failed = this.options.numbers?.[command.to] === 'fail';
    const { ref, to, from, body } = command;
    this.messageLog.push({
      contactId,
      ref,
      to,
      from,
      body,
      at: this.options.clock.now(),
      status: failed ? 'failed' : 'sent',
    });
    this.options.clock.after(0, () =>
      this.report(
        contactId,
        failed
          ? { type: 'messageResult', ref, result: 'failed', reason: 'the number does not take messages' }
          : { type: 'messageResult', ref, result: 'sent' },
      ),
    );
  }

  private dial(contactId: string, leg: Leg, command: Extract<TelephonyCommand, { type: 'dial' }>): void {
    const behaviour = this.options.numbers?.[command.to] ?? 'answer';
    const clock = this.options.clock;
    const record: SimulatedDial = {
      ref: command.ref,
      purpose: command.purpose,
      to: command.to,
      ...(command.callerId !== undefined ? { callerId: command.callerId } : {}),
      ...(command.callerIdName !== undefined ? { callerIdName: command.callerIdName } : {}),
      at: clock.now(),
      status: 'ringing',
      bridged: false,
    };
    leg.dials.push(record);
    const result = (after: number, body: Extract<ContactEventBody, { type: 'dialResult' }>) =>
      leg.pending.set(
        command.ref,
        clock.after(after, () => {
          leg.pending.delete(command.ref);
          if (leg.ended) return;
          record.status = body.result;
          this.report(contactId, body);
        }),
      );
    if (behaviour === 'busy') return void result(1, { type: 'dialResult', ref: command.ref, result: 'busy' });
    if (behaviour === 'fail')
      return void result(0, { type: 'dialResult', ref: command.ref, result: 'failed' });
    if (behaviour === 'noAnswer') {
      return void result(command.timeoutSeconds, {
        type: 'dialResult',
        ref: command.ref,
        result: 'noAnswer',
      });
    }
    const ring = typeof behaviour === 'object' ? (behaviour.ringSeconds ?? 3) : 3;
    const hangUpAfter = typeof behaviour === 'object' ? behaviour.hangUpAfterSeconds : undefined;
    leg.pending.set(
      command.ref,
      clock.after(ring, () => {
        if (leg.ended) return;
        if (command.sendDigits) {
          this.sent.push({
            contactId,
            ref: command.ref,
            to: command.to,
            digits: command.sendDigits,
            at: clock.now(),
          });
        }
        record.status = 'answered';
        this.report(contactId, { type: 'dialResult', ref: command.ref, result: 'answered' });
        if (hangUpAfter !== undefined) {
          leg.pending.set(
            command.ref,
            clock.after(hangUpAfter, () => {
              leg.pending.delete(command.ref);
              if (leg.ended) return;
              record.status = 'completed';
              this.report(contactId, { type: 'dialResult', ref: command.ref, result: 'completed' });
            }),
          );
        } else leg.pending.delete(command.ref);
      }),
    );
  }

  private end(leg: Leg): void {
    leg.ended = true;
    for (const dial of leg.dials)
      dial.status = dial.status === 'ringing' ? 'cancelled' : hungUpIfLive(dial.status);
    for (const cancel of leg.pending.values()) cancel();
    leg.pending.clear();
  }

  private report(contactId: string, body: ContactEventBody): void {
    this.eventSeq += 1;
    const event: ContactEvent = { ...body, id: `sim-${this.eventSeq}`, at: this.options.clock.now() };
    for (const listener of this.listeners) listener(contactId, event);
  }
}

/** An answered leg that is hung up; a leg already over keeps how it ended. */
function hungUpIfLive(status: SimulatedDial['status']): SimulatedDial['status'] {
  return status === 'answered' ? 'hungUp' : status;
}
