/** Scenario tests for flows (`flows/*.test.json`): run a scripted call on the simulator, check what happened. */
export * from './call-record.js';
export * from './coverage.js';
export * from './expectations.js';
export * from './flow-test.js';
export { recordCall } from './record-call.js';
export * from './run-flow-tests.js';
export * from './run-scenario.js';
export { type RecordedCall, type ScenarioDraft, scenarioFromCall } from './scenario-from-call.js';
