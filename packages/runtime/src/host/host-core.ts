import { isTelephonyCommand, type TelephonyCommand } from '../adapter/contract.js';
import { isContactOver } from '../rules/contact-over.js';
import { startCallback, step } from '../standard-engine.js';
import type { CallbackRequest, Command, ContactEvent, EngineEnv, StepResult } from '../types.js';
import type { SimpleAcd } from './acd.js';
import { match, releaseAgentOf } from './acd-matching.js';
import { AgentControls } from './agent-controls.js';
import { ContactTimers } from './contact-timers.js';
import type {
  AppliedStep,
  CallbackOrigin,
  ContactStore,
  HostClock,
  HostCoreOptions,
  HostObservers,
  OfferCommand,
} from './host-options.js';
import { type AfterStep, Inbox } from './inbox.js';
import { type CapacityFigures, LiveCalls, refusedDial } from './live-calls.js';
import { type RestoredContact, restoreContacts } from './restore.js';
import type { TelephonyRouting } from './telephony-routing.js';

type HostCommand = Exclude<Command, TelephonyCommand>;
type HttpRequestCommand = Extract<Command, { type: 'httpRequest' }>;

/**
 * The host loop around the pure engine, shared by the simulator and the service: an inbox stepped one
 * event at a time, each step saved before its commands are carried out (telephony, timers, the ACD,
 * callbacks, HTTP requests), offers and their answers, live calls against the account's maximum
 * concurrent calls. The hosts give it what differs: the clock, the store, the telephony routing and
 * what they watch. Framework-free: it runs in the browser and in Node.
 */
export class HostCore {
  readonly env: EngineEnv;
  readonly clock: HostClock;
  readonly acd: SimpleAcd;
  readonly telephony: TelephonyRouting;
  readonly store: ContactStore;
  readonly observers: HostObservers;
  /** Live calls against `resources.account.maxConcurrentCalls`. */
  readonly calls = new LiveCalls();
  /** The offer each agent's desktop shows now, by agent. */
  readonly offers = new Map<string, OfferCommand>();
  readonly timers: ContactTimers;
  readonly agents: AgentControls;
  readonly #inbox: Inbox;
  readonly #options: HostCoreOptions;

  constructor(options: HostCoreOptions) {
    this.#options = options;
    this.env = options.env;
    this.clock = options.clock;
    this.acd = options.acd;
    this.telephony = options.telephony;
    this.store = options.store;
    this.observers = options.observers ?? {};
    this.timers = new ContactTimers(options.clock, (contactId, timerId) =>
      this.deliver(contactId, { type: 'timer', timerId }),
    );
    this.#inbox = new Inbox(({ contactId, event, after }) => this.#step(contactId, event, after));
    this.agents = new AgentControls(this);
    options.telephony.subscribe((contactId, event) => this.deliver(contactId, event));
  }

  /** Queues an event for its contact and steps everything waiting (unless a step is being applied). */
  deliver(contactId: string, event: ContactEvent, after?: AfterStep): void {
    this.#inbox.push(contactId, event, after);
    this.#inbox.drain();
  }

  drain(): void {
    this.#inbox.drain();
  }

  /** Starts a contact (a call, a web or agent callback): its first step, not yet drained. */
  start(contactId: string, begin: (env: EngineEnv) => StepResult, origin?: CallbackOrigin): StepResult {
    this.telephony.connect(contactId);
    const result = begin(this.env);
    this.apply(contactId, result, undefined, origin);
    return result;
  }

  /** Starts the contact of a callback request, once. */
  startCallbackContact(request: CallbackRequest): void {
    if (this.store.has?.(request.id)) return;
    this.start(request.id, (env) => startCallback(env, request));
  }

  /** The center's live calls against the account's maximum (read from the resources each time). */
  capacity(): CapacityFigures {
    return this.calls.figures(this.env.resources.account.maxConcurrentCalls);
  }

  /** Offers waiting contacts to free agents, one free line per callback. */
  match(): void {
    match(this);
  }

  /** Keeps the ACD's agents in step with the resources (agents added since the start). */
  syncAgents(): void {
    for (const [name, agent] of Object.entries(this.env.resources.agents)) {
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

  /**
   * The resources changed (saved, or changed on disk): a higher `maxConcurrentCalls` or a new agent can
   * let waiting callbacks go now rather than at the next unrelated event.
   */
  resourcesChanged(): void {
    this.syncAgents();
    this.match();
  }

  /** Carries out an HTTP-request block's call; its `httpResult` comes back as an event. */
  sendHttp(contactId: string, command: HttpRequestCommand): void {
    this.#options.http(contactId, command, (event) => this.deliver(contactId, event));
  }

  /**
   * Ends a contact without a step (a callback request cancelled before it was connected): its queue
   * place, timers and leg go; `record` keeps the end in the store; its line, if it had one, is free.
   * The agent it was offered to is free again (and may be offered another contact at once); the agent
   * on it (their own callback, or one they accepted) goes to wrap-up, as after any call.
   */
  dropContact(contactId: string, reason: string, record: () => void): void {
    this.acd.dequeue(contactId);
    this.timers.cancelAll(contactId);
    this.telephony.adapterFor(contactId).execute(contactId, { type: 'hangup', reason });
    record();
    const lineFreed = this.calls.drop(contactId);
    const agentFreed = releaseAgentOf(this, contactId);
    if (agentFreed || (lineFreed && this.acd.held.size > 0)) this.match();
  }

  /** Continues stored contacts after a start (or a crash); see {@link restoreContacts}. */
  restore(contacts: readonly RestoredContact[], unstarted: readonly CallbackRequest[]): number {
    return restoreContacts(this, contacts, unstarted);
  }

  /** Takes no more events and cancels every timer (their deadlines are in the snapshots). */
  stop(): void {
    this.#inbox.stop();
    this.timers.stop();
  }

  // -- one step ------------------------------------------------------------------------------------

  #step(contactId: string, event: ContactEvent, after: AfterStep | undefined): void {
    const snapshot = this.store.load(contactId);
    if (!snapshot) {
      this.observers.dropped?.(contactId, event);
      after?.(undefined);
      return;
    }
    this.observers.event?.(contactId, event, snapshot);
    let result: StepResult;
    const failed = this.observers.stepFailed;
    if (failed) {
      try {
        result = step(this.env, snapshot, event);
      } catch (error) {
        failed(contactId, event, error);
        after?.(undefined);
        return;
      }
    } else result = step(this.env, snapshot, event);
    this.apply(contactId, result, event);
    after?.(result);
  }

  /** Saves the step, then carries out its commands (write-ahead: a crash re-sends, never loses). */
  apply(contactId: string, result: StepResult, cause?: ContactEvent, origin?: CallbackOrigin): void {
    const s = result.snapshot;
    const applied: AppliedStep = { contactId, result };
    if (cause) applied.cause = cause;
    if (origin) applied.origin = origin;
    this.store.save(applied);
    const fromSnapshot = this.#options.timersFromSnapshot === true;
    if (isContactOver(s)) this.timers.cancelAll(contactId);
    else if (fromSnapshot) this.timers.rearm(contactId, s.timers);
    // A line given back (a call ended, a transfer leg failed) lets a callback waiting for one go.
    const legFreed = cause !== undefined && this.calls.event(contactId, cause);
    let matchNow = (this.calls.track(s) || legFreed) && this.acd.held.size > 0;
    const created: CallbackRequest[] = [];
    for (const command of result.commands) {
      this.observers.command?.(contactId, command);
      if (isTelephonyCommand(command)) {
        if (command.type === 'hangup') releaseAgentOf(this, contactId);
        const refusal = command.type === 'dial' ? refusedDial(command, this.capacity()) : undefined;
        if (refusal) {
          this.clock.at(this.clock.now(), () => this.deliver(contactId, refusal));
          continue;
        }
        // A transfer leg the engine stopped ringing (its own no-answer timer) gives its line back too.
        if (this.calls.command(contactId, command) && this.acd.held.size > 0) matchNow = true;
        this.telephony.adapterFor(contactId).execute(contactId, command);
        continue;
      }
      if (fromSnapshot && (command.type === 'startTimer' || command.type === 'cancelTimer')) continue;
      matchNow = this.#hostCommand(contactId, command, created) || matchNow;
    }
    for (const request of created) this.startCallbackContact(request);
    if (matchNow) this.match();
  }

  /** Commands the host keeps; returns true when the ACD should look for matches. */
  #hostCommand(contactId: string, command: HostCommand, created: CallbackRequest[]): boolean {
    switch (command.type) {
      case 'startTimer':
        this.timers.arm(contactId, command.timer.id, command.timer.at);
        return false;
      case 'cancelTimer':
        this.timers.cancel(contactId, command.id);
        return false;
      case 'enqueue':
        this.acd.enqueue(
          contactId,
          command.queue,
          command.agentGroup,
          command.enqueuedAt,
          command.kind,
          command.exclude,
          { priority: command.priority, creditSeconds: command.creditSeconds },
        );
        return true;
      case 'dequeue':
        this.acd.dequeue(contactId);
        return false;
      case 'offerToAgent':
        // Offers from the ACD are reserved already; an agent's transfer offers to a colleague directly.
        this.acd.reserve(command.agent, contactId);
        this.offers.set(command.agent, command);
        this.observers.offered?.(contactId, command);
        return false;
      case 'withdrawOffer':
        this.offers.delete(command.agent);
        this.acd.offerWithdrawn(command.agent, contactId, command.rona, this.clock.now());
        this.observers.agentChanged?.(command.agent);
        return true;
      case 'releaseAgent':
        this.acd.released(command.agent);
        this.observers.agentChanged?.(command.agent);
        return true;
      case 'createCallback':
        // Started right after the step that asked for it, in every host: the service records it with
        // the step, and the simulator (and so `callflow test`) sees it before it looks at the call again.
        created.push(command.request);
        return false;
      case 'httpRequest':
        this.sendHttp(contactId, command);
        return false;
      case 'variableUpdate':
        this.observers.variableUpdated?.(contactId, command);
        return false;
      case 'callbackEntry':
        this.observers.callbackEntry?.(contactId, command);
        return false;
      case 'consultLeg':
        this.observers.consultLeg?.(contactId, command);
        return false;
      default:
        return false;
    }
  }
}
