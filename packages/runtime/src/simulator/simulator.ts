import type { Flow, Resources } from '@callflow/model';
import { isTelephonyCommand } from '../adapter/contract.js';
import { startAgentCallback, startCallback, startWebCallback } from '../engine/callback.js';
import { startContact, step } from '../engine/contact.js';
import { flowSource } from '../engine/flow-source.js';
import type {
  Command,
  ContactEvent,
  ContactEventBody,
  ContactSnapshot,
  EngineEnv,
  PublishedFlow,
  StepResult,
  TraceEntry,
  TransferTarget,
} from '../types.js';
import { type AgentState, SimpleAcd } from './acd.js';
import { VirtualClock } from './clock.js';
import { type CannedHttp, cannedResponse } from './http.js';
import { CENTER_AT_CAPACITY, capacityEvent, LiveCalls, refusedDial } from './live-calls.js';
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
 * development mode drive it. Many contacts run at once; nothing here touches the real world.
 */
export class Simulator {
  readonly clock: VirtualClock;
  readonly acd: SimpleAcd;
  readonly telephony: SimulatedTelephony;
  readonly env: EngineEnv;
  readonly events: SimulatorLogEntry[] = [];
  private store = new Map<string, ContactSnapshot | string>();
  /** Full traces: each step's new entries appended (the snapshot keeps only the newest). */
  private traces = new Map<string, TraceEntry[]>();
  private timers = new Map<string, () => void>();
  private offers = new Map<string, Extract<Command, { type: 'offerToAgent' }>>();
  private inbox: { contactId: string; event: ContactEvent; after?: (r: StepResult | undefined) => void }[] =
    [];
  private draining = false;
  private ids = 0;
  /** Live calls against `resources.account.maxConcurrentCalls`. */
  readonly calls = new LiveCalls();

  constructor(private options: SimulatorOptions) {
    const start = options.now === undefined ? DEFAULT_START : new Date(options.now).getTime();
    this.clock = new VirtualClock(start);
    this.acd = new SimpleAcd(options.resources, start, options.agents, options.averageHandleSeconds);
    const telephonyOptions: SimulatedTelephonyOptions = { clock: this.clock };
    if (options.numbers) telephonyOptions.numbers = options.numbers;
    if (options.promptSeconds) telephonyOptions.promptSeconds = options.promptSeconds;
    if (options.failCommand) telephonyOptions.failCommand = options.failCommand;
    this.telephony = new SimulatedTelephony(telephonyOptions);
    this.telephony.subscribe((contactId, event) => this.deliver(contactId, event));
    this.env = {
      flows: flowSource(options.flows),
      resources: options.resources,
      now: () => this.clock.now(),
      random: seededRandom(options.seed ?? 1),
      queues: this.acd,
    };
  }

  now(): number {
    return this.clock.now();
  }

  startCall(p: StartCallParams): string {
    const contactId = p.contactId ?? this.nextId('call');
    this.telephony.connect(contactId);
    const params = {
      contactId,
      flowId: p.flow,
      dialedNumber: p.to,
      ...(p.from ? { callerNumber: p.from } : {}),
    };
    this.apply(
      contactId,
      startContact(this.env, p.variables ? { ...params, variables: p.variables } : params),
    );
    for (const action of p.script ?? []) {
      this.clock.after(action.at, () =>
        'press' in action ? this.press(contactId, action.press) : this.hangUp(contactId),
      );
    }
    this.drain();
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
    this.telephony.connect(contactId);
    this.apply(contactId, startWebCallback(this.env, { ...p, contactId }));
    this.drain();
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
    this.telephony.connect(contactId);
    const agent = this.acd.agents.get(p.agent);
    if (agent) {
      agent.state = 'Busy';
      agent.contactId = contactId;
    }
    this.apply(contactId, startAgentCallback(this.env, { ...p, contactId }));
    this.drain();
    return contactId;
  }

  press(contactId: string, digits: string): void {
    this.telephony.press(contactId, digits);
    this.drain();
  }

  hangUp(contactId: string): void {
    this.telephony.hangUp(contactId);
    this.drain();
  }

  consult(contactId: string, active: boolean): void {
    this.send(contactId, { type: 'consult', active });
  }

  /** Delivers any event to a contact (tests of odd orderings, duplicates, stale results). */
  send(contactId: string, event: ContactEvent | ContactEventBody): void {
    this.deliver(contactId, event);
  }

  advance(seconds: number): void {
    this.clock.advance(seconds);
    this.drain();
  }

  agent(name: string): AgentControl {
    const sim = this;
    const find = () => {
      const agent = sim.acd.agents.get(name);
      if (!agent) throw new Error(`SIM001 No agent "${name}" in resources.agents.`);
      return agent;
    };
    find();
    return {
      get state() {
        return find().state;
      },
      get offer() {
        return sim.offers.get(name);
      },
      get contactId() {
        return find().contactId;
      },
      setState(state) {
        sim.acd.setState(name, state, sim.now());
        sim.log('', 'event', 'agentState', { agent: name, state });
        sim.match();
      },
      accept() {
        const offer = sim.offers.get(name);
        if (!offer)
          return sim.log('', 'ignored', 'agentAccepted', { agent: name, reason: 'no offer to accept' });
        const contactId = find().contactId;
        if (!contactId) return;
        sim.deliver(contactId, { type: 'agentAccepted', agent: name }, (result) => {
          const took = result?.snapshot.queue?.agent === name || result?.snapshot.callback?.agent === name;
          if (!took) return;
          sim.offers.delete(name);
          sim.acd.accepted(name, contactId);
        });
      },
      ignore() {
        const contactId = find().contactId;
        if (contactId && sim.offers.has(name)) sim.deliver(contactId, { type: 'agentNoAnswer', agent: name });
      },
      hangUp() {
        const contactId = find().contactId;
        if (contactId) sim.deliver(contactId, { type: 'agentHangUp', agent: name });
      },
      wrapUp(reason) {
        sim.log('', 'event', 'wrapUp', { agent: name, reason: reason ?? '' });
        sim.acd.setState(name, 'Available', sim.now());
        sim.match();
      },
      editVariable(variable, value, version) {
        const contactId = find().contactId;
        if (contactId)
          sim.deliver(contactId, { type: 'updateVariable', agent: name, name: variable, value, version });
      },
      transfer(target) {
        const contactId = find().contactId;
        let answer: { result: 'transferred' | 'refused'; reason: string } = {
          result: 'refused',
          reason: `${name} has no connected contact`,
        };
        if (!contactId) return answer;
        sim.deliver(contactId, { type: 'agentTransfer', agent: name, target }, (result) => {
          const told = result?.commands.find((c) => c.type === 'transferResult' && c.agent === name);
          if (told?.type === 'transferResult') answer = { result: told.result, reason: told.reason };
          else {
            const ignored = result?.trace.find((e) => e.ignored)?.ignored;
            if (ignored) answer = { result: 'refused', reason: ignored };
          }
        });
        return answer;
      },
    };
  }

  snapshot(contactId: string): ContactSnapshot | undefined {
    const stored = this.store.get(contactId);
    return typeof stored === 'string' ? (JSON.parse(stored) as ContactSnapshot) : stored;
  }

  trace(contactId: string): TraceEntry[] {
    return this.traces.get(contactId) ?? [];
  }

  contacts(): string[] {
    return [...this.store.keys()];
  }

  /** The prompts played to a contact's caller so far, in order (what the caller heard). */
  heard(contactId: string, to: 'caller' | 'agent' = 'caller'): string[] {
    return this.events
      .filter((e) => e.contactId === contactId && e.direction === 'command' && e.type === 'play')
      .map((e) => e.detail as Extract<Command, { type: 'play' }>)
      .filter((c) => c.to === to)
      .map((c) => c.prompt.text);
  }

  // -- the host loop -------------------------------------------------------------------------------

  private deliver(
    contactId: string,
    event: ContactEvent | ContactEventBody,
    after?: (r: StepResult | undefined) => void,
  ): void {
    this.inbox.push(after ? { contactId, event, after } : { contactId, event });
    this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.inbox.shift(); next; next = this.inbox.shift()) {
        const snapshot = this.snapshot(next.contactId);
        if (!snapshot) {
          this.log(next.contactId, 'ignored', next.event.type, { reason: 'unknown contact' });
          next.after?.(undefined);
          continue;
        }
        this.log(next.contactId, 'event', next.event.type, next.event);
        const legFreed = this.calls.event(next.contactId, next.event);
        const result = step(this.env, snapshot, next.event);
        this.apply(next.contactId, result, legFreed);
        next.after?.(result);
      }
    } finally {
      this.draining = false;
    }
  }

  private apply(contactId: string, result: StepResult, lineFreed = false): void {
    const trace = this.traces.get(contactId);
    if (trace) for (const entry of result.trace) trace.push(entry);
    else this.traces.set(contactId, [...result.trace]);
    if (this.options.persist) {
      // As a durable host does after a restart: keep only the JSON, and arm timers from the snapshot.
      const text = JSON.stringify(result.snapshot);
      this.store.set(contactId, text);
      this.rearmTimers(contactId, (JSON.parse(text) as ContactSnapshot).timers);
    } else this.store.set(contactId, result.snapshot);
    // A line given back lets a callback that waits for one be offered.
    let match = (this.calls.track(result.snapshot) || lineFreed) && this.acd.held.size > 0;
    for (const command of result.commands) {
      this.log(contactId, 'command', command.type, command);
      if (this.options.persist && (command.type === 'startTimer' || command.type === 'cancelTimer')) continue;
      if (isTelephonyCommand(command)) {
        if (command.type === 'hangup') this.releaseAgentOf(contactId);
        const refusal = refusedDial(command, this.capacity());
        if (refusal) {
          this.clock.at(this.now(), () => this.deliver(contactId, refusal));
          continue;
        }
        this.calls.command(contactId, command);
        this.telephony.execute(contactId, command);
        continue;
      }
      match = this.host(contactId, command) || match;
    }
    if (match) this.match();
  }

  /** Commands the host keeps; returns true when the ACD should look for matches. */
  private host(
    contactId: string,
    command: Exclude<
      Command,
      {
        type:
          | 'play'
          | 'stopPlayback'
          | 'collectDigits'
          | 'dial'
          | 'cancelDial'
          | 'bridge'
          | 'hangup'
          | 'setRecording';
      }
    >,
  ): boolean {
    switch (command.type) {
      case 'startTimer': {
        const key = `${contactId}/${command.timer.id}`;
        const timerId = command.timer.id;
        this.timers.set(
          key,
          this.clock.at(command.timer.at, () => {
            this.timers.delete(key);
            this.deliver(contactId, { type: 'timer', timerId });
          }),
        );
        return false;
      }
      case 'cancelTimer': {
        const key = `${contactId}/${command.id}`;
        this.timers.get(key)?.();
        this.timers.delete(key);
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
        this.offers.set(command.agent, command);
        return false;
      case 'withdrawOffer':
        this.offers.delete(command.agent);
        this.acd.offerWithdrawn(command.agent, contactId, command.rona, this.now());
        return true;
      case 'releaseAgent':
        this.acd.released(command.agent);
        return true;
      case 'createCallback': {
        const request = command.request;
        this.clock.at(this.now(), () => {
          this.telephony.connect(request.id);
          this.apply(request.id, startCallback(this.env, request));
        });
        return false;
      }
      case 'httpRequest': {
        const { delaySeconds, event } = cannedResponse(this.options.http, command);
        this.clock.after(delaySeconds, () => this.deliver(contactId, event));
        return false;
      }
      case 'variableUpdate':
      case 'transferResult':
        return false;
    }
  }

  private rearmTimers(contactId: string, timers: ContactSnapshot['timers']): void {
    const prefix = `${contactId}/`;
    for (const [key, cancel] of this.timers) {
      if (key.startsWith(prefix)) {
        cancel();
        this.timers.delete(key);
      }
    }
    for (const timer of timers) this.host(contactId, { type: 'startTimer', timer });
  }

  /** Offers waiting contacts to free agents (agentAvailable); an offer not taken up frees the agent. */
  /** The center's live calls against the account's maximum concurrent calls. */
  capacity() {
    return this.calls.figures(this.options.resources.account.maxConcurrentCalls);
  }

  private match(): void {
    const capacity = this.capacity();
    const pairs = this.acd.match(this.calls.free(capacity.limit));
    // Callbacks whose turn came without a free line say why they wait (trace, snapshot), once.
    for (const contactId of this.acd.held) {
      if (this.snapshot(contactId)?.callback?.waitReason !== undefined) continue;
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
    for (const [agent, offer] of this.offers) {
      const a = this.acd.agents.get(agent);
      if (a && !a.offered && a.contactId === undefined) this.offers.delete(agent);
      else if (a?.state === 'Busy' && offer) this.offers.delete(agent);
    }
  }

  private releaseAgentOf(contactId: string): void {
    for (const agent of this.acd.agents.values()) {
      if (agent.contactId === contactId) {
        this.offers.delete(agent.name);
        if (agent.state === 'Busy') this.acd.released(agent.name);
        else this.acd.unreserve(agent.name, contactId);
      }
    }
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
