import { randomBytes } from 'node:crypto';
import type {
  AdapterListener,
  ContactEvent,
  ContactEventBody,
  TelephonyAdapter,
  TelephonyCommand,
} from '@callflow/runtime';
import { CallRetention } from './call-retention.js';
import { type CallState, newCallState, rememberResponse } from './call-state.js';
import type { TwilioRestClient } from './rest-client.js';
import { renderHangup, renderTwiml, renderWhisper, type WebhookRoute } from './twiml.js';

export type TwilioLog = (message: string, data?: Record<string, unknown>, level?: 'warn' | 'debug') => void;

export interface TwilioAdapterOptions {
  /** Public URL of the webhook routes' mount point, as Twilio calls it (e.g. https://voice.example.com/twilio). */
  publicUrl: string;
  /** REST client for redirects, recordings and callbacks; without it those fall back or fail cleanly. */
  client?: TwilioRestClient;
  /** The signed URL of a recording uploaded beside the flows (`prompts/<file>`), for <Play>. */
  promptAudioUrl?: (file: string) => string;
  /** Caller ID for outbound calls when the engine gives none (the account's principal number). */
  defaultCallerId?: () => string | undefined;
  log?: TwilioLog;
  /**
   * How long an ended call's state (its remembered answers, for Twilio's retries) is kept after the call
   * ends. Default 10 minutes: Twilio retries a webhook only within its 15 s budget and sends the final
   * status callback within seconds, so this leaves a wide margin for a Twilio backlog.
   */
  endedCallRetentionMs?: number;
  /**
   * At most this many ended calls are kept (the longest-ended go first). Default 5,000: about 10 KB each
   * (50 KB with all 32 answers), and 10 full minutes for up to 8 calls ending every second.
   */
  maxEndedCalls?: number;
  /** The adapter's clock (epoch ms); tests pass their own. */
  now?: () => number;
}

export const DEFAULT_ENDED_CALL_RETENTION_MS = 10 * 60_000;
export const DEFAULT_MAX_ENDED_CALLS = 5_000;

/** Result of handling one webhook: the TwiML to answer with. */
export interface WebhookAnswer {
  twiml: string;
  duplicate: boolean;
  /** The call ended and was forgotten: nothing was delivered, the answer is a plain `<Hangup/>`. */
  forgotten?: boolean;
}

/** How many calls the adapter holds state for. */
export interface RetainedCalls {
  live: number;
  ended: number;
}

/**
 * callflow's telephony adapter for Twilio Programmable Voice. Twilio drives a call by webhooks that
 * must be answered with TwiML, which fits the engine's commands-and-events shape: a webhook becomes
 * events, the commands the engine returns for them become the TwiML answer. Commands that arrive between
 * webhooks (a timer, an agent accepting) are pushed with a REST redirect to the `wait` route, or picked
 * up by the call's short wait loop when no REST client is configured. Queueing and agent selection stay
 * in callflow's own ACD; Twilio carries the media.
 */
export class TwilioAdapter implements TelephonyAdapter {
  readonly name = 'twilio';
  readonly #listeners = new Set<AdapterListener>();
  readonly #calls = new Map<string, CallState>();
  readonly #base: string;
  readonly #retention: CallRetention;
  /**
   * Tells this process's URLs apart from those of the process before a restart. The `s` of a webhook URL
   * makes its event ids (`digits:<s>`); the per-call sequence starts again at 1 after a restart while the
   * contact still remembers the ids it saw, so without this the caller's next key press after a deploy
   * was dropped as a duplicate. A retried webhook carries the same URL, so it still has the same ids.
   */
  readonly #instance = randomBytes(4).toString('hex');

  constructor(private readonly options: TwilioAdapterOptions) {
    this.#base = options.publicUrl.replace(/\/+$/, '');
    this.#retention = new CallRetention({
      retentionMs: options.endedCallRetentionMs ?? DEFAULT_ENDED_CALL_RETENTION_MS,
      maxEndedCalls: options.maxEndedCalls ?? DEFAULT_MAX_ENDED_CALLS,
      now: options.now ?? Date.now,
    });
  }

  subscribe(listener: AdapterListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The state of a call, created on first use. A call that ended and was forgotten gets a detached,
   * ended state instead: nothing done to it is kept, so a late webhook or command cannot bring it back.
   */
  call(contactId: string): CallState {
    let call = this.#calls.get(contactId);
    if (!call) {
      call = newCallState(contactId);
      if (this.#retention.isForgotten(contactId)) {
        call.ended = true;
        return call;
      }
      this.#forgetExpired();
      this.#calls.set(contactId, call);
    }
    return call;
  }

  knows(contactId: string): boolean {
    return this.#calls.has(contactId);
  }

  /** The call ended and its state was dropped after the retention period (or over the cap). */
  forgot(contactId: string): boolean {
    return this.#retention.isForgotten(contactId);
  }

  /**
   * A call the engine knows has ended (before a restart, say) although this adapter never saw it end:
   * its state goes at once, and later webhooks are answered with a hang-up.
   */
  forget(contactId: string): void {
    this.#calls.delete(contactId);
    this.#retention.forget(contactId);
  }

  /** Calls held in memory, after forgetting the ended ones whose time is up (for tests and metrics). */
  retainedCalls(): RetainedCalls {
    this.#forgetExpired();
    const ended = this.#retention.endedCalls;
    return { live: this.#calls.size - ended, ended };
  }

  execute(contactId: string, command: TelephonyCommand): void {
    const call = this.call(contactId);
    if (call.ended) {
      if ('ref' in command) this.#fail(call, command.ref, 'the call has ended');
      return;
    }
    switch (command.type) {
      case 'setRecording':
        void this.#setRecording(call, command);
        return;
      case 'sendMessage':
        void this.#sendMessage(call, command);
        return;
      case 'cancelDial':
        // Twilio ends an unanswered <Dial> on its own timeout; the engine has already moved on.
        return;
      case 'play':
        if (command.to === 'agent') {
          call.agentWhisper.push(command.prompt);
          this.emit(contactId, { type: 'promptDone', ref: command.ref }, `ack:${command.ref}`);
          return;
        }
        break;
      case 'dial':
        if (command.purpose === 'consult') {
          // A consult leg is a second call beside the customer's, who holds meanwhile; a <Dial> on the
          // customer's leg would connect them to the number at once. Until the adapter places that
          // second call, it says so and the engine leaves the agent with the customer.
          this.#fail(call, command.ref, 'consult legs to a number are not placed on Twilio yet');
          return;
        }
        if (!call.callSid || call.outbound) {
          void this.#placeCall(call, command);
          return;
        }
        break;
      default:
        break;
    }
    call.pending.push(command);
    if (!call.inFlight) this.#pushToCall(call);
  }

  close(): void {
    this.#calls.clear();
    this.#retention.clear();
    this.#listeners.clear();
  }

  // -- webhooks (called by the router) -----------------------------------------------------------

  /**
   * Handles one webhook: delivers its events unless the same webhook was already handled (Twilio retries),
   * then answers with TwiML for whatever the engine asked meanwhile.
   */
  async answer(
    contactId: string,
    key: string,
    deliver: () => void | Promise<void>,
    render: (call: CallState) => string = (call) => this.#render(call),
  ): Promise<WebhookAnswer> {
    this.#forgetExpired();
    if (this.forgot(contactId)) return { twiml: renderHangup(), duplicate: false, forgotten: true };
    const call = this.call(contactId);
    const earlier = call.responses.get(key);
    if (earlier !== undefined) return { twiml: earlier, duplicate: true };
    call.inFlight = true;
    let twiml: string;
    try {
      await deliver();
      twiml = render(call);
    } finally {
      call.inFlight = false;
    }
    rememberResponse(call, key, twiml);
    return { twiml, duplicate: false };
  }

  /** The agent whisper for this call's agent leg (served at the <Client url>). */
  whisperFor(contactId: string): string {
    const call = this.#calls.get(contactId);
    if (!call) return renderWhisper([]);
    const twiml = renderWhisper(call.agentWhisper, this.options.promptAudioUrl);
    call.agentWhisper = [];
    return twiml;
  }

  /** Reports an event for a contact; `key` makes its id stable, so redeliveries are dropped by the engine. */
  emit(contactId: string, body: ContactEventBody, key?: string): void {
    const event: ContactEvent = { ...body, ...(key ? { id: `twilio:${contactId}:${key}` } : {}) };
    for (const listener of [...this.#listeners]) listener(contactId, event);
  }

  markEnded(contactId: string): void {
    const call = this.call(contactId);
    this.#ended(call);
    call.pending = [];
  }

  url(
    call: CallState,
    route: WebhookRoute | 'answered' | 'status',
    params: Record<string, string> = {},
  ): string {
    const query = new URLSearchParams({
      contact: call.contactId,
      s: `${this.#instance}-${call.seq}`,
      ...params,
    });
    return `${this.#base}/${route}?${query.toString()}`;
  }

  #render(call: CallState): string {
    call.seq += 1;
    const hangsUp = call.pending.some((c) => c.type === 'hangup');
    const out = renderTwiml({
      commands: call.pending,
      ...(call.collecting ? { collecting: call.collecting } : {}),
      ...(call.hold ? { hold: call.hold } : {}),
      url: (route, params) => this.url(call, route, params),
      ...(this.options.promptAudioUrl ? { promptAudioUrl: this.options.promptAudioUrl } : {}),
    });
    call.pending = [];
    if (out.collecting) call.collecting = out.collecting;
    else delete call.collecting;
    if (out.hold) call.hold = out.hold;
    else delete call.hold;
    if (out.terminal) delete call.collecting;
    if (hangsUp) this.#ended(call);
    for (const ref of out.doneNow) this.emit(call.contactId, { type: 'promptDone', ref }, `done:${ref}`);
    return out.twiml;
  }

  #ended(call: CallState): void {
    call.ended = true;
    if (this.#calls.get(call.contactId) === call) this.#retention.ended(call.contactId);
  }

  #forgetExpired(): void {
    this.#retention.expire((contactId) => this.#calls.delete(contactId));
  }

  /** Commands arrived between webhooks: point the call at the `wait` route now (REST), if we can. */
  #pushToCall(call: CallState): void {
    const client = this.options.client;
    if (!client || !call.callSid || call.redirecting) return;
    call.redirecting = true;
    const url = this.url(call, 'wait', { push: '1' });
    queueMicrotask(() => {
      client
        .redirectCall(call.callSid as string, url)
        .catch((error: unknown) => {
          // Twilio refused: the commands waiting for this push fail, and their blocks take `error`.
          this.#log('redirect failed', call, error);
          const failed = call.pending;
          call.pending = [];
          for (const c of failed)
            if ('ref' in c) this.#fail(call, c.ref, 'Twilio refused to redirect the call');
        })
        .finally(() => {
          call.redirecting = false;
        });
    });
  }

  async #placeCall(call: CallState, command: Extract<TelephonyCommand, { type: 'dial' }>): Promise<void> {
    const client = this.options.client;
    const from = command.callerId ?? this.options.defaultCallerId?.();
    if (!client || !from) {
      const why = client
        ? 'no caller ID for the outbound call'
        : 'outbound calls need Twilio REST credentials';
      this.#fail(call, command.ref, why);
      return;
    }
    call.outbound = { ref: command.ref, answered: false };
    try {
      const placed = await client.createCall({
        to: command.to,
        from,
        url: this.url(call, 'answered', { ref: command.ref }),
        statusCallback: this.url(call, 'status', { ref: command.ref }),
        timeoutSeconds: command.timeoutSeconds,
        ...(command.sendDigits ? { sendDigits: command.sendDigits } : {}),
      });
      call.callSid = placed.sid;
    } catch (error) {
      this.#log('outbound call failed', call, error);
      delete call.outbound;
      this.#fail(call, command.ref, 'Twilio refused the outbound call');
    }
  }

  async #setRecording(
    call: CallState,
    command: Extract<TelephonyCommand, { type: 'setRecording' }>,
  ): Promise<void> {
    const client = this.options.client;
    if (!client || !call.callSid) {
      this.#log('recording needs Twilio REST credentials and a live call; ignored', call);
      return;
    }
    try {
      if (command.action === 'start') {
        const recording = await client.startRecording(call.callSid, command.who === 'both' ? 'dual' : 'mono');
        call.recordingSid = recording.sid;
      } else if (call.recordingSid) {
        const status =
          command.action === 'pause' ? 'paused' : command.action === 'resume' ? 'in-progress' : 'stopped';
        await client.updateRecording(call.callSid, call.recordingSid, status);
      }
    } catch (error) {
      this.#log(`recording ${command.action} failed`, call, error);
    }
  }

  /**
   * A text message goes by Twilio's Messaging API, beside the call (TwiML's <Message> is for replies to an
   * incoming SMS). Twilio accepting it is `sent`; a refusal is `failed`, with Twilio's reason only in the
   * log: the contact trace says that it failed, not what the provider answered.
   */
  async #sendMessage(
    call: CallState,
    command: Extract<TelephonyCommand, { type: 'sendMessage' }>,
  ): Promise<void> {
    const { ref, to, from, body } = command;
    const client = this.options.client;
    const result = (outcome: 'sent' | 'failed', reason?: string) =>
      this.emit(
        call.contactId,
        { type: 'messageResult', ref, result: outcome, ...(reason ? { reason } : {}) },
        `message:${ref}`,
      );
    if (!client) return result('failed', 'text messages need Twilio REST credentials');
    try {
      await client.sendMessage({ to, from, body });
      result('sent');
    } catch (error) {
      this.#log('text message refused', call, error);
      result('failed', 'Twilio refused the message');
    }
  }

  #fail(call: CallState, ref: string, message: string): void {
    this.emit(call.contactId, { type: 'adapterError', ref, message }, `error:${ref}`);
  }

  #log(message: string, call: CallState, error?: unknown): void {
    this.options.log?.(message, {
      contactId: call.contactId,
      ...(error ? { error: error instanceof Error ? error.message : String(error) } : {}),
    });
  }
}
