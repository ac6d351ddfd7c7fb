/**
 * @callflow/runtime: flows compiled to XState machines, the pure contact engine, the telephony adapter
 * contract with its conformance suite, the host core shared by the simulator and the service, and the
 * simulator adapter. Isomorphic: no Node-only imports.
 */

export {
  type ConformanceHarness,
  type ConformanceTestApi,
  runAdapterConformance,
} from './adapter/conformance.js';
export {
  type AdapterListener,
  isTelephonyCommand,
  TELEPHONY_COMMANDS,
  type TelephonyAdapter,
  type TelephonyCommand,
} from './adapter/contract.js';
export type { BehaviourRegistry, BlockBehaviour, BlockContext, BlockStep } from './blocks/behaviour.js';
export { BEHAVIOURS, behaviourFor } from './blocks/index.js';
export { type CompiledFlow, clearCompiled, compile, outcomeEvent } from './compile/compile.js';
export type { AgentCallbackParams, WebCallbackParams } from './engine/callback.js';
export { isTransferredCallback } from './engine/callback-state.js';
export { parseSnapshot, serializeSnapshot } from './engine/contact.js';
export { type ContactEngine, createContactEngine } from './engine/contact-engine.js';
export { flowSource } from './engine/flow-source.js';
export {
  executeHttpRequest,
  type HttpExecutorOptions,
  type HttpRequestCommand,
  HttpTargetRefused,
} from './engine/http-executor.js';
export { MAX_SAME_BLOCK_IN_A_ROW, MAX_STEPS_PER_FLOW_RUN } from './engine/limits.js';
export * from './errors/runtime-errors.js';
export { type AgentState, SimpleAcd, type SimulatedAgent } from './host/acd.js';
export type { AgentControls } from './host/agent-controls.js';
export {
  AGENT_NOT_AVAILABLE,
  AgentNotAvailableError,
  callPlacingRefusal,
} from './host/agent-readiness.js';
export { VirtualClock } from './host/clock.js';
export { HostCore } from './host/host-core.js';
export type {
  AppliedStep,
  CallbackEntryCommand,
  CallbackOrigin,
  ConsultLegCommand,
  ContactStore,
  HostClock,
  HostCoreOptions,
  HostObservers,
  OfferCommand,
  TransferAnswer,
  VariableUpdateCommand,
} from './host/host-options.js';
export {
  type CapacityFigures,
  CENTER_AT_CAPACITY,
  capacityEvent,
  holdsLine,
  LiveCalls,
  refusedDial,
} from './host/live-calls.js';
export type { RestoredContact } from './host/restore.js';
export { TelephonyRouting, type TelephonyRoutingOptions } from './host/telephony-routing.js';
export * from './rules/index.js';
export type { CannedHttp, CannedResponse } from './simulator/http.js';
export { seededRandom } from './simulator/random.js';
export {
  type AgentControl,
  type CallerScript,
  createSimulator,
  DEFAULT_START,
  Simulator,
  type SimulatorLogEntry,
  type SimulatorOptions,
  type StartCallParams,
} from './simulator/simulator.js';
export {
  defaultPromptSeconds,
  type NumberBehaviour,
  type SimulatedDial,
  type SimulatedMessage,
  SimulatedTelephony,
} from './simulator/telephony.js';
export {
  currentOffer,
  startAgentCallback,
  startCallback,
  startContact,
  startWebCallback,
  step,
} from './standard-engine.js';
export * from './testing/index.js';
export * from './types.js';
