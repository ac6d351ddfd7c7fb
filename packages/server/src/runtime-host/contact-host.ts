import { randomUUID } from 'node:crypto';
import type { Resources } from '@callflow/model';
import {
  type AgentState,
  type CallbackRequest,
  type CapacityFigures,
  type Command,
  type ContactEvent,
  type ContactSnapshot,
  capacityEvent,
  type EngineEnv,
  executeHttpRequest,
  isTelephonyCommand,
  LiveCalls,
  refusedDial,
  SimpleAcd,
  SimulatedTelephony,
  type StepResult,
  startAgentCallback,
  startCallback,
  startContact,
  startWebCallback,
  step,
  type TelephonyAdapter,
  type TelephonyCommand,
  type TraceEntry,
  type TransferTarget,
} from '@callflow/runtime';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { EventBus } from '../ops/event-bus.js';
import type { ServiceMetrics } from '../ops/metrics.js';
import type { PublishedVersions } from '../store/published-versions.js';
import {
  type CallbackKind,
  ContactRepository,
  type NewCallback,
  type StoredContact,
} from './contact-repository.js';
import { publishedFlowSource } from './published-flow-source.js';
import { WallClock } from './wall-clock.js';

type OfferCommand = Extract<Command, { type: 'offerToAgent' }>;
type HostCommand = Exclude<Command, TelephonyCommand>;

export interface ContactHostOptions {
  db: Db;
  published: PublishedVersions;
  /** The resources the contacts run against; read at every step (the file may change). */
  resources: () => Resources;
  events: EventBus;
  metrics: ServiceMetrics;
  logger: Logger;
  clock?: WallClock;
  /** How long the simulated telephony takes to play a prompt (seconds); 0 = at once. */
  promptSeconds?: number;
  /**
   * Real telephony (Twilio) beside the simulator. Contacts whose id starts with `prefix` — calls it
   * starts, web and agent callbacks, and the courtesy callbacks of its calls (their ids extend the
   * caller's) — run on it; simulated calls from the API stay on the simulator.
   */
  live?: { adapter: TelephonyAdapter; prefix: string };
  /** HTTP-request blocks: `live` calls out (address guard, timeout, size cap), `off` answers an error. */
  httpRequests?: 'live' | 'off';
  fetch?: typeof fetch;
}

/** The engine's answer to an agent's transfer; `target` as the engine took it (a number in E.164). */
export interface TransferAnswer {
  result: 'transferred' | 'refused';
  reason: string;
  target?: TransferTarget;
}

interface Inbound {
  contactId: string;
  event: ContactEvent;
  after?: (result: StepResult | undefined) => void;
}

const ENDED = new Set(['ended', 'transferred']);

/**
 * Runs published flows for live contacts: the pure engine, the simulator adapter as the telephony
 * provider, and a simple ACD for agents. Every step is persisted (snapshot, timers, callback requests)
 * before its commands are carried out, so after a crash the next start continues each contact from its
 * last step: timers are re-armed from their absolute deadlines and unanswered telephony commands are
 * sent again. Steps run one at a time (a synchronous inbox), so two events of one contact never race.
 */
export class ContactHost {
  readonly clock: WallClock;
  readonly telephony: SimulatedTelephony;
  readonly acd: SimpleAcd;
  readonly env: EngineEnv;
  readonly repository: ContactRepository;
  readonly #active = new Map<string, StoredContact>();
  readonly #timers = new Map<string, () => void>();
  readonly #offers = new Map<string, OfferCommand>();
  readonly #inbox: Inbound[] = [];
  /** Live calls against `resources.account.maxConcurrentCalls`. */
  readonly #calls = new LiveCalls();
  #draining = false;
  #stopped = false;

  constructor(private readonly options: ContactHostOptions) {
    this.clock = options.clock ?? new WallClock();
    this.repository = new ContactRepository(options.db);
    this.acd = new SimpleAcd(options.resources(), this.clock.now());
    this.telephony = new SimulatedTelephony({
      clock: this.clock,
      promptSeconds: () => options.promptSeconds ?? 0,
    });
    // The simulator numbers its events from 1 in every process; the engine drops ids it has seen, so
    // ids are made unique across restarts (a restored contact has seen the previous process's ids).
    const boot = randomUUID().slice(0, 8);
    this.telephony.subscribe((contactId, event) =>
      this.deliver(contactId, event.id === undefined ? event : { ...event, id: `${boot}:${event.id}` }),
    );
    // Live adapters give every event a stable id of their own (providers retry across restarts too).
    options.live?.adapter.subscribe((contactId, event) => this.deliver(contactId, event));
    const flows = publishedFlowSource(options.published);
    const host = this;
    this.env = {
      flows,
      get resources() {
        return host.options.resources();
      },
      now: () => this.clock.now(),
      queues: this.acd,
    };
  }

  // -- start-up and shutdown ----------------------------------------------------------------------

  /** Reloads active contacts, agents, queues and timers after a start (or a crash). */
  restore(): { contacts: number; timers: number; callbacks: number } {
    this.syncAgents();
    for (const [name, state] of this.repository.agentStates()) {
      if (this.acd.agents.has(name)) this.acd.setState(name, state as AgentState, this.clock.now());
    }
    let timers = 0;
    for (const stored of this.repository.active()) {
      const s = stored.snapshot;
      this.#active.set(s.contactId, stored);
      this.#calls.track(s);
      this.connect(s.contactId);
      this.requeue(s);
      for (const timer of s.timers) {
        this.armTimer(s.contactId, timer.id, timer.at);
        timers += 1;
      }
      for (const command of stored.pending) {
        if (isTelephonyCommand(command)) {
          this.#calls.command(s.contactId, command);
          this.telephonyFor(s.contactId).execute(s.contactId, command);
        } else if (command.type === 'httpRequest') this.http(s.contactId, command);
      }
    }
    const unstarted = this.repository.unstartedCallbacks();
    for (const request of unstarted) this.startCallbackContact(request);
    this.updateGauge();
    this.match();
    return { contacts: this.#active.size, timers, callbacks: unstarted.length };
  }

  /** Stops timers; nothing is lost: every step is already in the store. */
  stop(): void {
    this.#stopped = true;
    for (const cancel of this.#timers.values()) cancel();
    this.#timers.clear();
    this.clock.stop();
  }

  get activeCount(): number {
    return this.#active.size;
  }

  /** Live calls against the account's maximum concurrent calls (read from the resources each time). */
  capacity(): CapacityFigures {
    return this.#calls.figures(this.options.resources().account.maxConcurrentCalls);
  }

  // -- contacts -----------------------------------------------------------------------------------

  startCall(p: { flow: string; from?: string; to: string }): ContactSnapshot {
    const contactId = randomUUID();
    this.connect(contactId);
    const result = startContact(this.env, {
      contactId,
      flowId: p.flow,
      dialedNumber: p.to,
      ...(p.from ? { callerNumber: p.from } : {}),
    });
    this.apply(contactId, result);
    this.drain();
    return this.snapshot(contactId) ?? result.snapshot;
  }

  /** A real call a live adapter answered: starts the contact under the adapter's own id. */
  startLiveCall(p: { contactId: string; flow: string; from?: string; to: string }): void {
    if (this.#active.has(p.contactId) || this.repository.load(p.contactId)) return; // a retried webhook
    const result = startContact(this.env, {
      contactId: p.contactId,
      flowId: p.flow,
      dialedNumber: p.to,
      ...(p.from ? { callerNumber: p.from } : {}),
    });
    this.apply(p.contactId, result);
    this.drain();
  }

  /** A caller action (keys, hang-up) or any event, applied now; returns the contact after the step. */
  send(
    contactId: string,
    action: { type: 'digits'; digits: string } | { type: 'hangUp' } | ContactEvent,
  ): ContactSnapshot | undefined {
    if (this.isLive(contactId)) {
      if (action.type !== 'digits' && action.type !== 'hangUp') this.deliver(contactId, action);
    } else if (action.type === 'digits') this.telephony.press(contactId, action.digits);
    else if (action.type === 'hangUp') this.telephony.hangUp(contactId);
    else this.deliver(contactId, action);
    return this.snapshot(contactId);
  }

  /** An agent edits a variable; resolves with the engine's answer (saved, conflict, refused). */
  updateVariable(contactId: string, agent: string, name: string, value: unknown, version: number) {
    let answer: Extract<Command, { type: 'variableUpdate' }> | undefined;
    this.deliver(contactId, { type: 'updateVariable', agent, name, value, version }, (result) => {
      answer = result?.commands.find(
        (c): c is Extract<Command, { type: 'variableUpdate' }> =>
          c.type === 'variableUpdate' && c.name === name,
      );
    });
    return answer;
  }

  snapshot(contactId: string): ContactSnapshot | undefined {
    return (this.#active.get(contactId) ?? this.repository.load(contactId))?.snapshot;
  }

  activeContacts(): ContactSnapshot[] {
    return [...this.#active.values()].map((c) => c.snapshot);
  }

  // -- callbacks ----------------------------------------------------------------------------------

  webCallback(p: { name?: string; number: string; queue: string }, requestedBy: string): ContactSnapshot {
    const contactId = this.callbackId();
    this.connect(contactId);
    const result = startWebCallback(this.env, {
      contactId,
      name: p.name ?? '',
      number: p.number,
      queue: p.queue,
    });
    const request = result.snapshot.callback?.request;
    this.apply(contactId, result, request ? [{ kind: 'web', request, requestedBy }] : []);
    this.drain();
    return this.snapshot(contactId) ?? result.snapshot;
  }

  agentCallback(p: { agent: string; number: string }, requestedBy: string): ContactSnapshot {
    const contactId = this.callbackId();
    this.connect(contactId);
    const agent = this.acd.agents.get(p.agent);
    if (agent) {
      agent.state = 'Busy';
      agent.contactId = contactId;
      this.persistAgent(p.agent);
    }
    const result = startAgentCallback(this.env, { contactId, agent: p.agent, number: p.number });
    const request = result.snapshot.callback?.request;
    this.apply(contactId, result, request ? [{ kind: 'agent', request, requestedBy }] : []);
    this.drain();
    return this.snapshot(contactId) ?? result.snapshot;
  }

  /** Cancels a callback request that has not been connected yet. */
  cancelCallback(id: string, by: string): boolean {
    const stored = this.#active.get(id);
    if (stored) {
      const s: ContactSnapshot = {
        ...stored.snapshot,
        status: 'ended',
        endReason: `callback cancelled by ${by}`,
        timers: [],
      };
      this.acd.dequeue(id);
      this.cancelTimersOf(id, stored.snapshot);
      this.telephonyFor(id).execute(id, { type: 'hangup', reason: 'callback cancelled' });
      this.repository.save(id, { snapshot: s, pending: [] }, []);
      this.#active.delete(id);
      this.updateGauge();
      if (this.#calls.drop(id) && this.acd.held.size > 0) this.match();
    }
    this.repository.setCallbackStatus(id, 'cancelled');
    this.options.events.publish({ type: 'callback.cancelled', callbackId: id });
    return true;
  }

  // -- telephony routing --------------------------------------------------------------------------

  private isLive(contactId: string): boolean {
    return this.options.live !== undefined && contactId.startsWith(this.options.live.prefix);
  }

  private telephonyFor(contactId: string): TelephonyAdapter {
    return this.isLive(contactId) && this.options.live ? this.options.live.adapter : this.telephony;
  }

  /** The simulator keeps a leg per contact; live providers have their own. */
  private connect(contactId: string): void {
    if (!this.isLive(contactId)) this.telephony.connect(contactId);
  }

  /** Web and agent callbacks dial for real when a live provider is configured. */
  private callbackId(): string {
    return `${this.options.live?.prefix ?? ''}cb-${randomUUID()}`;
  }

  // -- agents -------------------------------------------------------------------------------------

  setAgentState(name: string, state: AgentState): void {
    this.acd.setState(name, state, this.clock.now());
    this.persistAgent(name);
    this.match();
  }

  offerOf(agent: string): OfferCommand | undefined {
    return this.#offers.get(agent);
  }

  /** The agent accepts the contact offered to them; false when there is no offer. */
  accept(name: string): boolean {
    const agent = this.acd.agents.get(name);
    const contactId = agent?.contactId;
    if (!agent || !contactId || !agent.offered) return false;
    let took = false;
    this.deliver(contactId, { type: 'agentAccepted', agent: name }, (result) => {
      took = result?.snapshot.queue?.agent === name || result?.snapshot.callback?.agent === name;
      if (!took) return;
      this.#offers.delete(name);
      this.acd.accepted(name, contactId);
      this.persistAgent(name);
    });
    return took;
  }

  /** The agent's blind transfer of their connected contact: the engine's answer, or why it was not taken. */
  transfer(name: string, target: TransferTarget): TransferAnswer {
    const contactId = this.acd.agents.get(name)?.contactId;
    let answer: TransferAnswer = {
      result: 'refused',
      reason: `${name} has no connected contact`,
    };
    if (!contactId || !this.#active.has(contactId)) return answer;
    this.deliver(contactId, { type: 'agentTransfer', agent: name, target }, (result) => {
      const told = result?.commands.find((c) => c.type === 'transferResult' && c.agent === name);
      if (told?.type === 'transferResult')
        answer = { result: told.result, reason: told.reason, target: told.target };
      else {
        const ignored = result?.trace.find((e) => e.ignored)?.ignored;
        if (ignored) answer = { result: 'refused', reason: ignored };
      }
    });
    return answer;
  }

  wrapUp(name: string, reason: string): void {
    this.options.events.publish({ type: 'agent.wrapUp', agent: name, reason });
    this.setAgentState(name, 'Available');
  }

  /** Keeps the ACD's agents in step with the resources file (agents added since the start). */
  syncAgents(): void {
    const resources = this.options.resources();
    for (const [name, agent] of Object.entries(resources.agents)) {
      if (!this.acd.agents.has(name)) {
        this.acd.agents.set(name, {
          name,
          groups: agent.groups,
          state: 'Offline',
          idleSince: this.clock.now(),
          offered: false,
        });
      }
    }
  }

  // -- the host loop ------------------------------------------------------------------------------

  private deliver(
    contactId: string,
    event: ContactEvent,
    after?: (result: StepResult | undefined) => void,
  ): void {
    if (this.#stopped) return;
    this.#inbox.push(after ? { contactId, event, after } : { contactId, event });
    this.drain();
  }

  private drain(): void {
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let next = this.#inbox.shift(); next; next = this.#inbox.shift()) {
        const stored = this.#active.get(next.contactId);
        if (!stored) {
          next.after?.(undefined);
          continue;
        }
        let result: StepResult;
        try {
          result = step(this.env, stored.snapshot, next.event);
        } catch (error) {
          this.options.metrics.errorsTotal.inc({ code: 'engine_exception' });
          this.options.logger.error(
            { err: error, contactId: next.contactId, event: next.event.type },
            'step failed',
          );
          next.after?.(undefined);
          continue;
        }
        this.apply(next.contactId, result, [], next.event);
        next.after?.(result);
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Persists the step, then carries out its commands (write-ahead: a crash re-sends, never loses). */
  private apply(
    contactId: string,
    result: StepResult,
    callbacks: NewCallback[] = [],
    cause?: ContactEvent,
  ): void {
    const s = result.snapshot;
    const previous = this.#active.get(contactId);
    const awaitable = result.commands.filter((c) => isTelephonyCommand(c) || c.type === 'httpRequest');
    const created = result.commands.flatMap((c) =>
      c.type === 'createCallback'
        ? [{ kind: 'flow' as CallbackKind, request: c.request, requestedBy: `flow:${s.flowId}` }]
        : [],
    );
    // A command whose result has arrived is done, even if its ref stays in the block's wait.
    const answered = cause && 'ref' in cause ? cause.ref : undefined;
    const earlier = (previous?.pending ?? []).filter((c) => !('ref' in c) || c.ref !== answered);
    const pending = stillAwaited(s, [...earlier, ...awaitable]);
    const stored: StoredContact = { snapshot: s, pending };
    // Newer engines hand each step's trace entries over in `result.trace` and keep only a tail in the
    // snapshot; older ones keep the whole trace in the snapshot. Entries are keyed by seq, so both work.
    const trace = (result as { trace?: TraceEntry[] }).trace ?? s.trace;
    this.repository.save(contactId, stored, [...callbacks, ...created], trace);
    this.options.metrics.stepsTotal.inc();
    // A line given back (a call ended, a transfer leg failed) lets a callback waiting for one go.
    const legFreed = cause ? this.#calls.event(contactId, cause) : false;
    let match = (this.#calls.track(s) || legFreed) && this.acd.held.size > 0;
    if (ENDED.has(s.status)) {
      this.#active.delete(contactId);
      this.cancelTimersOf(contactId, previous?.snapshot);
    } else this.#active.set(contactId, stored);
    this.updateGauge();
    for (const entry of trace) {
      if (entry.error)
        this.options.metrics.errorsTotal.inc({ code: entry.error.split(' ')[0] ?? 'contact_error' });
    }
    this.options.events.publish({
      type: 'contact.step',
      contactId,
      flowId: s.flowId,
      version: s.version,
      status: s.status,
      block: s.stack[s.stack.length - 1]?.block ?? null,
      steps: s.steps,
    });

    for (const command of result.commands) {
      if (isTelephonyCommand(command)) {
        if (command.type === 'hangup') this.releaseAgentOf(contactId);
        const refusal = refusedDial(command, this.capacity());
        if (refusal) {
          this.clock.at(this.clock.now(), () => this.deliver(contactId, refusal));
          continue;
        }
        this.#calls.command(contactId, command);
        this.telephonyFor(contactId).execute(contactId, command);
      } else match = this.host(contactId, command) || match;
    }
    for (const c of created) this.startCallbackContact(c.request);
    if (match) this.match();
  }

  /** Commands the host keeps; returns true when the ACD should look for matches. */
  private host(contactId: string, command: HostCommand): boolean {
    switch (command.type) {
      case 'startTimer':
        this.armTimer(contactId, command.timer.id, command.timer.at);
        return false;
      case 'cancelTimer': {
        const key = `${contactId}/${command.id}`;
        this.#timers.get(key)?.();
        this.#timers.delete(key);
        return false;
      }
      case 'enqueue':
        this.acd.enqueue(
          contactId,
          command.queue,
          command.agentGroup,
          command.enqueuedAt,
          command.kind,
          command.exclude,
        );
        return true;
      case 'dequeue':
        this.acd.dequeue(contactId);
        return false;
      case 'offerToAgent':
        // Offers from the ACD are reserved already; an agent's transfer offers to a colleague directly.
        this.acd.reserve(command.agent, contactId);
        this.#offers.set(command.agent, command);
        this.options.events.publish({
          type: 'agent.offer',
          agent: command.agent,
          contactId,
          queue: command.queue,
          title: command.title,
        });
        return false;
      case 'withdrawOffer':
        this.#offers.delete(command.agent);
        this.acd.offerWithdrawn(command.agent, contactId, command.rona, this.clock.now());
        this.persistAgent(command.agent);
        return true;
      case 'releaseAgent':
        this.acd.released(command.agent);
        this.persistAgent(command.agent);
        return true;
      case 'createCallback':
        return false;
      case 'httpRequest':
        this.http(contactId, command);
        return false;
      case 'variableUpdate':
        this.options.events.publish({
          type: 'contact.variable',
          contactId,
          agent: command.agent,
          name: command.name,
          result: command.result,
          version: command.version,
        });
        return false;
    }
    return false;
  }

  /** Carries out an HTTP-request block's call; the answer comes back as an `httpResult` event. */
  private http(contactId: string, command: Extract<Command, { type: 'httpRequest' }>): void {
    const ref = command.ref;
    if (this.options.httpRequests === 'off') {
      this.clock.at(this.clock.now(), () =>
        this.deliver(contactId, {
          type: 'httpResult',
          ref,
          error: 'HTTP requests are turned off (CALLFLOW_HTTP_REQUESTS=off)',
        }),
      );
      return;
    }
    const allowlist = this.options.resources().httpAllowlist ?? [];
    void executeHttpRequest(command, { fetch: this.options.fetch ?? fetch, allowlist }).then((event) =>
      this.deliver(contactId, { ...event, id: `http:${ref}` }),
    );
  }

  private startCallbackContact(request: CallbackRequest): void {
    if (this.#active.has(request.id) || this.repository.load(request.id)) return;
    this.connect(request.id);
    this.apply(request.id, startCallback(this.env, request));
  }

  private armTimer(contactId: string, timerId: string, at: number): void {
    const key = `${contactId}/${timerId}`;
    this.#timers.get(key)?.();
    this.#timers.set(
      key,
      this.clock.at(at, () => {
        this.#timers.delete(key);
        this.deliver(contactId, { type: 'timer', timerId });
      }),
    );
  }

  private cancelTimersOf(contactId: string, snapshot: ContactSnapshot | undefined): void {
    for (const timer of snapshot?.timers ?? []) {
      const key = `${contactId}/${timer.id}`;
      this.#timers.get(key)?.();
      this.#timers.delete(key);
    }
  }

  /** Puts a restored contact back in its queue at its old place, and its agent back on it. */
  private requeue(s: ContactSnapshot): void {
    const queue = s.queue;
    if (!queue) return;
    if ((s.status === 'queued' || s.status === 'offered') && !queue.agent) {
      const group = this.options.resources().queues[queue.name]?.agentGroup ?? '';
      // A direct offer (an agent's transfer to a colleague) is not in the ACD's queue until a RONA.
      if (!queue.offer?.direct)
        this.acd.enqueue(
          s.contactId,
          queue.name,
          group,
          queue.since,
          s.callback ? 'callback' : 'call',
          queue.exclude,
        );
      // An offer in progress stays with its agent, who can still accept it (its timer is restored too).
      const offeredTo = queue.offer ? this.acd.agents.get(queue.offer.agent) : undefined;
      if (offeredTo && offeredTo.contactId === undefined) {
        offeredTo.offered = true;
        offeredTo.contactId = s.contactId;
      }
    } else if (queue.agent) {
      const agent = this.acd.agents.get(queue.agent);
      if (agent) {
        agent.state = 'Busy';
        agent.contactId = s.contactId;
      }
    }
  }

  /** Offers waiting contacts to free agents; an offer the contact did not make frees the agent. */
  private match(): void {
    const capacity = this.capacity();
    const pairs = this.acd.match(this.#calls.free(capacity.limit));
    // A callback whose turn came without a free line says why it waits (trace, GET /api/callbacks), once.
    for (const contactId of this.acd.held) {
      if (this.snapshot(contactId)?.callback?.waitReason === undefined)
        this.deliver(contactId, capacityEvent(capacity, true));
    }
    for (const { agent, contactId } of pairs) {
      if (this.snapshot(contactId)?.callback?.waitReason !== undefined)
        this.deliver(contactId, capacityEvent(capacity, false));
      this.deliver(contactId, { type: 'agentAvailable', agent }, (result) => {
        const offered = result?.commands.some((c) => c.type === 'offerToAgent' && c.agent === agent);
        if (!offered) this.acd.unreserve(agent, contactId);
      });
    }
    for (const [name] of this.#offers) {
      const a = this.acd.agents.get(name);
      if (!a || a.state === 'Busy' || (!a.offered && a.contactId === undefined)) this.#offers.delete(name);
    }
  }

  private releaseAgentOf(contactId: string): void {
    for (const agent of this.acd.agents.values()) {
      if (agent.contactId !== contactId) continue;
      this.#offers.delete(agent.name);
      if (agent.state === 'Busy') this.acd.released(agent.name);
      else this.acd.unreserve(agent.name, contactId);
      this.persistAgent(agent.name);
    }
  }

  private persistAgent(name: string): void {
    const agent = this.acd.agents.get(name);
    if (!agent) return;
    this.repository.saveAgentState(name, agent.state);
    this.options.events.publish({ type: 'agent.state', agent: name, state: agent.state });
  }

  private updateGauge(): void {
    this.options.metrics.contactsActive.set(this.#active.size);
  }
}

/** Telephony commands whose result the snapshot still waits for (their ref appears in a wait). */
function stillAwaited(s: ContactSnapshot, commands: Command[]): Command[] {
  if (ENDED.has(s.status)) return [];
  const waiting = JSON.stringify([s.stack.map((f) => f.wait ?? null), s.callback ?? null]);
  const byRef = new Map<string, Command>();
  for (const c of commands) {
    if ('ref' in c && waiting.includes(JSON.stringify(c.ref))) byRef.set(c.ref, c);
  }
  return [...byRef.values()];
}
