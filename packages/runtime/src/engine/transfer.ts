import { checkDialNumber, ownEntry } from '@callflow/model';
import { dialOptions } from '../rules/dial-options.js';
import { resolveCallerId } from '../rules/index.js';
import type { ContactEvent, TransferTarget } from '../types.js';
import { callbackTransferred } from './callback.js';
import { isTransferredCallback } from './callback-state.js';
import { customerQueueFlow, enqueue, holdInQueue, offerTo } from './queue.js';
import type { ContactRun } from './run.js';

type AgentTransfer = Extract<ContactEvent, { type: 'agentTransfer' }>;

/** Seconds an agent's transfer to a number rings before the contact goes back to its queue. */
export const AGENT_TRANSFER_DIAL_SECONDS = 30;

/**
 * Blind transfers by the connected agent (docs/domain.md#transfers): to a queue, to an Available agent, or to a
 * number. The transfer goes at once: the agent is released to wrap-up and the host is told the outcome
 * with a `transferResult` command. A target that cannot take the contact is refused with the reason,
 * and the contact stays with the agent.
 */
export function onAgentTransfer(run: ContactRun, event: AgentTransfer): true | string {
  const { agent, target } = event;
  // An agent's own callback has no queue: the agent is on the callback itself.
  if ((run.s.queue?.agent ?? run.s.callback?.agent) !== agent)
    return `the contact is not connected to agent ${agent}`;
  if (run.s.status !== 'connected')
    return notYetConnected(run) ?? `the contact is not connected to agent ${agent}`;
  run.trace.begin({ event: event.type, note: `agent ${agent} transfers the contact to ${describe(target)}` });
  const refusal = refusalOf(run, agent, target);
  if (refusal) {
    run.trace.note(`refused: ${refusal}`);
    run.commands.emit({ type: 'transferResult', agent, result: 'refused', target, reason: refusal });
    return true;
  }
  if (run.s.callback) continueAsCall(run);
  if ('queue' in target) toQueue(run, agent, target.queue);
  else if ('agent' in target) toAgent(run, agent, target.agent);
  else toNumber(run, agent, target.number, target.callerId);
  return true;
}

function describe(target: TransferTarget): string {
  if ('queue' in target) return `queue ${target.queue}`;
  if ('agent' in target) return `agent ${target.agent}`;
  return `number ${target.number}`;
}

/** Why the target cannot take the contact now; undefined when it can. */
function refusalOf(run: ContactRun, from: string, target: TransferTarget): string | undefined {
  const { resources } = run.env;
  if (!('queue' in target) && !homeQueue(run))
    return `the call has no queue to go back to if ${describe(target)} does not take it (queue "${run.s.callback?.request.queue ?? ''}" is not in resources)`;
  if ('queue' in target) {
    const resource = ownEntry(resources.queues, target.queue);
    if (!resource) return `queue "${target.queue}" is not in resources`;
    const waiting = run.env.queues?.size(target.queue) ?? 0;
    if (resource.maxContacts !== undefined && waiting >= resource.maxContacts)
      return `queue ${target.queue} is full (${waiting} waiting, capacity ${resource.maxContacts})`;
    return undefined;
  }
  if ('agent' in target) {
    if (!ownEntry(resources.agents, target.agent)) return `agent "${target.agent}" is not in resources`;
    if (target.agent === from) return 'an agent cannot transfer a contact to themselves';
    const status = run.env.queues?.agentStatus?.(target.agent);
    if (!status) return `the state of agent ${target.agent} is not known to this host`;
    if (status.state !== 'Available') return `agent ${target.agent} is ${status.state}, not Available`;
    if (!status.free) return `agent ${target.agent} is being offered another contact`;
    return undefined;
  }
  const check = checkDialNumber(target.number, dialOptions(run));
  return check.ok ? undefined : `cannot dial ${target.number}: ${check.message}`;
}

/** Why a callback the agent is on cannot be transferred yet (its customer has not answered). */
function notYetConnected(run: ContactRun): string | undefined {
  const cb = run.s.callback;
  if (!cb || cb.phase === 'connected') return undefined;
  const doing =
    cb.phase === 'dialling' ? `${cb.request.number} is being dialled` : 'the outbound whisper is playing';
  return `the callback is not connected yet (${doing}): it can be transferred once the customer answers`;
}

/**
 * The queue a transfer to an agent or a number falls back to: the one the contact came through, or for
 * an agent's own callback (which has none) the queue it was placed for (outbound caller ID, whisper).
 */
function homeQueue(run: ContactRun): { name: string; since: number } | undefined {
  if (run.s.queue) return run.s.queue;
  const request = run.s.callback?.request;
  if (!request || !ownEntry(run.env.resources.queues, request.queue)) return undefined;
  return { name: request.queue, since: request.enqueuedAt };
}

/** A transferred callback's request is complete; the contact goes on as a call (never dialled again). */
function continueAsCall(run: ContactRun): void {
  const home = homeQueue(run);
  callbackTransferred(run);
  if (!run.s.queue && home) run.s.queue = { name: home.name, since: home.since };
  run.trace.note('the callback request is complete: the customer stays on the line and goes on as a call');
}

/** The agent is free at once: the host moves them to wrap-up. */
function release(run: ContactRun, agent: string, reason: string): void {
  run.commands.emit({ type: 'releaseAgent', agent, reason });
  delete run.s.system.agentName;
}

/** While the caller waits: the queue's customer-queue flow, or hold music. */
function wait(run: ContactRun): void {
  run.trace.flush();
  const flow = customerQueueFlow(run);
  if (flow) run.push('customerQueue', flow);
  else holdInQueue(run);
}

/**
 * The contact is passed over for `from` in its queue from now on: only the agent whose transfer put it
 * there (docs/domain.md#transfers), so an agent who transferred it earlier may take it again. The ACD still offers
 * it to `from` when no other agent is free to take it (`SimpleAcd.match`).
 */
function toQueue(run: ContactRun, from: string, queue: string): void {
  const exclude = [from];
  release(run, from, `transferred the contact to queue ${queue}`);
  // A new queue, a new place; the contact's variables travel with it.
  enqueue(run, queue, run.now, exclude);
  run.commands.emit({
    type: 'transferResult',
    agent: from,
    result: 'transferred',
    target: { queue },
    reason: `the contact waits in queue ${queue}; it is offered to ${from} only when no other agent is free to take it`,
  });
  wait(run);
}

function toAgent(run: ContactRun, from: string, to: string): void {
  const queue = run.s.queue;
  if (!queue) return;
  // A RONA puts the contact back in its queue: passed over for `from` there, as for a queue target.
  const exclude = [from];
  release(run, from, `transferred the contact to agent ${to}`);
  // The contact keeps the queue it came through (and its place): a RONA sends it back there.
  run.s.queue = { name: queue.name, since: queue.since, exclude };
  run.s.status = 'queued';
  offerTo(run, to, true);
  run.commands.emit({
    type: 'transferResult',
    agent: from,
    result: 'transferred',
    target: { agent: to },
    reason: `offered to ${to}; if ${to} does not answer, the contact goes back to queue ${queue.name}`,
  });
  wait(run);
}

function toNumber(run: ContactRun, from: string, raw: string, agentChoice?: string): void {
  const queue = run.s.queue;
  const check = checkDialNumber(raw, dialOptions(run));
  if (!queue || !check.ok) return;
  // An agent transferring during an active call shows the outbound caller ID of the call's queue.
  const decision = resolveCallerId({
    purpose: 'agentOutbound',
    resources: run.env.resources,
    ...(run.s.callerNumber ? { callerNumber: run.s.callerNumber } : {}),
    dialedNumber: check.e164,
    queue: queue.name,
    agent: from,
    ...(agentChoice !== undefined ? { agentChoice } : {}),
    activeCall: true,
    variables: (name) => run.vars.lookup(undefined, name),
    ...(run.env.random ? { random: run.env.random } : {}),
  });
  run.trace.with({
    callerId: {
      ...(decision.number ? { number: decision.number } : {}),
      ...(decision.name ? { name: decision.name } : {}),
      rule: decision.rule,
      reason: decision.reason,
      rejected: decision.rejected,
    },
  });
  release(run, from, `transferred the contact to ${check.e164}`);
  run.commands.emit({ type: 'play', to: 'caller', prompt: { text: 'hold music' }, loop: true });
  const dialRef = run.commands.emit({
    type: 'dial',
    purpose: 'transfer',
    to: check.e164,
    ...(check.postDial ? { sendDigits: check.postDial } : {}),
    ...(decision.number ? { callerId: decision.number } : {}),
    ...(decision.name ? { callerIdName: decision.name } : {}),
    timeoutSeconds: AGENT_TRANSFER_DIAL_SECONDS,
  });
  // A safety net a few seconds after the adapter's own no-answer timeout.
  const timerId = run.commands.startTimer(AGENT_TRANSFER_DIAL_SECONDS + 5, 'transferNoAnswer');
  run.s.transfer = { from, number: check.e164, dialRef, timerId, queue: queue.name, since: queue.since };
  run.s.queue = {
    name: queue.name,
    since: queue.since,
    ...(queue.exclude ? { exclude: queue.exclude } : {}),
  };
  run.s.status = 'transferring';
  run.commands.emit({
    type: 'transferResult',
    agent: from,
    result: 'transferred',
    target: { number: check.e164 },
    reason: `dialling ${check.e164} with caller ID ${decision.number ?? 'none'} (${decision.rule})`,
    callerId: {
      ...(decision.number ? { number: decision.number } : {}),
      rule: decision.rule,
      reason: decision.reason,
      rejected: decision.rejected,
    },
  });
}

/** The result of the transfer's dial, its safety timer, or an adapter failure; false if not ours. */
export function onTransferEvent(run: ContactRun, event: ContactEvent): boolean {
  const t = run.s.transfer;
  if (!t) return false;
  if (event.type === 'timer' && event.timerId === t.timerId) {
    run.trace.begin({ event: 'timer', note: `no answer from ${t.number} in time` });
    run.commands.emit({ type: 'cancelDial', dialRef: t.dialRef });
    backToQueue(run, 'no answer');
    return true;
  }
  if (event.type === 'adapterError' && event.ref === t.dialRef) {
    run.trace.begin({ event: event.type, error: { code: 'RT106', detail: event.message } });
    backToQueue(run, 'the call could not be placed');
    return true;
  }
  if (event.type !== 'dialResult' || event.ref !== t.dialRef) return false;
  run.trace.begin({ event: event.type, outcome: event.result });
  run.commands.cancelTimer(t.timerId);
  if (event.result === 'answered') {
    run.commands.emit({ type: 'stopPlayback', to: 'caller' });
    run.commands.emit({ type: 'bridge', dialRef: t.dialRef });
    delete run.s.transfer;
    run.finish(`transferred to an external number by ${t.from}`, false);
    run.s.status = 'transferred';
    return true;
  }
  const why = { busy: 'busy', noAnswer: 'no answer', failed: 'the call failed', completed: 'no answer' };
  backToQueue(run, why[event.result]);
  return true;
}

/** The number did not take the call: the contact goes back to the queue it came from, at its place. */
function backToQueue(run: ContactRun, why: string): void {
  const t = run.s.transfer;
  if (!t) return;
  run.commands.cancelTimer(t.timerId);
  delete run.s.transfer;
  run.trace.note(`${t.number}: ${why}; back to queue ${t.queue}`);
  run.commands.emit({ type: 'stopPlayback', to: 'caller' });
  enqueue(run, t.queue, t.since, run.s.queue?.exclude);
  wait(run);
}

/**
 * The customer of a transferred callback hangs up (their leg reports `completed`) or their leg fails,
 * wherever the contact is now: in a queue, offered, with another agent or ringing a number.
 */
export function onTransferredCustomerLeg(run: ContactRun, event: ContactEvent): boolean {
  const cb = run.s.callback;
  if (!cb || !isTransferredCallback(run.s)) return false;
  if (event.type !== 'dialResult' && event.type !== 'adapterError') return false;
  if (event.ref !== cb.dialRef || (event.type === 'dialResult' && event.result === 'answered')) return false;
  run.trace.begin({ event: event.type, outcome: event.type === 'dialResult' ? event.result : 'failed' });
  cancelTransferDial(run);
  run.finish('caller hung up');
  return true;
}

/** The caller hangs up while the transfer rings: stop dialling. */
export function cancelTransferDial(run: ContactRun): void {
  const t = run.s.transfer;
  if (!t) return;
  run.commands.emit({ type: 'cancelDial', dialRef: t.dialRef });
  run.commands.cancelTimer(t.timerId);
  delete run.s.transfer;
}
