import type { Flow, Resources } from '@callflow/model';
import { flowSource } from '../engine/flow-source.js';
import { RuntimeError } from '../errors/runtime-errors.js';
import { type AgentState, SimpleAcd } from '../host/acd.js';
import { VirtualClock } from '../host/clock.js';
import { HostCore } from '../host/host-core.js';
import type { HostObservers } from '../host/host-options.js';
import { type CapacityFigures, CENTER_AT_CAPACITY, type LiveCalls } from '../host/live-calls.js';
import { TelephonyRouting } from '../host/telephony-routing.js';
import { startContact, startWebCallback } from '../standard-engine.js';
import type {
  Command,
  ContactEvent,
  ContactEventBody,
  ContactSnapshot,
  EngineEnv,
  PublishedFlow,
  TraceEntry,
  TransferTarget,
} from '../types.js';
import { type CannedHttp, cannedResponse } from './http.js';
import { MemoryStore } from './memory-store.js';
import { seededRandom } from './random.js';
import { type NumberBehaviour, SimulatedTelephony, type SimulatedTelephonyOptions } from './telephony.js';

export interface SimulatorOptions {
  flows: readonly (Flow | PublishedFlow)[];
  resources: Resources;
  /** Start of the virtual clock; default Monday 2026-01-05 10:00 UTC. */
  now?: Date | number | string;
  /** Behaviour of dialled numbers (transfers, callbacks) by E.164; unknown numbers answer. */
  numbers?: Record<string, NumberBehaviour>;
  /** Initial agent states by name; agents start Offline. */
  agents?: Record<string, AgentState>;
  /** Canned answers of the HTTP-request block. */
  http?: CannedHttp;
  promptSeconds?: SimulatedTelephonyOptions['promptSeconds'];
  failCommand?: SimulatedTelephonyOptions['failCommand'];
  /** Seed of the deterministic random source used by the caller-ID rules. */
  seed?: number;
  /** Keep every snapshot as JSON text between steps, exactly as a durable host would. */
  persist?: boolean;
  /** Keep the log of commands and events (default true; off for load tests). */
  log?: boolean;
  averageHandleSeconds?: number;
}

/** A scripted caller's actions, in seconds from the start of the call. */
export type CallerScript = ({ at: number; press: string } | { at: number; hangUp: true })[];

export interface StartCallParams {
  flow: string;
  from?: string;
  to: string;
  contactId?: string;
  variables?: Record<string, unknown>;
  script?: CallerScript;
}

export interface SimulatorLogEntry {
  at: number;
  contactId: string;
  direction: 'event' | 'command' | 'ignored';
  type: string;
  detail?: unknown;
}

export interface AgentControl {
  readonly state: AgentState;
  /** The offer the agent's desktop shows now (popover included). */
  readonly offer: Extract<Command, { type: 'offerToAgent' }> | undefined;
  readonly contactId: string | undefined;
  setState(state: AgentState): void;
  accept(): void;
  /** The agent lets the offer ring: RONA. */
  ignore(): void;
  hangUp(): void;
  wrapUp(reason?: string): void;
  editVariable(name: string, value: unknown, version: number): void;
  /**
   * Blind transfer of the agent's connected contact to a queue, an Available agent or a number.
   * `refused` with the reason when the engine refuses it or the agent has no connected contact.
   */
  transfer(target: TransferTarget): { result: 'transferred' | 'refused'; reason: string };
}

export const DEFAULT_START = Date.parse('2026-01-05T10:00:00Z');

/**
 * The simulator: the contact engine, a virtual phone network, simulated agents and an ACD, on a
 * deterministic clock. The scenario runner, the editor's in-browser simulator and the server's
 * development mode drive it. Many contacts run at once; nothing here touches the real world. The host
 * loop itself is the {@link HostCore} the service runs too; this class gives it a virtual clock, an
 * in-memory store and a log, and scripts callers and agents.
 */
export class Simulator {
  readonly clock: VirtualClock;
  readonly acd: SimpleAcd;
  readonly telephony: SimulatedTelephony;
  readonly env: EngineEnv;
  readonly events: SimulatorLogEntry[] = [];
  /** Live calls against `resources.account.maxConcurrentCalls`. */
  readonly calls: LiveCalls;
  private readonly core: HostCore;
  private readonly store: MemoryStore;
  private ids = 0;

  constructor(private options: SimulatorOptions) {
    const start = options.now === undefined ? DEFAULT_START : new Date(options.now).getTime();
    this.clock = new VirtualClock(start);
    this.acd = new SimpleAcd(options.resources, start, options.agents, options.averageHandleSeconds);
    const telephonyOptions: SimulatedTelephonyOptions = { clock: this.clock };
    if (options.numbers) telephonyOptions.numbers = options.numbers;
    if (options.promptSeconds) telephonyOptions.promptSeconds = options.promptSeconds;
    if (options.failCommand) telephonyOptions.failCommand = options.failCommand;
    this.telephony = new SimulatedTelephony(telephonyOptions);
    this.env = {
      flows: flowSource(options.flows),
      resources: options.resources,
      now: () => this.clock.now(),
      random: seededRandom(options.seed ?? 1),
      queues: this.acd,
    };
    this.store = new MemoryStore(options.persist === true);
    const clock = this.clock;
    this.core = new HostCore({
      env: this.env,
      clock,
      acd: this.acd,
      telephony: new TelephonyRouting({ simulated: this.telephony }),
      store: this.store,
      http(_contactId, command, reply) {
        const { delaySeconds, event } = cannedResponse(options.http, command);
        clock.after(delaySeconds, () => reply(event));
      },
      // As a durable host does after a restart: arm timers from the stored snapshot.
      timersFromSnapshot: options.persist === true,
      ...(options.log === false ? {} : { observers: this.logObservers() }),
    });
    this.calls = this.core.calls;
  }

  now(): number {
    return this.clock.now();
  }

  startCall(p: StartCallParams): string {
    const contactId = p.contactId ?? this.nextId('call');
    const params = {
      contactId,
      flowId: p.flow,
      dialedNumber: p.to,
      ...(p.from ? { callerNumber: p.from } : {}),
    };
    this.core.start(contactId, (env) =>
      startContact(env, p.variables ? { ...params, variables: p.variables } : params),
    );
    for (const action of p.script ?? []) {
      this.clock.after(action.at, () =>
        'press' in action ? this.press(contactId, action.press) : this.hangUp(contactId),
      );
    }
    this.core.drain();
    return contactId;
  }

  /** A web page or chatbot asks for a callback (name and number). */
  webCallback(p: {
    name: string;
    number: string;
    queue: string;
    dialedNumber?: string;
    contactId?: string;
  }): string {
    const contactId = p.contactId ?? this.nextId('webcallback');
    this.core.start(contactId, (env) => startWebCallback(env, { ...p, contactId }));
    this.core.drain();
    return contactId;
  }

  /** An agent places a callback to a number they typed in (Avaya's agent-initiated callback). */
  agentCallback(p: {
    agent: string;
    number: string;
    name?: string;
    queue?: string;
    activeCall?: boolean;
    agentChoice?: string;
  }): string {
    const capacity = this.capacity();
    if (capacity.atCapacity)
      throw new Error(
        `${CENTER_AT_CAPACITY} ${capacity.liveCalls} live calls of ${capacity.limit}: ${p.agent}'s callback is refused; try again when a call ends.`,
      );
    const contactId = this.nextId('agentcallback');
    this.core.agents.placeCallback({ ...p, contactId });
    return contactId;
  }

  press(contactId: string, digits: string): void {
    this.telephony.press(contactId, digits);
    this.core.drain();
  }

  hangUp(contactId: string): void {
    this.telephony.hangUp(contactId);
    this.core.drain();
  }

  /** The caller speaks a voicemail for `seconds` and presses the finish key (the clock moves on). */
  leaveMessage(contactId: string, seconds: number): void {
    this.telephony.speak(contactId, seconds);
    this.advance(Math.ceil(seconds));
  }

  consult(contactId: string, active: boolean): void {
    this.send(contactId, { type: 'consult', active });
  }

  /** Delivers any event to a contact (tests of odd orderings, duplicates, stale results). */
  send(contactId: string, event: ContactEvent | ContactEventBody): void {
    this.core.deliver(contactId, event);
  }

  advance(seconds: number): void {
    this.clock.advance(seconds);
    this.core.drain();
  }

  /**
   * New resources for the contacts from now on (an edited resources file): a higher maximum of
   * concurrent calls lets waiting callbacks go at once.
   */
  updateResources(resources: Resources): void {
    this.options = { ...this.options, resources };
    this.env.resources = resources;
    this.core.resourcesChanged();
  }

  agent(name: string): AgentControl {
    const sim = this;
    const agents = this.core.agents;
    const find = () => {
      const agent = sim.acd.agents.get(name);
      if (!agent) throw new RuntimeError('SIM001', `No agent "${name}" in resources.agents.`);
      return agent;
    };
    find();
    return {
      get state() {
        return find().state;
      },
      get offer() {
        return agents.offerOf(name);
      },
      get contactId() {
        return find().contactId;
      },
      setState(state) {
        sim.log('', 'event', 'agentState', { agent: name, state });
        agents.setState(name, state);
      },
      accept() {
        if (!agents.offerOf(name))
          return sim.log('', 'ignored', 'agentAccepted', { agent: name, reason: 'no offer to accept' });
        agents.accept(name);
      },
      ignore() {
        agents.ignore(name);
      },
      hangUp() {
        agents.hangUp(name);
      },
      wrapUp(reason) {
        agents.wrapUp(name, reason ?? '');
      },
      editVariable(variable, value, version) {
        const contactId = find().contactId;
        if (contactId) agents.updateVariable(contactId, name, variable, value, version);
      },
      transfer(target) {
        const { result, reason } = agents.transfer(name, target);
        return { result, reason };
      },
    };
  }

  snapshot(contactId: string): ContactSnapshot | undefined {
    return this.store.load(contactId);
  }

  trace(contactId: string): TraceEntry[] {
    return this.store.trace(contactId);
  }

  contacts(): string[] {
    return this.store.ids();
  }

  /** The prompts played to a contact's caller so far, in order (what the caller heard). */
  heard(contactId: string, to: 'caller' | 'agent' = 'caller'): string[] {
    return this.events
      .filter((e) => e.contactId === contactId && e.direction === 'command' && e.type === 'play')
      .map((e) => e.detail as Extract<Command, { type: 'play' }>)
      .filter((c) => c.to === to)
      .map((c) => c.prompt.text);
  }

  /** The center's live calls against the account's maximum concurrent calls. */
  capacity(): CapacityFigures {
    return this.core.capacity();
  }

  private logObservers(): HostObservers {
    return {
      dropped: (contactId, event) =>
        this.log(contactId, 'ignored', event.type, { reason: 'unknown contact' }),
      event: (contactId, event) => this.log(contactId, 'event', event.type, event),
      command: (contactId, command) => this.log(contactId, 'command', command.type, command),
      wrapUp: (agent, reason) => this.log('', 'event', 'wrapUp', { agent, reason }),
    };
  }

  private log(
    contactId: string,
    direction: SimulatorLogEntry['direction'],
    type: string,
    detail?: unknown,
  ): void {
    if (this.options.log === false) return;
    this.events.push({
      at: this.now(),
      contactId,
      direction,
      type,
      ...(detail !== undefined ? { detail } : {}),
    });
  }

  private nextId(prefix: string): string {
    this.ids += 1;
    return `${prefix}-${this.ids}`;
  }
}

export function createSimulator(options: SimulatorOptions): Simulator {
  return new Simulator(options);
}
