import { RuntimeError } from '../errors/runtime-errors.js';
import { isContactOver } from '../rules/contact-over.js';
import type { ContactEvent, ContactSnapshot, EngineEnv, StartContactParams, StepResult } from '../types.js';
import { onVariableUpdate } from './cad.js';
import { onCallbackEvent } from './callback.js';
import { onCallbackPromptEvent, onPromptCallback } from './callback-prompt.js';
import { isTransferredCallback } from './callback-state.js';
import { hangUpConsultLeg, onAgentConsult, onConsultLegEvent } from './consult-leg.js';
import { blankSnapshot } from './contact-blank.js';
import { SEEN_EVENT_IDS } from './limits.js';
import { onQueueEvent, onQueueTimer } from './queue.js';
import { onRecordingTimer } from './recording.js';
import { ContactRun } from './run.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';
import {
  cancelTransferDial,
  onAgentTransfer,
  onTransferEvent,
  onTransferredCustomerLeg,
} from './transfer.js';
import type { EngineWiring } from './wiring.js';

/**
 * Starts an inbound contact on the published version of `flowId` and runs it until it first waits.
 * A flow that is not published gives an ended snapshot with the reason in its trace (never a throw).
 */
export function startContact(wiring: EngineWiring, env: EngineEnv, params: StartContactParams): StepResult {
  const published = env.flows.get(params.flowId);
  const now = env.now();
  const s = blankSnapshot(
    'inbound',
    params.contactId,
    params.flowId,
    published?.version ?? 0,
    now,
    params.dialedNumber,
    params.callerNumber,
  );
  const run = new ContactRun(wiring, env, s);
  run.trace.begin({
    event: 'start',
    note: `call from ${params.callerNumber ?? 'unknown number'} to ${params.dialedNumber}`,
  });
  if (!published) {
    run.fail('RT102', `Flow "${params.flowId}" is not published.`);
    return run.result();
  }
  for (const [name, value] of Object.entries(params.variables ?? {})) {
    const stored = run.vars.assign(undefined, name, value);
    if (!stored.ok) run.trace.note(`initial value of ${name} refused: ${stored.reason}`);
  }
  run.trace.flush();
  run.push('main', params.flowId);
  return run.result();
}

/**
 * Applies one event to a contact. Pure: the given snapshot is not changed. Events the contact does not
 * expect now, duplicates, and events for an ended contact are ignored with the reason in the trace.
 */
export function step(
  wiring: EngineWiring,
  env: EngineEnv,
  snapshot: ContactSnapshot,
  event: ContactEvent,
): StepResult {
  const run = new ContactRun(wiring, env, snapshot, event);
  const ignored = (reason: string): StepResult => {
    run.trace.begin({ event: event.type, ignored: reason });
    return run.result();
  };
  if (isContactOver(run.s)) {
    return ignored(`the contact has ended (${run.s.endReason ?? run.s.status})`);
  }
  if (event.id !== undefined) {
    if (run.s.seen.includes(event.id)) return ignored(`duplicate event ${event.id}`);
    const seen = [...run.s.seen, event.id];
    run.s.seen = seen.length > SEEN_EVENT_IDS ? seen.slice(seen.length - SEEN_EVENT_IDS) : seen;
  }
  if (event.type === 'digits' && event.ref !== undefined && event.ref !== run.s.keysFor) {
    // A replayed webhook of an earlier question (or one delivered late) must not answer this one.
    return ignored(`keys for an earlier question (${event.ref}), not the one asked now`);
  }
  const handled = dispatch(run, event);
  if (handled !== true) return ignored(handled);
  return run.result();
}

/** Routes an event; returns true when something took it, else why nobody did. */
function dispatch(run: ContactRun, event: ContactEvent): true | string {
  switch (event.type) {
    case 'callerHangUp':
      run.trace.begin({ event: event.type });
      cancelTransferDial(run);
      hangUpConsultLeg(run, 'the customer hung up: the consult leg is hung up too');
      run.finish('caller hung up');
      return true;
    case 'agentHangUp':
      if (run.s.status !== 'connected' && run.s.status !== 'whisper') return 'no agent is connected';
      run.trace.begin({ event: event.type });
      hangUpConsultLeg(run, 'the agent hung up: the consult leg is hung up too');
      run.finish('agent hung up');
      return true;
    case 'consult':
      run.trace.begin({
        event: event.type,
        note: event.active ? 'consult or conference started' : 'consult or conference ended',
      });
      run.s.inConsult = event.active;
      return true;
    case 'updateVariable':
      return onVariableUpdate(run, event);
    case 'timer':
      return onTimer(run, event.timerId);
    case 'agentAvailable':
    case 'agentAccepted':
    case 'agentNoAnswer':
      return onQueueEvent(run, event);
    case 'agentTransfer':
      return onAgentTransfer(run, event);
    case 'agentPromptCallback':
      return onPromptCallback(run, event);
    case 'agentConsultDial':
    case 'agentConsultEnd':
    case 'agentConsultComplete':
      return onAgentConsult(run, event);
    default: {
      if (onCallbackPromptEvent(run, event)) return true;
      if (onConsultLegEvent(run, event)) return true;
      if (onTransferEvent(run, event)) return true;
      if (onTransferredCustomerLeg(run, event)) return true;
      if (ownCallback(run) && run.s.stack.length === 0) return onCallbackEvent(run, event);
      if (run.resumeTop(event)) return true;
      return run.top()?.wait
        ? `block "${run.top()?.block}" is not waiting for ${event.type}`
        : 'nothing is waiting for this event';
    }
  }
}

/** A callback still handled as one (not yet transferred by its agent, when it goes on as a call). */
function ownCallback(run: ContactRun): boolean {
  return run.s.callback !== undefined && !isTransferredCallback(run.s);
}

function onTimer(run: ContactRun, timerId: string): true | string {
  const timer = run.s.timers.find((t) => t.id === timerId);
  if (!timer) return `timer ${timerId} is not running (cancelled or already fired)`;
  if (timer.at > run.now) return `timer ${timerId} fired before its deadline`;
  run.s.timers = run.s.timers.filter((t) => t.id !== timerId);
  if (onRecordingTimer(run, timerId)) return true;
  if (onCallbackPromptEvent(run, { type: 'timer', timerId })) return true;
  if (onQueueTimer(run, timerId)) return true;
  if (onConsultLegEvent(run, { type: 'timer', timerId })) return true;
  if (onTransferEvent(run, { type: 'timer', timerId })) return true;
  if (ownCallback(run) && onCallbackEvent(run, { type: 'timer', timerId }) === true) return true;
  for (let i = run.s.stack.length - 1; i >= 0; i -= 1) {
    const frame = run.s.stack[i];
    if (frame?.wait?.timerId === timerId) {
      if (i !== run.s.stack.length - 1) return `timer ${timerId} belongs to a flow that is not running now`;
      if (run.resumeTop({ type: 'timer', timerId })) return true;
    }
  }
  return `timer ${timerId} (${timer.event}) has nothing waiting for it`;
}

/** The stored form of a snapshot (see snapshot-codec.ts); `parseSnapshot` reads it back. */
export function serializeSnapshot(snapshot: ContactSnapshot): string {
  return encodeSnapshot(snapshot);
}

/** Reads a stored snapshot, in the current form or the plain-object form written before it. */
export function parseSnapshot(text: string): ContactSnapshot {
  const snapshot = decodeSnapshot(text);
  if (!snapshot)
    throw new RuntimeError('RT110', 'Not a contact snapshot (format 1 or 2): it cannot be restored.');
  return snapshot;
}
