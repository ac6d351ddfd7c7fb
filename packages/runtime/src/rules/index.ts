/** Contact-center rules the engine applies: pure functions, no I/O, the same in the browser and Node. */

export { checkHttpTarget, type HttpTargetCheck } from '@callflow/model';
export * from './agent-call-caller-id.js';
export * from './call-secrets.js';
export * from './caller-id.js';
export { type CallerIdPick, checkCallerIdPick } from './caller-id-agent-calls.js';
export { allowedNumberNames, type CallerIdCandidate } from './caller-id-numbers.js';
export * from './coerce.js';
export * from './conditions.js';
export * from './contact-over.js';
export * from './hours.js';
export * from './outbound-whisper-forecast.js';
export * from './popover.js';
export * from './redact.js';
export * from './secure-values.js';
export * from './secure-variables.js';
export * from './transfer-caller-id.js';
export * from './transfer-caller-id-preview.js';
