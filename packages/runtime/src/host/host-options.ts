import type {
  CallerIdOutcome,
  Command,
  ContactEvent,
  ContactSnapshot,
  EngineEnv,
  StepResult,
  TransferTarget,
} from '../types.js';
import type { SimpleAcd } from './acd.js';
import type { TelephonyRouting } from './telephony-routing.js';

/** The clock a host runs on: the simulator's virtual clock, or the service's wall clock. */
export interface HostClock {
  now(): number;
  /** Runs `run` at epoch ms `at` (soon, when that has passed already); returns a cancel function. */
  at(at: number, run: () => void): () => void;
  after(seconds: number, run: () => void): () => void;
}

/** Who asked for a web or agent callback; the service records it with the request. */
export interface CallbackOrigin {
  kind: 'web' | 'agent';
  requestedBy: string;
}

/** One step as the host applies it. */
export interface AppliedStep {
  contactId: string;
  result: StepResult;
  /** The event the step answered; absent when the step started the contact. */
  cause?: ContactEvent;
  /** The web or agent callback this step started. */
  origin?: CallbackOrigin;
}

/**
 * Where contacts live between steps. `save` runs before any command of the step is carried out: a
 * durable store writes the step there (one transaction), so that after a crash each command is either
 * not sent yet or sent again from the store, never lost.
 */
export interface ContactStore {
  /** The snapshot the next step starts from; undefined when the contact does not run here (the event is dropped). */
  load(contactId: string): ContactSnapshot | undefined;
  save(step: AppliedStep): void;
  /** Whether the contact exists, running or over: a callback request starts its contact once only. */
  has?(contactId: string): boolean;
}

export type OfferCommand = Extract<Command, { type: 'offerToAgent' }>;
export type VariableUpdateCommand = Extract<Command, { type: 'variableUpdate' }>;
type HttpRequestCommand = Extract<Command, { type: 'httpRequest' }>;

/** The engine's answer to an agent's blind transfer; `target` as the engine took it (a number in E.164). */
export type CallbackEntryCommand = Extract<Command, { type: 'callbackEntry' }>;

/** A consult leg to a number changed: dialling, answered or ended. */
export type ConsultLegCommand = Extract<Command, { type: 'consultLeg' }>;

export interface TransferAnswer {
  result: 'transferred' | 'refused';
  reason: string;
  target?: TransferTarget;
  /** A transfer to a number: the caller-ID decision (rule, number, rejected). */
  callerId?: CallerIdOutcome;
}

/** What a host watches of the core (a log, live events, metrics, durable agent states). All optional. */
export interface HostObservers {
  /** An event is about to be stepped from `before` (the snapshot the step read: no need to read it again). */
  event?(contactId: string, event: ContactEvent, before: ContactSnapshot): void;
  /** An event for a contact the store does not run: dropped. */
  dropped?(contactId: string, event: ContactEvent): void;
  /** A command of a step, before it is carried out. */
  command?(contactId: string, command: Command): void;
  /** The engine threw (a defect, never a flow's doing). Without this observer the error propagates. */
  stepFailed?(contactId: string, event: ContactEvent, error: unknown): void;
  offered?(contactId: string, offer: OfferCommand): void;
  /** The host changed an agent's state or contact (to keep, or to show). */
  agentChanged?(agent: string): void;
  variableUpdated?(contactId: string, answer: VariableUpdateCommand): void;
  /** The answer to an agent's transfer, including refusals the engine never saw (no connected contact). */
  transferAnswered?(
    agent: string,
    contactId: string | undefined,
    requested: TransferTarget,
    answer: TransferAnswer,
  ): void;
  wrapUp?(agent: string, reason: string): void;
  /** The customer keyed (or did not key) the callback number the agent prompted them for. */
  callbackEntry?(contactId: string, entry: CallbackEntryCommand): void;
  /** An agent's consult leg to a number is dialling, answered or over. */
  consultLeg?(contactId: string, leg: ConsultLegCommand): void;
}

export interface HostCoreOptions {
  /** The engine's environment; `env.resources` is read at every use (the resources file may change). */
  env: EngineEnv;
  clock: HostClock;
  acd: SimpleAcd;
  telephony: TelephonyRouting;
  store: ContactStore;
  /** Carries out an HTTP-request block's call; `reply` delivers its `httpResult`. */
  http(contactId: string, command: HttpRequestCommand, reply: (event: ContactEvent) => void): void;
  /**
   * Timers armed from each saved snapshot's absolute deadlines instead of the step's timer commands, as
   * a host restoring contacts from their stored form does.
   */
  timersFromSnapshot?: boolean;
  observers?: HostObservers;
}
