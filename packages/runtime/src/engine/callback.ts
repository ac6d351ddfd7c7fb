import { accountDialOptions, checkDialNumber, dialString, ownEntry, splitDialString } from '@callflow/model';
import { isContactOver } from '../rules/contact-over.js';
import { resolveCallerId } from '../rules/index.js';
import type { CallbackRequest, ContactEvent, EngineEnv, StepResult } from '../types.js';
import { blankSnapshot } from './contact-blank.js';
import { CENTER_AT_CAPACITY } from './limits.js';
import { enqueue } from './queue.js';
import { ContactRun } from './run.js';
import type { EngineWiring } from './wiring.js';

/**
 * Callbacks are contacts of their own. A callback request (from a Create callback block, a web form or
 * an agent) waits in its queue like a call, keeping the place it was given; an Available agent is
 * offered it first (popover labelled Callback), then the customer is dialled with the caller ID the
 * caller-ID rules choose. No answer: back to the queue after the retry delay, up to the maximum attempts.
 */

const DIAL_TIMEOUT_SECONDS = 30;

/** Starts the callback contact for a request (the host calls this for each `createCallback` command). */
export function startCallback(wiring: EngineWiring, env: EngineEnv, request: CallbackRequest): StepResult {
  const s = blankSnapshot(
    'callback',
    request.id,
    request.flowId ?? '',
    request.flowVersion ?? 0,
    env.now(),
    request.dialedNumber,
    request.number,
  );
  s.callback = { request, attempts: 0, phase: 'delay' };
  if (request.variables) s.variables = { ...request.variables };
  s.system.callbackNumber = request.number;
  const run = new ContactRun(wiring, env, s);
  run.trace.begin({
    event: 'start',
    note: `callback ${request.id} to ${request.number} in queue ${request.queue}${request.name ? ` for ${request.name}` : ''}`,
  });
  if (!ownEntry(env.resources.queues, request.queue)) {
    run.finish(`queue "${request.queue}" does not exist`, false);
    return run.result();
  }
  const expiry = run.commands.startTimer(request.maxQueueSeconds, 'callbackExpired');
  if (request.initialDelaySeconds > 0) {
    const timerId = run.commands.startTimer(request.initialDelaySeconds, 'callbackInitialDelay');
    run.s.callback = { ...s.callback, timerId, expiryTimerId: expiry };
    run.s.status = 'running';
  } else {
    run.s.callback = { ...s.callback, phase: 'queued', expiryTimerId: expiry };
    enqueue(run, request.queue, request.enqueuedAt);
  }
  return run.result();
}

export interface WebCallbackParams {
  contactId: string;
  name: string;
  number: string;
  queue: string;
  /** The web entry point's number, shown as DNIS in the popover. */
  dialedNumber?: string;
  maxAttempts?: number;
  retryDelaySeconds?: number;
  maxQueueSeconds?: number;
}

/** A web page or chatbot asks to be called back: the request enters the queue now. */
export function startWebCallback(wiring: EngineWiring, env: EngineEnv, p: WebCallbackParams): StepResult {
  const account = env.resources.account;
  const check = checkDialNumber(p.number, accountDialOptions(account));
  // The queue's callback settings, where the request gives none (resources `queues.<name>.callback`).
  const queued = ownEntry(env.resources.queues, p.queue)?.callback;
  const request: CallbackRequest = {
    id: p.contactId,
    number: check.ok ? dialString(check) : p.number,
    name: p.name,
    queue: p.queue,
    dialedNumber: p.dialedNumber ?? '',
    enqueuedAt: env.now(),
    initialDelaySeconds: queued?.initialDelaySeconds ?? 0,
    maxAttempts: p.maxAttempts ?? queued?.maxAttempts ?? 3,
    retryDelaySeconds: p.retryDelaySeconds ?? queued?.retryDelaySeconds ?? 300,
    maxQueueSeconds: p.maxQueueSeconds ?? queued?.maxQueueSeconds ?? 86400,
  };
  if (check.ok) return startCallback(wiring, env, request);
  const s = blankSnapshot('callback', p.contactId, '', 0, env.now(), request.dialedNumber, p.number);
  const run = new ContactRun(wiring, env, s);
  run.trace.begin({
    event: 'start',
    error: { code: 'RT105', detail: `web callback refused: ${check.message}` },
  });
  run.finish('invalid callback number', false);
  return run.result();
}

export interface AgentCallbackParams {
  contactId: string;
  agent: string;
  /** The number the agent typed in or the customer keyed (checked and normalised here). */
  number: string;
  name?: string;
  /** Queue whose outbound caller ID and whisper apply; absent: the agent's default outbound queue. */
  queue?: string;
  /** The agent is on a call with the customer (during an internet voice or chat session). */
  activeCall?: boolean;
  /** A number (name or E.164) the agent picked among their allowed numbers. */
  agentChoice?: string;
}

/** Agent-initiated callback (Avaya): the agent places the call; the outbound whisper runs first. */
export function startAgentCallback(wiring: EngineWiring, env: EngineEnv, p: AgentCallbackParams): StepResult {
  const account = env.resources.account;
  const queue = p.queue ?? ownEntry(env.resources.agents, p.agent)?.defaultOutboundQueue ?? '';
  const check = checkDialNumber(p.number, accountDialOptions(account));
  const request: CallbackRequest = {
    id: p.contactId,
    number: check.ok ? dialString(check) : p.number,
    queue,
    dialedNumber: '',
    enqueuedAt: env.now(),
    initialDelaySeconds: 0,
    maxAttempts: 1,
    retryDelaySeconds: 0,
    maxQueueSeconds: 0,
  };
  if (p.name) request.name = p.name;
  const s = blankSnapshot('agentOutbound', p.contactId, '', 0, env.now(), request.number, undefined);
  s.callback = { request, attempts: 0, phase: 'whisper', agent: p.agent };
  if (p.agentChoice) s.callback.agentChoice = p.agentChoice;
  s.system.agentName = p.agent;
  s.system.callbackNumber = request.number;
  s.inConsult = false;
  const run = new ContactRun(wiring, env, s);
  run.trace.begin({
    event: 'start',
    note: `agent ${p.agent} calls ${request.number}${p.activeCall ? ' during a call' : ''}`,
  });
  if (p.activeCall) run.s.system.activeCall = true;
  if (!check.ok) {
    run.trace.with({ error: { code: 'RT105', detail: `number refused: ${check.message}` } });
    run.finish('invalid number');
    return run.result();
  }
  run.s.status = 'whisper';
  run.trace.flush();
  startOutboundWhisper(run);
  return run.result();
}

/** The agent accepted the callback offer: outbound whisper, then the customer is dialled. */
export function callbackAccepted(run: ContactRun, agent: string): void {
  const cb = run.s.callback;
  if (!cb) return;
  run.s.callback = { ...cb, phase: 'whisper', agent };
  run.s.status = 'whisper';
  run.trace.flush();
  startOutboundWhisper(run);
}

function startOutboundWhisper(run: ContactRun): void {
  const cb = run.s.callback;
  if (!cb) return;
  const flow = outboundWhisperFlowOf(run);
  if (flow) run.push('outboundWhisper', flow);
  else afterOutboundWhisper(run);
}

function outboundWhisperFlowOf(run: ContactRun): string | undefined {
  const cb = run.s.callback;
  return (
    cb?.request.outboundWhisperFlow ??
    run.s.whisper.outbound ??
    (cb ? ownEntry(run.env.resources.queues, cb.request.queue)?.outboundWhisperFlow : undefined)
  );
}

/** The outbound whisper ended (or there was none): place the call with the chosen caller ID. */
export function afterOutboundWhisper(run: ContactRun): void {
  const cb = run.s.callback;
  if (!cb || isContactOver(run.s)) return;
  const override = run.s.outboundCallerId;
  const overrideNumber = override?.variable
    ? run.vars.lookup(undefined, override.variable)
    : override?.number;
  // A stored number keeps its extension: dial the number, send the extension once answered.
  const dialled = splitDialString(cb.request.number);
  const decision = resolveCallerId({
    purpose: run.s.kind === 'agentOutbound' ? 'agentOutbound' : 'callback',
    resources: run.env.resources,
    ...(cb.request.callerNumber ? { callerNumber: cb.request.callerNumber } : {}),
    dialedNumber: dialled.to,
    ...(cb.request.queue ? { queue: cb.request.queue } : {}),
    ...(cb.agent ? { agent: cb.agent } : {}),
    ...(cb.agentChoice ? { agentChoice: cb.agentChoice } : {}),
    activeCall: run.s.system.activeCall === true,
    ...(typeof overrideNumber === 'string' && overrideNumber !== ''
      ? { outboundWhisperOverride: overrideNumber, outboundWhisperFlow: outboundWhisperFlowOf(run) ?? '' }
      : {}),
    variables: (name) => run.vars.lookup(undefined, name),
    ...(run.env.random ? { random: run.env.random } : {}),
  });
  const name = override?.name ?? decision.name;
  run.trace.begin({
    note: `attempt ${cb.attempts + 1} of ${cb.request.maxAttempts}`,
    callerId: {
      ...(decision.number ? { number: decision.number } : {}),
      ...(name ? { name } : {}),
      rule: decision.rule,
      reason: decision.reason,
      rejected: decision.rejected,
    },
  });
  const dialRef = run.commands.emit({
    type: 'dial',
    purpose: run.s.kind === 'agentOutbound' ? 'agentOutbound' : 'callback',
    to: dialled.to,
    ...(dialled.sendDigits ? { sendDigits: dialled.sendDigits } : {}),
    ...(decision.number ? { callerId: decision.number } : {}),
    ...(name ? { callerIdName: name } : {}),
    timeoutSeconds: DIAL_TIMEOUT_SECONDS,
  });
  // The engine keeps its own deadline a little after the adapter's no-answer timeout.
  const timerId = run.commands.startTimer(DIAL_TIMEOUT_SECONDS + 5, 'dialNoAnswer');
  run.s.callback = { ...cb, phase: 'dialling', dialRef, timerId, attempts: cb.attempts + 1 };
  run.trace.flush();
}

/**
 * The agent on a connected callback transferred it (docs/domain.md#transfers): the request is complete and is never
 * dialled again (its expiry and retry timers stop), and the contact goes on as a call with the customer
 * on the line. The callback state stays for the customer's leg (their hang-up comes as `completed` on
 * `dialRef`) and for the popover; it no longer belongs to an agent.
 */
export function callbackTransferred(run: ContactRun): void {
  const cb = run.s.callback;
  if (!cb) return;
  run.commands.cancelTimer(cb.expiryTimerId);
  run.commands.cancelTimer(cb.timerId);
  const next = { ...cb, phase: 'connected' as const };
  delete next.agent;
  delete next.expiryTimerId;
  delete next.timerId;
  delete next.waitReason;
  run.s.callback = next;
}

/** Timers and dial results of a callback contact (offers go through the queue module). */
export function onCallbackEvent(run: ContactRun, event: ContactEvent): true | string {
  const cb = run.s.callback;
  if (!cb) return 'not a callback';
  if (event.type === 'timer') {
    if (event.timerId === cb.expiryTimerId) {
      if (cb.phase !== 'delay' && cb.phase !== 'queued' && cb.phase !== 'retryWait')
        return 'the callback is already with an agent';
      run.trace.begin({
        event: 'timer',
        note: `the callback waited ${cb.request.maxQueueSeconds} s in the queue`,
      });
      run.finish('callback expired', false);
      return true;
    }
    if (event.timerId === cb.timerId && cb.phase === 'dialling') {
      run.trace.begin({ event: 'timer', outcome: 'noAnswer', note: 'no answer from the adapter in time' });
      if (cb.dialRef) run.commands.emit({ type: 'cancelDial', dialRef: cb.dialRef });
      dialFailed(run, cb, 'noAnswer');
      return true;
    }
    if (event.timerId === cb.timerId) {
      run.trace.begin({
        event: 'timer',
        note: cb.phase === 'delay' ? 'initial delay over' : 'retry delay over',
      });
      run.s.callback = { ...cb, phase: 'queued' };
      delete run.s.callback.timerId;
      // The request keeps the place it was given, on every attempt.
      enqueue(run, cb.request.queue, cb.request.enqueuedAt);
      return true;
    }
    return `timer ${event.timerId} is not a callback timer`;
  }
  if (event.type === 'centerCapacity') return onCenterCapacity(run, cb, event);
  if (event.type === 'dialResult' || event.type === 'adapterError') {
    if (event.ref !== cb.dialRef) return `no dial ${event.ref} is in progress`;
    const result = event.type === 'adapterError' ? 'failed' : event.result;
    run.trace.begin({ event: event.type, outcome: result });
    if (event.type === 'adapterError') run.trace.with({ error: { code: 'RT106', detail: event.message } });
    if (cb.phase === 'dialling') run.commands.cancelTimer(cb.timerId);
    if (result === 'answered') {
      run.commands.emit(
        cb.agent
          ? { type: 'bridge', agent: cb.agent, dialRef: cb.dialRef }
          : { type: 'bridge', dialRef: cb.dialRef },
      );
      run.s.callback = { ...cb, phase: 'connected' };
      run.s.status = 'connected';
      return true;
    }
    if (result === 'completed' && cb.phase === 'connected') {
      run.finish('callback completed');
      return true;
    }
    dialFailed(run, cb, result === 'completed' ? 'noAnswer' : result);
    return true;
  }
  return `a callback does not expect ${event.type} now`;
}

/** The customer did not answer (busy, failed): free the agent, then retry later or give up. */
function dialFailed(run: ContactRun, cb: NonNullable<ContactRun['s']['callback']>, result: string): void {
  if (cb.agent) run.commands.emit({ type: 'releaseAgent', agent: cb.agent, reason: `customer ${result}` });
  if (cb.attempts >= cb.request.maxAttempts) {
    run.finish(`callback not answered after ${cb.attempts} attempt(s)`, false);
    return;
  }
  const timerId = run.commands.startTimer(cb.request.retryDelaySeconds, 'callbackRetry');
  const next = { ...cb, phase: 'retryWait' as const, timerId };
  delete next.agent;
  delete next.dialRef;
  run.s.callback = next;
  run.s.status = 'running';
  delete run.s.queue;
  run.trace.note(`customer ${result}: back to the queue in ${cb.request.retryDelaySeconds} s`);
}

/**
 * The host found the center at its maximum concurrent calls when this callback's turn came: it keeps
 * its place and shows why it waits; when a line is free again the host says so just before the offer.
 */
function onCenterCapacity(
  run: ContactRun,
  cb: NonNullable<ContactRun['s']['callback']>,
  event: Extract<ContactEvent, { type: 'centerCapacity' }>,
): true | string {
  const lines = `${event.liveCalls} live calls of ${event.limit}`;
  if (cb.phase === 'dialling' && event.atCapacity) return notPlacedAgain(run, cb, lines);
  if (run.s.status !== 'queued') return 'the callback is not waiting in its queue';
  if (event.atCapacity) {
    if (cb.waitReason === CENTER_AT_CAPACITY) return 'the callback already waits for a free line';
    run.trace.begin({
      event: event.type,
      note: `${CENTER_AT_CAPACITY}: ${lines} (maximum concurrent calls); the callback keeps its place and waits for a free line`,
    });
    run.s.callback = { ...cb, waitReason: CENTER_AT_CAPACITY };
    return true;
  }
  if (cb.waitReason === undefined) return 'the callback was not waiting for a free line';
  run.trace.begin({
    event: event.type,
    note: `a line is free again (${lines}): the callback can be offered`,
  });
  const next = { ...cb };
  delete next.waitReason;
  run.s.callback = next;
  return true;
}

/**
 * The customer's call was being placed when the host stopped, and after its restart the host found no
 * free line to place it again: the agent is free, and the callback waits in its queue at its place like
 * any other callback (the attempt is not counted). An agent's own callback has no queue to wait in: it
 * ends, as one asked for at capacity is refused.
 */
function notPlacedAgain(run: ContactRun, cb: NonNullable<ContactRun['s']['callback']>, lines: string): true {
  run.trace.begin({
    event: 'centerCapacity',
    note: `${CENTER_AT_CAPACITY}: ${lines} (maximum concurrent calls); the call to ${cb.request.number} was not placed again`,
  });
  run.commands.cancelTimer(cb.timerId);
  if (cb.agent) run.commands.emit({ type: 'releaseAgent', agent: cb.agent, reason: CENTER_AT_CAPACITY });
  if (run.s.kind === 'agentOutbound') {
    run.finish(`${CENTER_AT_CAPACITY}: no free line to place the call`, false);
    return true;
  }
  const next = { ...cb, phase: 'queued' as const, attempts: Math.max(0, cb.attempts - 1) };
  delete next.agent;
  delete next.dialRef;
  delete next.timerId;
  run.s.callback = { ...next, waitReason: CENTER_AT_CAPACITY };
  run.trace.note('the callback keeps its place and waits for a free line');
  enqueue(run, cb.request.queue, cb.request.enqueuedAt);
  return true;
}
