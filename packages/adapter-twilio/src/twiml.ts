import type { ResolvedPrompt, TelephonyCommand } from '@callflow/runtime';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

export interface Collecting {
  maxDigits: number;
  terminator?: string;
  /**
   * The `collectDigits` command asking (the engine's `keysFor`): the <Gather> action URL carries it as
   * `n`, the question's nonce, so keys from an earlier question's webhook are told apart and dropped.
   */
  ref?: string;
}

export interface RenderInput {
  /** Telephony commands for the call, in the order the engine gave them. */
  commands: readonly TelephonyCommand[];
  /** Digits are wanted (a `collectDigits` still open from an earlier response). */
  collecting?: Collecting;
  /** Hold audio that loops until `stopPlayback`. */
  hold?: ResolvedPrompt;
  /** Absolute URL of one of the adapter's webhook routes, with the call's sequence attached. */
  url(route: WebhookRoute, params?: Record<string, string>): string;
  /** The signed URL of a recording uploaded beside the flows (`prompts/<file>`); without it, the text is said. */
  promptAudioUrl?(file: string): string;
}

export type WebhookRoute =
  | 'gather'
  | 'prompt-done'
  | 'wait'
  | 'dial'
  | 'dial-status'
  | 'bridge-end'
  | 'whisper'
  | 'record';

export interface RenderOutput {
  twiml: string;
  collecting?: Collecting;
  hold?: ResolvedPrompt;
  /** Prompts whose end the next `gather` webhook reports. */
  awaiting: string[];
  /** Prompts handed to Twilio ahead of a Dial or Hangup: reported done at once. */
  doneNow: string[];
  /** The response ends the caller's part in the flow (dial, bridge or hang-up). */
  terminal: boolean;
}

type PromptTarget = Pick<VoiceResponse, 'say' | 'play'>;

function addPrompt(target: PromptTarget, prompt: ResolvedPrompt, audio?: (file: string) => string): void {
  if (prompt.audioFile && audio) target.play({}, audio(prompt.audioFile));
  else if (prompt.audioUrl) target.play({}, prompt.audioUrl);
  else {
    const attributes: VoiceResponse.SayAttributes = {};
    if (prompt.language) attributes.language = prompt.language as VoiceResponse.SayAttributes['language'];
    if (prompt.voice) attributes.voice = prompt.voice as VoiceResponse.SayAttributes['voice'];
    target.say(attributes, prompt.text);
  }
}

/**
 * Turns the engine's telephony commands into one TwiML document. Pure: the adapter keeps the state.
 * - Prompts become <Say> (text-to-speech) or <Play> (audio URL).
 * - Prompts sit inside <Gather> so keys are heard at any time; an empty result comes back to `gather`
 *   (actionOnEmptyResult) as "prompts done", so the engine's own timers stay in charge of timeouts.
 * - `dial` becomes <Dial callerId=... timeout=...><Number sendDigits=...> with the caller ID the runtime
 *   resolved and the extension, if any, keyed in once the number answers.
 * - Bridging to an agent dials the agent's client with the agent whisper as the <Client url>.
 * - With nothing to do, the call waits in a one-second <Gather> loop (hold audio when set).
 */
export function renderTwiml(input: RenderInput): RenderOutput {
  const response = new VoiceResponse();
  const plays: ResolvedPrompt[] = [];
  const refs: string[] = [];
  let collecting = input.collecting;
  let hold = input.hold;
  let terminal = false;
  const flush = (target: PromptTarget) => {
    for (const p of plays) addPrompt(target, p, input.promptAudioUrl);
    plays.length = 0;
  };

  for (const command of input.commands) {
    if (terminal) break;
    switch (command.type) {
      case 'play':
        if (command.to !== 'caller') break;
        if (command.loop) hold = command.prompt;
        else {
          plays.push(command.prompt);
          refs.push(command.ref);
        }
        break;
      case 'stopPlayback':
        if (command.to === 'caller') hold = undefined;
        break;
      case 'collectDigits':
        collecting = {
          maxDigits: command.maxDigits,
          ...(command.terminator ? { terminator: command.terminator } : {}),
          ref: command.ref,
        };
        break;
      case 'dial': {
        flush(response);
        const dial = response.dial({
          action: input.url('dial', { ref: command.ref }),
          method: 'POST',
          timeout: command.timeoutSeconds,
          ...(command.callerId ? { callerId: command.callerId } : {}),
        });
        dial.number(
          {
            statusCallback: input.url('dial-status', { ref: command.ref }),
            statusCallbackEvent: ['answered'],
            statusCallbackMethod: 'POST',
            // Twilio keys the extension in once the number answers.
            ...(command.sendDigits ? { sendDigits: command.sendDigits } : {}),
          },
          command.to,
        );
        terminal = true;
        break;
      }
      case 'recordMessage': {
        flush(response);
        response.record({
          action: input.url('record', { ref: command.ref }),
          method: 'POST',
          maxLength: command.maxLengthSeconds,
          finishOnKey: command.finishKey,
          timeout: command.silenceTimeoutSeconds,
          playBeep: true,
        });
        // Twilio skips the action when it heard nothing and goes on to the next verb: no message.
        response.redirect({ method: 'POST' }, input.url('record', { ref: command.ref, silent: '1' }));
        terminal = true;
        break;
      }
      case 'bridge':
        // An answered <Dial> is already bridged by Twilio; only agents need a new leg.
        if (command.agent) {
          flush(response);
          const dial = response.dial({ action: input.url('bridge-end'), method: 'POST' });
          dial.client({ url: input.url('whisper'), method: 'POST' }, command.agent);
          terminal = true;
        }
        break;
      case 'hangup':
        flush(response);
        response.hangup();
        terminal = true;
        break;
      default:
        // setRecording and cancelDial are REST calls the adapter makes; nothing to render.
        break;
    }
  }

  if (terminal) {
    // Prompts before a hang-up are cut short: they never report done (adapter contract).
    const hungUp = input.commands.some((c) => c.type === 'hangup');
    return { twiml: response.toString(), awaiting: [], doneNow: hungUp ? [] : refs, terminal: true };
  }
  // Always a <Gather>: keys are reported whenever the caller presses them (the engine ignores keys it
  // does not want), and its empty result doubles as "the prompts are done" and as the wait loop.
  const gather = response.gather({
    input: ['dtmf'],
    numDigits: collecting?.maxDigits ?? 1,
    finishOnKey: collecting?.terminator ?? '',
    timeout: collecting && refs.length === 0 ? 3 : 1,
    actionOnEmptyResult: true,
    action: input.url('gather', {
      ...(refs.length > 0 ? { prompts: refs.join(',') } : {}),
      ...(collecting?.ref ? { n: collecting.ref } : {}),
    }),
    method: 'POST',
  });
  if (plays.length > 0) flush(gather);
  else if (hold) addPrompt(gather, hold, input.promptAudioUrl);
  return {
    twiml: response.toString(),
    ...(collecting ? { collecting } : {}),
    ...(hold ? { hold } : {}),
    awaiting: refs,
    doneNow: [],
    terminal: false,
  };
}

/** TwiML that plays the agent whisper to the agent before the parties are bridged. */
export function renderWhisper(
  prompts: readonly ResolvedPrompt[],
  promptAudioUrl?: (file: string) => string,
): string {
  const response = new VoiceResponse();
  for (const p of prompts) addPrompt(response, p, promptAudioUrl);
  return response.toString();
}

export function renderText(text: string, hangUp: boolean): string {
  const response = new VoiceResponse();
  response.say({}, text);
  if (hangUp) response.hangup();
  return response.toString();
}

/** The answer to a webhook for a call that has ended: nothing more to say. */
export function renderHangup(): string {
  const response = new VoiceResponse();
  response.hangup();
  return response.toString();
}

export function renderEmpty(): string {
  return new VoiceResponse().toString();
}

/** Keeps the call waiting (a short pause, then the wait route) while the engine catches up. */
export function renderParked(waitUrl: string): string {
  const response = new VoiceResponse();
  response.pause({ length: 1 });
  response.redirect({ method: 'POST' }, waitUrl);
  return response.toString();
}
