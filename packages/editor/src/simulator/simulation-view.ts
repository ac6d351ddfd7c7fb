/**
 * What the simulator panel shows, computed from what the runtime hands back after each step: the
 * contact snapshot and the commands the host must carry out. Pure functions, so the panel stays thin and
 * the rules are tested without a browser.
 *
 * The shapes below are the parts of the runtime's `ContactSnapshot`, `TraceEntry` and `Command` the panel
 * reads (structural types: the runtime's own types fit them).
 */
import type { Flow } from '@callflow/model';
import {
  describeRuntimeError,
  isContactOver,
  isSecureDeclaration,
  REDACTED,
  type TraceEntry,
} from '@callflow/runtime';

/** A trace entry as the runtime writes it: one definition (the runtime's), for both simulators. */
export type ObservedTraceEntry = TraceEntry;

export interface ObservedFrame {
  flowId: string;
  block: string;
}

export interface ObservedSnapshot {
  contactId: string;
  flowId: string;
  status: string;
  endReason?: string;
  stack: readonly ObservedFrame[];
  variables: Record<string, unknown>;
  system: Record<string, unknown>;
}

export interface PopoverLine {
  label: string;
  name: string;
  value: unknown;
}

/** The commands the panel turns into words; others are carried out silently. */
export type ObservedCommand =
  | { type: 'play'; to: string; prompt: { text: string; name?: string; audioFile?: string }; loop?: boolean }
  | {
      type: 'dial';
      ref: string;
      purpose: string;
      to: string;
      sendDigits?: string;
      callerId?: string;
      callerIdName?: string;
    }
  | { type: 'offerToAgent'; ref: string; agent: string; queue: string; title: string; popover: PopoverLine[] }
  | { type: 'withdrawOffer'; ref: string; agent: string; rona: boolean }
  | { type: 'bridge'; agent?: string; dialRef?: string }
  | { type: 'enqueue'; queue: string }
  | { type: 'hangup'; reason: string }
  | { type: 'createCallback'; request: { number: string; queue: string } }
  | { type: 'setRecording'; action: string; who: string }
  | { type: 'sendMessage'; to: string; from: string; body: string }
  | { type: string; [key: string]: unknown };

export interface TranscriptLine {
  /** Virtual time, epoch ms. */
  at: number;
  kind: 'prompt' | 'whisper' | 'caller' | 'agent' | 'system' | 'log';
  text: string;
  /** Set on the lines of a callback the call requested (a contact of its own, followed after hang-up). */
  leg?: 'callback';
}

/** The popover an agent is offered, as the agent desktop would show it. */
export interface AgentOffer {
  ref: string;
  agent: string;
  queue: string;
  title: string;
  lines: { label: string; value: string }[];
  state: 'offered' | 'accepted' | 'ignored' | 'withdrawn';
}

/** A caller ID the runtime chose for an outbound leg, with the rule that chose it and why. */
export interface CallerIdChoice {
  /** Unique within one view: the trace entry's `seq`, made unique across the contacts followed. */
  key: string;
  seq: number;
  /** Set on a callback's dial (no block places it: the callback's own contact does). */
  leg?: 'callback';
  block?: string;
  number?: string;
  name?: string;
  rule: string;
  reason: string;
}

export interface VariableRow {
  name: string;
  label: string;
  value: string;
  secure: boolean;
}

/** A value in one line: strings as they are, everything else as JSON, nothing as a dash. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The flow's variables with their current values (defaults until set); secure values masked. */
export function variableRows(flow: Pick<Flow, 'variables'>, values: Record<string, unknown>): VariableRow[] {
  return Object.entries(flow.variables ?? {}).map(([name, declaration]) => {
    const value = values[name] ?? declaration.default;
    const secure = isSecureDeclaration(declaration);
    return {
      name,
      label: declaration.label ?? name,
      value: secure && value !== undefined && value !== null ? REDACTED : displayValue(value),
      secure,
    };
  });
}

/** System variables the runtime has set so far (`$callerNumber`, `$lastDigits`...). */
export function systemRows(system: Record<string, unknown>): VariableRow[] {
  return Object.entries(system)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => ({
      name: name.startsWith('$') ? name : `$${name}`,
      label: name,
      value: displayValue(value),
      secure: false,
    }));
}

/**
 * Blocks of `flowId` the contact entered, in order. The runtime writes one trace entry when a block is
 * entered and further ones (with `event`) when it resumes on an event, so only the former count.
 */
export function visitedBlocks(trace: readonly ObservedTraceEntry[], flowId: string): string[] {
  return trace
    .filter((entry) => entry.block !== undefined && entry.event === undefined && entry.flowId === flowId)
    .map((entry) => entry.block as string);
}

/**
 * The block of the open flow the contact is in: the innermost frame running that flow (a module or a
 * queue flow may be running on top of it, invoked from that block). Null when the contact has ended.
 */
export function activeBlock(snapshot: ObservedSnapshot, flowId: string): string | null {
  if (isContactOver(snapshot)) return null;
  for (let i = snapshot.stack.length - 1; i >= 0; i--) {
    const frame = snapshot.stack[i];
    if (frame?.flowId === flowId) return frame.block;
  }
  return null;
}

export function callerIdChoices(
  trace: readonly ObservedTraceEntry[],
  leg?: { contactId: string; kind: 'callback' },
): CallerIdChoice[] {
  return trace
    .filter((entry) => entry.callerId !== undefined)
    .map((entry) => {
      const callerId = entry.callerId as NonNullable<ObservedTraceEntry['callerId']>;
      return {
        key: leg ? `${leg.contactId}:${entry.seq}` : String(entry.seq),
        seq: entry.seq,
        ...(leg ? { leg: leg.kind } : {}),
        ...(entry.block === undefined ? {} : { block: entry.block }),
        ...(callerId.number === undefined ? {} : { number: callerId.number }),
        ...(callerId.name === undefined ? {} : { name: callerId.name }),
        rule: callerId.rule,
        reason: callerId.reason,
      };
    });
}

/** Errors the runtime recorded (a missing flow, a loop limit): shown so the admin can fix the flow. */
export function traceErrors(trace: readonly ObservedTraceEntry[]): string[] {
  return trace.flatMap((entry) => (entry.error ? [describeRuntimeError(entry.error)] : []));
}

/** One transcript line per command a person on the call would notice. */
export function transcriptLines(commands: readonly ObservedCommand[], at: number): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  const say = (kind: TranscriptLine['kind'], text: string) => lines.push({ at, kind, text });
  for (const command of commands) {
    const c = command as ObservedCommand & Record<string, unknown>;
    switch (c.type) {
      case 'play': {
        const play = c as Extract<ObservedCommand, { type: 'play' }>;
        const kind = play.to === 'agent' ? 'whisper' : 'prompt';
        // An uploaded recording is named beside its text: the simulator has no telephony to play it.
        const file = play.prompt.audioFile ? ` [recording ${play.prompt.audioFile}]` : '';
        say(kind, `${play.loop ? '(on hold) ' : ''}${play.prompt.text}${file}`);
        break;
      }
      case 'dial': {
        const dial = c as Extract<ObservedCommand, { type: 'dial' }>;
        const keys = dial.sendDigits ? `; extension ${dial.sendDigits} keyed in once answered` : '';
        say('system', `Dialling ${dial.to}, showing caller ID ${dial.callerId ?? 'none'}${keys}`);
        break;
      }
      case 'enqueue':
        say('system', `Waiting in queue ${(c as { queue: string }).queue}`);
        break;
      case 'offerToAgent':
        say('system', `Offered to agent ${(c as { agent: string }).agent}`);
        break;
      case 'withdrawOffer': {
        const withdraw = c as Extract<ObservedCommand, { type: 'withdrawOffer' }>;
        say(
          'system',
          `Offer to ${withdraw.agent} withdrawn${withdraw.rona ? ': no answer, agent set to RONA' : ''}`,
        );
        break;
      }
      case 'bridge': {
        const bridge = c as Extract<ObservedCommand, { type: 'bridge' }>;
        say('system', bridge.agent ? `Connected to agent ${bridge.agent}` : 'Connected to the called party');
        break;
      }
      case 'createCallback': {
        const request = (c as Extract<ObservedCommand, { type: 'createCallback' }>).request;
        say('system', `Callback requested to ${request.number} in queue ${request.queue}`);
        break;
      }
      case 'setRecording': {
        const recording = c as Extract<ObservedCommand, { type: 'setRecording' }>;
        say('system', `Recording ${recording.action} (${recording.who})`);
        break;
      }
      case 'sendMessage': {
        const message = c as Extract<ObservedCommand, { type: 'sendMessage' }>;
        say('system', `Text message to ${message.to} from ${message.from}: "${message.body}"`);
        break;
      }
      case 'hangup':
        say('system', `Call ended: ${(c as { reason: string }).reason}`);
        break;
      case 'startTimer': {
        // A callback's first wait (Create callback's initial delay) is worth a line; other timers are not.
        const timer = (c as { timer?: { event?: string; at?: number } }).timer;
        if (timer?.event === 'callbackInitialDelay' && typeof timer.at === 'number')
          say('system', `The callback waits ${Math.round((timer.at - at) / 1000)} s before it is queued`);
        break;
      }
    }
  }
  return lines;
}

/** The agent popover as a desktop shows it; secure variables never reach it (the runtime leaves them out). */
export function offerFrom(command: Extract<ObservedCommand, { type: 'offerToAgent' }>): AgentOffer {
  return {
    ref: command.ref,
    agent: command.agent,
    queue: command.queue,
    title: command.title,
    lines: command.popover.map((line) => ({ label: line.label, value: displayValue(line.value) })),
    state: 'offered',
  };
}

/**
 * Offers after a step's commands: new offers appended; an offer still open is marked accepted when the
 * call is bridged to its agent, ignored when withdrawn for no answer (RONA), withdrawn otherwise.
 */
export function updateOffers(
  offers: readonly AgentOffer[],
  commands: readonly ObservedCommand[],
): AgentOffer[] {
  let out = [...offers];
  for (const command of commands) {
    if (command.type === 'offerToAgent') {
      out.push(offerFrom(command as Extract<ObservedCommand, { type: 'offerToAgent' }>));
    } else if (command.type === 'withdrawOffer') {
      const withdraw = command as Extract<ObservedCommand, { type: 'withdrawOffer' }>;
      out = out.map((offer) =>
        offer.agent === withdraw.agent && offer.state === 'offered'
          ? { ...offer, state: withdraw.rona ? 'ignored' : 'withdrawn' }
          : offer,
      );
    } else if (command.type === 'bridge') {
      const agent = (command as Extract<ObservedCommand, { type: 'bridge' }>).agent;
      out = out.map((offer) =>
        offer.agent === agent && offer.state === 'offered' ? { ...offer, state: 'accepted' } : offer,
      );
    }
  }
  return out;
}

/** An entry of the simulator's log of commands and events. */
export interface ObservedLogEntry {
  at: number;
  direction: string;
  type: string;
  detail?: unknown;
}

/** What the caller or an agent did, in the transcript. */
export function eventLine(entry: ObservedLogEntry): TranscriptLine | undefined {
  const detail = (entry.detail ?? {}) as { digits?: string; agent?: string; state?: string };
  switch (entry.type) {
    case 'digits':
      return { at: entry.at, kind: 'caller', text: `Pressed ${detail.digits ?? ''}` };
    case 'callerHangUp':
      return { at: entry.at, kind: 'caller', text: 'Hung up' };
    case 'agentAccepted':
      return { at: entry.at, kind: 'agent', text: `${detail.agent ?? 'The agent'} accepted the call` };
    case 'agentNoAnswer':
      return { at: entry.at, kind: 'agent', text: `${detail.agent ?? 'The agent'} did not answer` };
    case 'agentHangUp':
      return { at: entry.at, kind: 'agent', text: `${detail.agent ?? 'The agent'} hung up` };
    case 'agentAvailable':
      return { at: entry.at, kind: 'agent', text: `${detail.agent ?? 'An agent'} is available` };
    case 'dialResult': {
      const result = (entry.detail as { result?: string } | undefined)?.result ?? 'unknown';
      return {
        at: entry.at,
        kind: 'system',
        text: result === 'answered' ? 'The called party answered' : `The dial ended: ${result}`,
      };
    }
    case 'messageResult': {
      const result = (entry.detail as { result?: string } | undefined)?.result;
      return {
        at: entry.at,
        kind: 'system',
        text: result === 'sent' ? 'The text message was sent' : 'The text message was not sent',
      };
    }
    default:
      return undefined;
  }
}
