import { ownEntry } from '@callflow/model';
import { isContactOver } from '../rules/contact-over.js';
import { callbackPopover, popoverFor } from '../rules/popover.js';
import type { Command, ContactEvent, ContactSnapshot, EngineEnv, PopoverItem } from '../types.js';
import { isTransferredCallback } from './callback-state.js';
import { DEFAULT_OFFER_TIMEOUT_SECONDS } from './limits.js';
import { ContactRun } from './run.js';
import type { EngineWiring } from './wiring.js';

/**
 * Queueing as one contact sees it. The host's ACD owns the queues and the agents: it tells a queued
 * contact `agentAvailable` when an Available agent of the queue's group is free; the contact offers
 * itself (popover), and the agent accepts (`agentAccepted`), ignores it (`agentNoAnswer`) or lets the
 * offer time out (a timer here). RONA puts the contact back in the queue at its old place.
 */

/**
 * Puts the contact in `queue` (from its original place `since`) and starts the customer-queue flow.
 * `exclude` is the agent whose transfer put the contact there: the ACD passes them over while another
 * agent is free to take it.
 */
export function enqueue(run: ContactRun, queue: string, since: number, exclude?: string[]): void {
  run.s.queue = exclude?.length ? { name: queue, since, exclude } : { name: queue, since };
  run.s.system.queueName = queue;
  run.s.status = 'queued';
  emitEnqueue(run, queue, since);
}

function emitEnqueue(run: ContactRun, queue: string, since: number): void {
  const resource = ownEntry(run.env.resources.queues, queue);
  const exclude = run.s.queue?.exclude;
  const routing = run.s.routing;
  run.commands.emit({
    type: 'enqueue',
    queue,
    agentGroup: resource?.agentGroup ?? '',
    enqueuedAt: since,
    kind: queuedKind(run.s),
    ...(exclude?.length ? { exclude: [...exclude] } : {}),
    ...(routing?.priority ? { priority: routing.priority } : {}),
    ...(routing?.creditSeconds ? { creditSeconds: routing.creditSeconds } : {}),
  });
}

/**
 * Set routing priority changed the order of a contact already waiting: the ACD is told its place again
 * (same queue, same `since`). An offer in progress keeps its agent; a RONA re-queues with the new order.
 */
export function reorder(run: ContactRun): boolean {
  const queue = run.s.queue;
  if (!queue || run.s.status !== 'queued' || queue.agent) return false;
  emitEnqueue(run, queue.name, queue.since);
  return true;
}

type OfferToAgent = Extract<Command, { type: 'offerToAgent' }>;

/** Offers the contact to one agent (the ACD's match, or an agent's transfer straight to a colleague). */
export function offerTo(run: ContactRun, agent: string, direct = false): void {
  const queue = run.s.queue;
  if (!queue) return;
  const offer = offerFor(run, agent, queue.name);
  const ref = run.commands.emit(offer);
  const timerId = run.commands.startTimer(offer.timeoutSeconds, 'offerTimeout');
  run.s.queue = { ...queue, offer: direct ? { agent, ref, timerId, direct } : { agent, ref, timerId } };
  run.s.status = 'offered';
}

/**
 * The offer a stored contact is making (status `offered`) as the agent's desktop shows it, built the
 * way it was made: a host restoring the contact shows the agent the same offer (title, popover with
 * secure variables left out), with the ref of the one the agent can still accept.
 */
export function currentOffer(
  wiring: EngineWiring,
  env: EngineEnv,
  snapshot: ContactSnapshot,
): OfferToAgent | undefined {
  const queue = snapshot.queue;
  const offer = queue?.offer;
  if (!queue || !offer || snapshot.status !== 'offered') return undefined;
  return { ...offerFor(new ContactRun(wiring, env, snapshot), offer.agent, queue.name), ref: offer.ref };
}

function offerFor(run: ContactRun, agent: string, queue: string): Omit<OfferToAgent, 'ref'> {
  const resource = ownEntry(run.env.resources.queues, queue);
  return {
    type: 'offerToAgent',
    agent,
    queue,
    kind: queuedKind(run.s),
    ...offerDetails(run, queue),
    timeoutSeconds: resource?.offerTimeoutSeconds ?? DEFAULT_OFFER_TIMEOUT_SECONDS,
  };
}

/** A transferred callback waits as a call: its customer is on the line already (no new line, no dial). */
export function queuedKind(s: ContactSnapshot): 'call' | 'callback' {
  return s.callback && !isTransferredCallback(s) ? 'callback' : 'call';
}

/**
 * What the agent sees: the flow's popover for a call, "Callback" with number, queue and DNIS for a
 * callback. A transferred callback is a call titled with its queue, still showing who the customer is.
 */
function offerDetails(run: ContactRun, queue: string): { title: string; popover: PopoverItem[] } {
  const resource = ownEntry(run.env.resources.queues, queue);
  const cb = run.s.callback;
  if (cb) {
    const popover: PopoverItem[] = callbackPopover({
      customerNumber: cb.request.number,
      queueName: resource?.displayName ?? queue,
      dialedNumber: cb.request.dialedNumber,
    });
    if (cb.request.name) popover.push({ label: 'Name', name: 'name', value: cb.request.name });
    const voicemail = cb.request.voicemail;
    // The agent hears the message before calling back: the desktop links the recording.
    if (voicemail)
      popover.push({
        label: 'Voicemail',
        name: '$voicemail',
        value: `${voicemail.recordingUrl} (${voicemail.durationSeconds} s)`,
      });
    const title = isTransferredCallback(run.s) ? (resource?.displayName ?? queue) : 'Callback';
    return { title, popover };
  }
  const root = run.flows.root();
  return {
    title: resource?.displayName ?? queue,
    // A copy of a secure value in a viewable variable stays masked on the desktop.
    popover: [
      ...(root
        ? popoverFor(root, { ...run.s.variables }).map((item) => ({
            ...item,
            value: run.secrets.agentValue(item.name, item.value),
          }))
        : []),
      ...routingPopover(run),
    ],
  };
}

/**
 * The queue data of a contact whose routing a flow changed: its priority, and its time in queue as the
 * ACD counted it (the credit included), so the agent sees why it came first.
 */
function routingPopover(run: ContactRun): PopoverItem[] {
  const routing = run.s.routing;
  const since = run.s.queue?.since;
  if (!routing || since === undefined) return [];
  const waited = Math.max(0, Math.floor((run.now - since) / 1000)) + routing.creditSeconds;
  return [
    { label: 'Routing priority', name: '$routingPriority', value: routing.priority },
    {
      label: 'Time in queue',
      name: '$queueSeconds',
      value: routing.creditSeconds ? `${waited} s (${routing.creditSeconds} s credited)` : `${waited} s`,
    },
  ];
}

/**
 * Why the contact cannot go to `queue` yet: a flow the queue would run for it (its customer-queue flow,
 * the agent and customer whispers in effect) has no live version. Checked before queueing, so that the
 * Transfer to queue block takes its `error` outcome instead of the caller meeting a missing flow later.
 */
export function unpublishedQueueFlow(run: ContactRun, queue: string): string | undefined {
  const resource = ownEntry(run.env.resources.queues, queue);
  const needed: [string | undefined, string][] = [
    [run.s.queueFlow ?? resource?.customerQueueFlow, 'customer-queue flow'],
    [run.s.whisper.agent ?? resource?.agentWhisperFlow, 'agent whisper flow'],
    [run.s.whisper.customer ?? resource?.customerWhisperFlow, 'customer whisper flow'],
  ];
  for (const [flow, what] of needed) {
    if (flow && !run.flows.compiled(flow)) return `the ${what} "${flow}" of queue ${queue} is not published`;
  }
  return undefined;
}

/**
 * The customer-queue flow the queued contact hears: the one a Set customer queue flow block chose, else
 * its queue's own, if it has one.
 */
export function customerQueueFlow(run: ContactRun): string | undefined {
  const queue = run.s.queue?.name;
  if (!queue) return undefined;
  return run.s.queueFlow ?? ownEntry(run.env.resources.queues, queue)?.customerQueueFlow;
}

/** Transfer to queue inside a customer-queue flow: a new queue, a new place, the new queue's flow. */
export function moveToQueue(run: ContactRun, queue: string): void {
  const old = run.s.queue;
  if (old) {
    if (old.offer) withdraw(run, false);
    run.commands.emit({ type: 'dequeue', queue: old.name, reason: `moved to queue ${queue}` });
  }
  const index = run.s.stack.findIndex((f) => f.kind === 'customerQueue');
  if (index >= 0) run.dropFrames(index);
  run.commands.emit({ type: 'stopPlayback', to: 'caller' });
  enqueue(run, queue, run.now, old?.exclude);
  run.trace.note(`moved to queue ${queue}`);
  run.trace.flush();
  const flow = customerQueueFlow(run);
  if (flow) run.push('customerQueue', flow);
  else holdInQueue(run);
}

/** The caller keeps waiting with the default hold music (no customer-queue flow, or it ended). */
export function holdInQueue(run: ContactRun): void {
  if (run.s.status !== 'queued' && run.s.status !== 'offered') return;
  run.trace.begin({ note: 'the caller waits in the queue with hold music' });
  run.commands.emit({ type: 'play', to: 'caller', prompt: { text: 'hold music' }, loop: true });
  run.trace.flush();
}

export function onQueueEvent(run: ContactRun, event: ContactEvent): true | string {
  const queue = run.s.queue;
  if (event.type === 'agentAvailable') {
    if (!queue || run.s.status !== 'queued') return 'the contact is not waiting in a queue';
    run.trace.begin({ event: event.type, note: `agent ${event.agent} is available` });
    offerTo(run, event.agent);
    return true;
  }
  if (event.type === 'agentNoAnswer') {
    if (!queue?.offer || queue.offer.agent !== event.agent)
      return `the contact is not offered to ${event.agent}`;
    run.trace.begin({ event: event.type });
    withdraw(run, true);
    return true;
  }
  if (event.type === 'agentAccepted') {
    if (!queue?.offer || queue.offer.agent !== event.agent)
      return `the contact is not offered to ${event.agent}`;
    run.trace.begin({ event: event.type, note: `agent ${event.agent} accepted` });
    run.commands.cancelTimer(queue.offer.timerId);
    run.s.queue = queue.exclude
      ? { name: queue.name, since: queue.since, agent: event.agent, exclude: queue.exclude }
      : { name: queue.name, since: queue.since, agent: event.agent };
    run.s.system.agentName = event.agent;
    run.commands.emit({ type: 'dequeue', queue: queue.name, reason: `accepted by ${event.agent}` });
    if (run.s.callback && !isTransferredCallback(run.s)) {
      run.wiring.onCallbackAccepted(run, event.agent);
      return true;
    }
    const index = run.s.stack.findIndex((f) => f.kind === 'customerQueue');
    if (index >= 0) run.dropFrames(index);
    run.commands.emit({ type: 'stopPlayback', to: 'caller' });
    run.s.status = 'whisper';
    run.trace.flush();
    startWhisper(run, 'agentWhisper');
    return true;
  }
  return `${event.type} is not a queue event`;
}

/** The offer timed out: RONA. */
export function onQueueTimer(run: ContactRun, timerId: string): boolean {
  const offer = run.s.queue?.offer;
  if (!offer || offer.timerId !== timerId) return false;
  run.trace.begin({ event: 'timer', note: `agent ${offer.agent} did not answer in time` });
  withdraw(run, true);
  return true;
}

/** Ends the current offer; the contact goes back to its place in the queue. */
function withdraw(run: ContactRun, rona: boolean): void {
  const queue = run.s.queue;
  if (!queue?.offer) return;
  run.commands.cancelTimer(queue.offer.timerId);
  run.commands.emit({ type: 'withdrawOffer', agent: queue.offer.agent, rona });
  if (rona) run.trace.note(`agent ${queue.offer.agent} set to RONA; back to the queue at the same place`);
  run.s.queue = queue.exclude
    ? { name: queue.name, since: queue.since, exclude: queue.exclude }
    : { name: queue.name, since: queue.since };
  run.s.status = 'queued';
  // RONA, or a direct offer (an agent's transfer to a colleague) that was not taken: back in the queue.
  if (rona || queue.offer.direct === true) emitEnqueue(run, queue.name, queue.since);
}

/** Agent whisper (to the agent), then customer whisper (to the caller), then the bridge. */
function startWhisper(run: ContactRun, kind: 'agentWhisper' | 'customerWhisper'): void {
  const queue = run.s.queue?.name;
  const resource = queue ? ownEntry(run.env.resources.queues, queue) : undefined;
  const flow =
    kind === 'agentWhisper'
      ? (run.s.whisper.agent ?? resource?.agentWhisperFlow)
      : (run.s.whisper.customer ?? resource?.customerWhisperFlow);
  if (flow) {
    run.push(kind, flow);
    return;
  }
  afterWhisper(run, kind);
}

export function afterWhisper(run: ContactRun, kind: 'agentWhisper' | 'customerWhisper'): void {
  if (isContactOver(run.s)) return;
  if (kind === 'agentWhisper') {
    startWhisper(run, 'customerWhisper');
    return;
  }
  const agent = run.s.queue?.agent;
  run.trace.begin({ note: `connected to agent ${agent ?? '?'}` });
  run.commands.emit(agent ? { type: 'bridge', agent } : { type: 'bridge' });
  run.s.status = 'connected';
  // "The flow ends once an agent is connected": nothing of the flows is left to run.
  run.dropFrames(0);
  run.trace.flush();
}
