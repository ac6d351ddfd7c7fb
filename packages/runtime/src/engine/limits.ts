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

/**
 * Stable codes of contact errors (a contact that ends in error says why with one of these).
 * Listed in docs/runtime.md; codes are never reused.
 */
export const CONTACT_ERRORS = {
  RT100: 'The flow ran 1,000 steps without finishing (step limit).',
  RT101: 'The same block ran 10 times in a row without waiting for the caller (loop limit).',
  RT102: 'A flow the contact needs is not published.',
  RT103: 'A block has a type this runtime does not know.',
  RT104: 'A block failed unexpectedly.',
} as const;
export type ContactErrorCode = keyof typeof CONTACT_ERRORS;
