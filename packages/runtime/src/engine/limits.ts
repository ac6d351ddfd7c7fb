/** Twilio Studio's execution limits, which callflow keeps: a runaway flow ends instead of hanging. */
export const MAX_STEPS_PER_FLOW_RUN = 1000;
/** The same block this many times in a row without waiting for anyone is a loop with no way out. */
export const MAX_SAME_BLOCK_IN_A_ROW = 10;
/** Event ids remembered per contact to drop duplicates (providers retry webhooks). */
export const SEEN_EVENT_IDS = 64;
/**
 * Trace entries kept in the snapshot itself (the most recent ones) unless the host asks for more with
 * `EngineEnv.traceTail`. Every step returns its new entries (`StepResult.trace`) for the host to append
 * to the contact's trace store. A snapshot carrying the whole trace grew with every step; even one
 * entry cut the events per second by about a third (measured in docs/runtime.md).
 */
export const DEFAULT_TRACE_TAIL = 0;
/** Reason code shown on a callback that waits for a free line, on refused dials and agent callbacks. */
export const CENTER_AT_CAPACITY = 'CENTER_AT_CAPACITY';
/** Seconds an offered agent has when the queue does not say (then RONA). */
export const DEFAULT_OFFER_TIMEOUT_SECONDS = 20;

/** The codes a contact that ends in error may end with (the catalogue is errors/runtime-errors.ts). */
export type ContactErrorCode = 'RT100' | 'RT101' | 'RT102' | 'RT103' | 'RT104';
