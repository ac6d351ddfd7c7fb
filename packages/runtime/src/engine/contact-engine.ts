import type { BehaviourRegistry } from '../blocks/behaviour.js';
import type {
  CallbackRequest,
  Command,
  ContactEvent,
  ContactSnapshot,
  EngineEnv,
  StartContactParams,
  StepResult,
} from '../types.js';
import { Context } from './block-context.js';
import {
  type AgentCallbackParams,
  callbackAccepted,
  startAgentCallback,
  startCallback,
  startWebCallback,
  type WebCallbackParams,
} from './callback.js';
import { startContact, step } from './contact.js';
import { endedFrame } from './frame-end.js';
import { currentOffer } from './queue.js';
import type { EngineWiring } from './wiring.js';

/** The contact engine's entry points, each pure: a snapshot (or none) and an event in, a step out. */
export interface ContactEngine {
  /** Starts an inbound contact on the published version of its flow and runs it until it first waits. */
  startContact(env: EngineEnv, params: StartContactParams): StepResult;
  /** Applies one event to a contact; the given snapshot is not changed. */
  step(env: EngineEnv, snapshot: ContactSnapshot, event: ContactEvent): StepResult;
  startCallback(env: EngineEnv, request: CallbackRequest): StepResult;
  startWebCallback(env: EngineEnv, params: WebCallbackParams): StepResult;
  startAgentCallback(env: EngineEnv, params: AgentCallbackParams): StepResult;
  /** The offer a stored contact is making, as the agent's desktop shows it. */
  currentOffer(
    env: EngineEnv,
    snapshot: ContactSnapshot,
  ): Extract<Command, { type: 'offerToAgent' }> | undefined;
}

/**
 * The engine for a set of block behaviours. The engine itself imports no block: the behaviours come in
 * here, and so does everything its block runner calls back into (frame ends, block contexts, callback
 * offers), so that nothing is registered at import time.
 */
export function createContactEngine(behaviours: BehaviourRegistry): ContactEngine {
  const wiring: EngineWiring = {
    behaviours,
    onFrameEnd: endedFrame,
    blockContext: (run, frame, flow, settings) => new Context(run, frame, flow, settings),
    onCallbackAccepted: callbackAccepted,
  };
  return {
    startContact: (env, params) => startContact(wiring, env, params),
    step: (env, snapshot, event) => step(wiring, env, snapshot, event),
    startCallback: (env, request) => startCallback(wiring, env, request),
    startWebCallback: (env, params) => startWebCallback(wiring, env, params),
    startAgentCallback: (env, params) => startAgentCallback(wiring, env, params),
    currentOffer: (env, snapshot) => currentOffer(wiring, env, snapshot),
  };
}
