import { randomUUID } from 'node:crypto';
import type { Resources } from '@callflow/model';
import {
  type AgentState,
  type CapacityFigures,
  CONSULT_PARTY_GONE,
  type Command,
  type ContactEvent,
  type ContactSnapshot,
  type EngineEnv,
  executeHttpRequest,
  HostCore,
  type HostObservers,
  isContactOver,
  type OfferCommand,
  SimpleAcd,
  SimulatedTelephony,
  startContact,
  startWebCallback,
  type TelephonyAdapter,
  TelephonyRouting,
  type TraceEntry,
  type TransferAnswer,
  type TransferTarget,
} from '@callflow/runtime';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { SecretBox } from '../db/secret-box.js';
import type { AgentTransferEvent, EventBus } from '../ops/event-bus.js';
import type { ServiceMetrics } from '../ops/metrics.js';
import type { PublishedVersions } from '../store/published-versions.js';
import type { PendingCallback } from './agent-desk.js';
import { CallLog, type CallLogStore } from './call-log.js';
import { Consults } from './consults.js';
import type { ContactRecords } from './contact-records.js';
import { ContactRepository } from './contact-repository.js';
import { DurableContacts } from './durable-contacts.js';
import { publishedFlowSource } from './published-flow-source.js';
import { WallClock } from './wall-clock.js';

export interface ContactHostOptions {
  db: Db;
  /** Where contacts are kept, when not in `db` (the PostgreSQL store of a center of many processes). */
  records?: ContactRecords;
  /** Seals what the store keeps of running contacts (they hold secure values). */
  secretBox: SecretBox;
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
  /** Where a center of several processes keeps the call logs; without it they are in memory only. */
  callLogStore?: CallLogStore;
}

export type { PendingCallback, TransferAnswer };

/**
 * Runs published flows for live contacts: the runtime's host core on the wall clock, with the simulator
 * adapter (and a live provider beside it) as telephony and a simple ACD for agents. Every step is
 * persisted (snapshot, timers, callback requests) before its commands are carried out, so after a crash
 * the next start continues each contact from its last step: timers are re-armed from their absolute
 * deadlines and unanswered telephony commands are sent again. Steps run one at a time (the core's
 * inbox), so two events of one contact never race. This class adds what only the service has: SQLite,
 * restore, live events, metrics, HTTP requests for real.
 */
export class ContactHost {
  readonly clock: WallClock;
  readonly telephony: SimulatedTelephony;
  readonly acd: SimpleAcd;
  readonly env: EngineEnv;
  readonly repository: ContactRecords;
  /** What was said and done on each contact's line, secure values masked (in memory, this process). */
  readonly callLog: CallLog;
  readonly #contacts: DurableContacts;
  readonly #core: HostCore;
  readonly #routing: TelephonyRouting;
  readonly #pending = new Map<string, PendingCallback>();
  /** The consults agents hold (stored, read back on start). */
  readonly consults: Consults;

  constructor(private readonly options: ContactHostOptions) {
    this.clock = options.clock ?? new WallClock();
    this.repository =
      options.records ??
      new ContactRepository(options.db, options.secretBox, (contactId, error) =>
        options.logger.error({ contactId, reason: error.message }, 'a stored contact cannot be opened'),
      );
    this.acd = new SimpleAcd(options.resources(), this.clock.now());
    this.telephony = new SimulatedTelephony({
      clock: this.clock,
      promptSeconds: () => options.promptSeconds ?? 0,
    });
    // The simulator numbers its events from 1 in every process; the engine drops ids it has seen, so
    // ids are made unique across restarts (a restored contact has seen the previous process's ids).
    const boot = randomUUID().slice(0, 8);
    this.#routing = new TelephonyRouting({
      simulated: this.telephony,
      ...(options.live ? { live: options.live } : {}),
      simulatedEventId: (id) => `${boot}:${id}`,
    });
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
    this.callLog = new CallLog({
      now: () => this.clock.now(),
      flow: (flowId, version) => flows.get(flowId, version)?.flow,
      ...(options.callLogStore
        ? { store: options.callLogStore, snapshot: (id: string) => this.repository.load(id)?.snapshot }
        : {}),
    });
    this.#contacts = new DurableContacts(this.repository, options.metrics, options.events, (s) =>
      this.callLog.stepSaved(s),
    );
    this.#core = new HostCore({
      env: this.env,
      clock: this.clock,
      acd: this.acd,
      telephony: this.#routing,
      store: this.#contacts,
      http: (_contactId, command, reply) => this.#http(command, reply),
      observers: this.#observers(),
    });
    this.consults = new Consults(this, options.resources, options.published, options.events);
    this.consults.onEnded = (consult, ended) => {
      // A leg that ended by itself (RT108) is in the contact's trace, which is counted with its step.
      if (ended.code === CONSULT_PARTY_GONE) options.metrics.errorsTotal.inc({ code: ended.code });
      options.logger.warn(
        { agent: consult.from, contactId: consult.contactId, code: ended.code, reason: ended.reason },
        'consult ended by the service',
      );
    };
  }

  // -- start-up and shutdown ----------------------------------------------------------------------

  /** Reloads active contacts, agents, queues and timers after a start (or a crash). */
  restore(): {
    contacts: number;
    timers: number;
    callbacks: number;
    sealed: number;
    pendingCallbacks: number;
    consults: number;
  } {
    const sealed = this.repository.sealPlainRows();
    this.syncAgents();
    for (const [name, state] of this.repository.agentStates()) {
      if (this.acd.agents.has(name)) this.acd.setState(name, state as AgentState, this.clock.now());
    }
    const stored = this.repository.active();
    for (const contact of stored) this.#contacts.active.set(contact.snapshot.contactId, contact);
    // Another process's logs of these contacts (a center's takeover), before their steps here add to them.
    const logs = this.options.callLogStore?.load([...this.#contacts.active.keys()]) ?? [];
    this.callLog.resume(logs, (id) => this.#contacts.active.get(id)?.snapshot);
    const unstarted = this.repository.unstartedCallbacks();
    const timers = this.#core.restore(stored, unstarted);
    this.#contacts.updateGauge();
    // What agents were preparing or consulting when the last process stopped (or was killed).
    this.#pending.clear();
    for (const [agent, pending] of this.repository.pendingCallbacks())
      if (this.acd.agents.has(agent)) this.#pending.set(agent, pending);
    const consults = this.consults.restore();
    return {
      contacts: this.#contacts.active.size,
      timers,
      callbacks: unstarted.length,
      sealed,
      pendingCallbacks: this.#pending.size,
      consults: consults.consults,
    };
  }

  /** Stops timers; nothing is lost: every step is already in the store. */
  stop(): void {
    this.#core.stop();
    this.clock.stop();
  }

  get activeCount(): number {
    return this.#contacts.active.size;
  }

  /** Live calls against the account's maximum concurrent calls (read from the resources each time). */
  capacity(): CapacityFigures {
    return this.#core.capacity();
  }

  /**
   * The resources file changed (saved, or changed on disk): a higher maximum of concurrent calls lets
   * waiting callbacks go at once, and new agents are known.
   */
  resourcesChanged(): void {
    this.#core.resourcesChanged();
  }

  // -- contacts -----------------------------------------------------------------------------------

  startCall(p: { flow: string; from?: string; to: string }): ContactSnapshot {
    const contactId = randomUUID();
    const result = this.#core.start(contactId, (env) =>
      startContact(env, {
        contactId,
        flowId: p.flow,
        dialedNumber: p.to,
        ...(p.from ? { callerNumber: p.from } : {}),
      }),
    );
    this.#core.drain();
    return this.snapshot(contactId) ?? result.snapshot;
  }

  /** A real call a live adapter answered: starts the contact under the adapter's own id. */
  startLiveCall(p: { contactId: string; flow: string; from?: string; to: string }): void {
    if (this.#contacts.has(p.contactId)) return; // a retried webhook
    this.#core.start(p.contactId, (env) =>
      startContact(env, {
        contactId: p.contactId,
        flowId: p.flow,
        dialedNumber: p.to,
        ...(p.from ? { callerNumber: p.from } : {}),
      }),
    );
    this.#core.drain();
  }

  /** A caller action (keys, hang-up) or any event, applied now; returns the contact after the step. */
  send(
    contactId: string,
    action: { type: 'digits'; digits: string } | { type: 'hangUp' } | ContactEvent,
  ): ContactSnapshot | undefined {
    return this.handle(contactId, action)?.snapshot;
  }

  /**
   * Applies a caller action or event and answers the contact as its step left it (`stepped`), or as it
   * is when no step ran (the contact is over, or runs in another process, or its line took no keys);
   * undefined when there is no such contact. The snapshot is read once: by the step, or, when none
   * ran, to answer.
   */
  handle(
    contactId: string,
    action: { type: 'digits'; digits: string } | { type: 'hangUp' } | ContactEvent,
  ): { snapshot: ContactSnapshot; stepped: boolean } | undefined {
    // Only a running contact takes events (the step reads it); any other is read once, to answer.
    const stepped = this.#contacts.running(contactId)
      ? this.#contacts.capture(contactId, () => {
          if (this.#routing.isLive(contactId)) {
            if (action.type !== 'digits' && action.type !== 'hangUp') this.#core.deliver(contactId, action);
          } else if (action.type === 'digits') this.telephony.press(contactId, action.digits);
          else if (action.type === 'hangUp') this.telephony.hangUp(contactId);
          else this.#core.deliver(contactId, action);
        })
      : undefined;
    if (stepped) return { snapshot: stepped, stepped: true };
    const now = this.snapshot(contactId);
    return now && { snapshot: now, stepped: false };
  }

  /** An agent edits a variable; resolves with the engine's answer (saved, conflict, refused). */
  updateVariable(contactId: string, agent: string, name: string, value: unknown, version: number) {
    return this.#core.agents.updateVariable(contactId, agent, name, value, version);
  }

  /** The contact as it is now (running here, or from the store); undefined when there is none. */
  snapshot(contactId: string): ContactSnapshot | undefined {
    return this.#contacts.find(contactId);
  }

  activeContacts(): ContactSnapshot[] {
    return [...this.#contacts.active.values()].map((c) => c.snapshot);
  }

  // -- callbacks ----------------------------------------------------------------------------------

  webCallback(p: { name?: string; number: string; queue: string }, requestedBy: string): ContactSnapshot {
    const contactId = this.#callbackId();
    const result = this.#core.start(
      contactId,
      (env) => startWebCallback(env, { contactId, name: p.name ?? '', number: p.number, queue: p.queue }),
      { kind: 'web', requestedBy },
    );
    this.#core.drain();
    return this.snapshot(contactId) ?? result.snapshot;
  }

  agentCallback(
    p: { agent: string; number: string; agentChoice?: string },
    requestedBy: string,
  ): ContactSnapshot {
    const contactId = this.#callbackId();
    const result = this.#core.agents.placeCallback(
      {
        contactId,
        agent: p.agent,
        number: p.number,
        ...(p.agentChoice ? { agentChoice: p.agentChoice } : {}),
      },
      { kind: 'agent', requestedBy },
    );
    return this.snapshot(contactId) ?? result.snapshot;
  }

  /** Cancels a callback request that has not been connected yet. */
  cancelCallback(id: string, by: string): boolean {
    const stored = this.#contacts.active.get(id);
    if (stored) {
      const s: ContactSnapshot = {
        ...stored.snapshot,
        status: 'ended',
        endReason: `callback cancelled by ${by}`,
        timers: [],
      };
      this.#core.dropContact(id, 'callback cancelled', () => {
        this.repository.save(id, { snapshot: s, pending: [] }, []);
        this.#contacts.active.delete(id);
        this.#contacts.updateGauge();
      });
      this.callLog.ended(id);
    }
    this.repository.setCallbackStatus(id, 'cancelled');
    this.options.events.publish({ type: 'callback.cancelled', callbackId: id });
    return true;
  }

  /** Web and agent callbacks dial for real when a live provider is configured. */
  #callbackId(): string {
    return `${this.options.live?.prefix ?? ''}cb-${randomUUID()}`;
  }

  // -- agents -------------------------------------------------------------------------------------

  setAgentState(name: string, state: AgentState): void {
    this.#core.agents.setState(name, state);
  }

  offerOf(agent: string): OfferCommand | undefined {
    return this.#core.agents.offerOf(agent);
  }

  /** The agent accepts the contact offered to them; false when there is no offer. */
  accept(name: string): boolean {
    return this.#core.agents.accept(name);
  }

  /**
   * The agent declines the contact offered to them, exactly as if it rang out: the offer is withdrawn,
   * the agent goes to RONA and the contact back to its queue. False when the agent has no offer.
   */
  reject(name: string): boolean {
    if (!this.#core.agents.offerOf(name)) return false;
    this.#core.agents.ignore(name);
    return true;
  }

  /** The agent's blind transfer of their connected contact: the engine's answer, or why it was not taken. */
  transfer(name: string, target: TransferTarget): TransferAnswer {
    return this.#core.agents.transfer(name, target);
  }

  /**
   * The agent hangs up the call they are on (a queued call bridged to them, a callback, their own
   * callback): the contact as it ended, the agent now in wrap-up. Undefined when the agent has no call
   * to end (free, only offered one, in wrap-up) or the engine did not take the hang-up.
   */
  hangUp(name: string): ContactSnapshot | undefined {
    const agent = this.acd.agents.get(name);
    const contactId = agent?.contactId;
    if (!agent || !contactId || agent.offered || agent.state !== 'Busy') return undefined;
    this.#core.agents.hangUp(name);
    const after = this.snapshot(contactId);
    return isContactOver(after) ? after : undefined;
  }

  wrapUp(name: string, reason: string): void {
    this.#core.agents.wrapUp(name, reason);
  }

  /** The caller-ID decision of the last call placed for the contact (from its trace), or null. */
  callerIdOf(contactId: string): NonNullable<TraceEntry['callerId']> | null {
    const trace = this.repository.trace(contactId);
    for (let i = trace.length - 1; i >= 0; i -= 1) {
      const callerId = trace[i]?.callerId;
      if (callerId) return callerId;
    }
    return null;
  }

  /**
   * The contacts an agent is offered or connected to, or consulted on once it answered: what its
   * desktop (and event stream) may see.
   */
  contactsOfAgent(name: string): string[] {
    const contactId = this.acd.agents.get(name)?.contactId ?? this.consults.consultedContact(name);
    return contactId ? [contactId] : [];
  }

  /** Keeps the ACD's agents in step with the resources file (agents added since the start). */
  syncAgents(): void {
    this.#core.syncAgents();
  }

  // -- agent-initiated callback ---------------------------------------------------------------------

  pendingCallback(agent: string): PendingCallback | null {
    return this.#pending.get(agent) ?? null;
  }

  /** Written to the store before it is told: what the desktop shows is what a restart shows again. */
  #setPending(agent: string, pending: PendingCallback | null): void {
    this.repository.savePendingCallback(agent, pending);
    if (pending) this.#pending.set(agent, pending);
    else this.#pending.delete(agent);
    this.options.events.publish({ type: 'agent.pendingCallback', agent, pendingCallback: pending });
  }

  /**
   * The agent's connected customer is prompted for the callback number (the keys reach the engine, not
   * the agent). Answers why not when the agent is not connected to a call.
   */
  promptCallback(agent: string): { ok: true; pending: PendingCallback } | { ok: false; reason: string } {
    const contactId = this.acd.agents.get(agent)?.contactId;
    if (!contactId) return { ok: false, reason: `${agent} is not on a call` };
    let refused: string | undefined = 'the contact took no prompt';
    this.#core.deliver(contactId, { type: 'agentPromptCallback', agent }, (result) => {
      refused = result?.commands.some((c) => c.type === 'collectDigits')
        ? undefined
        : (result?.trace.find((e) => e.ignored)?.ignored ?? 'the contact took no prompt');
    });
    if (refused) return { ok: false, reason: refused };
    const pending: PendingCallback = { contactId, status: 'prompting', number: null, reason: null };
    this.#setPending(agent, pending);
    return { ok: true, pending };
  }

  /** The agent types or edits the number (already checked by the dial-number rules). */
  editPendingCallback(agent: string, number: string): PendingCallback {
    const contactId = this.#pending.get(agent)?.contactId ?? this.acd.agents.get(agent)?.contactId ?? '';
    const pending: PendingCallback = { contactId, status: 'edited', number, reason: null };
    this.#setPending(agent, pending);
    return pending;
  }

  /**
   * An agent's consult with a number, delivered to the contact they are on (dial the leg, end it, or
   * complete it as a warm transfer): the step's commands, or why the engine did not take it.
   */
  consultNumber(
    agent: string,
    event: Extract<ContactEvent, { type: 'agentConsultDial' | 'agentConsultEnd' | 'agentConsultComplete' }>,
  ): { ok: true; commands: Command[] } | { ok: false; reason: string } {
    const contactId = this.acd.agents.get(agent)?.contactId;
    if (!contactId) return { ok: false, reason: `${agent} is not on a call` };
    let answer: { ok: true; commands: Command[] } | { ok: false; reason: string } = {
      ok: false,
      reason: 'the contact took no consult',
    };
    this.#core.deliver(contactId, event, (result) => {
      const ignored = result?.trace.find((e) => e.ignored)?.ignored;
      if (result && !ignored) answer = { ok: true, commands: result.commands };
      else if (ignored) answer = { ok: false, reason: ignored };
    });
    return answer;
  }

  /** The agent cancels: nothing is dialled. False when there was nothing to cancel. */
  cancelPendingCallback(agent: string): boolean {
    if (!this.#pending.has(agent)) return false;
    this.#setPending(agent, null);
    return true;
  }

  /**
   * The agent calls the customer back on the pending number: the call they are on (if still connected)
   * ends first, and the agent is on the callback at once (no wrap-up in between, no other offer).
   */
  placePendingCallback(
    agent: string,
    number: string,
    agentChoice: string | undefined,
    requestedBy: string,
  ): ContactSnapshot {
    const current = this.acd.agents.get(agent);
    if (current?.contactId && current.state === 'Busy' && !current.offered) this.#core.agents.hangUp(agent);
    const after = this.acd.agents.get(agent);
    // Busy by hand takes no queue offers, and lets the agent place a call (docs/runtime.md).
    if (after && after.state === 'WrapUp') this.acd.setState(agent, 'Busy', this.clock.now());
    this.repository.savePendingCallback(agent, null);
    this.#pending.delete(agent);
    const placed = this.agentCallback(
      { agent, number, ...(agentChoice ? { agentChoice } : {}) },
      requestedBy,
    );
    this.options.events.publish({ type: 'agent.pendingCallback', agent, pendingCallback: null });
    return placed;
  }

  // -- what the core does that the service shows, keeps or carries out ------------------------------

  #observers(): HostObservers {
    const { events, metrics, logger } = this.options;
    return {
      event: (contactId, event, before) => this.callLog.event(contactId, event, before),
      command: (contactId, command) => this.callLog.command(contactId, command),
      stepFailed: (contactId, event, error) => {
        metrics.errorsTotal.inc({ code: 'engine_exception' });
        logger.error({ err: error, contactId, event: event.type }, 'step failed');
      },
      offered: (contactId, offer) =>
        events.publish({
          type: 'agent.offer',
          agent: offer.agent,
          contactId,
          queue: offer.queue,
          title: offer.title,
        }),
      agentChanged: (name) => {
        const agent = this.acd.agents.get(name);
        if (!agent) return;
        this.repository.saveAgentState(name, agent.state);
        events.publish({ type: 'agent.state', agent: name, state: agent.state });
      },
      variableUpdated: (contactId, answer) =>
        events.publish({
          type: 'contact.variable',
          contactId,
          agent: answer.agent,
          name: answer.name,
          result: answer.result,
          version: answer.version,
        }),
      wrapUp: (agent, reason) => events.publish({ type: 'agent.wrapUp', agent, reason }),
      callbackEntry: (contactId, entry) => {
        const pending: PendingCallback = {
          contactId,
          status: entry.result,
          number: entry.number ?? null,
          reason: entry.reason ?? null,
        };
        this.#setPending(entry.agent, pending);
      },
      consultLeg: (contactId, leg) => this.consults.legChanged(contactId, leg),
      transferAnswered: (agent, contactId, requested, answer) =>
        events.publish({
          type: 'agent.transfer',
          agent,
          contactId: contactId ?? null,
          result: answer.result,
          reason: answer.reason,
          target: answer.target ?? requested,
          callerId: answer.callerId ?? null,
        } satisfies AgentTransferEvent),
    };
  }

  /** Carries out an HTTP-request block's call; the answer comes back as an `httpResult` event. */
  #http(command: Extract<Command, { type: 'httpRequest' }>, reply: (event: ContactEvent) => void): void {
    const ref = command.ref;
    if (this.options.httpRequests === 'off') {
      this.clock.at(this.clock.now(), () =>
        reply({
          type: 'httpResult',
          ref,
          error: 'HTTP requests are turned off (CALLFLOW_HTTP_REQUESTS=off)',
        }),
      );
      return;
    }
    const allowlist = this.options.resources().httpAllowlist ?? [];
    void executeHttpRequest(command, { fetch: this.options.fetch ?? fetch, allowlist }).then((event) =>
      reply({ ...event, id: `http:${ref}` }),
    );
  }
}
