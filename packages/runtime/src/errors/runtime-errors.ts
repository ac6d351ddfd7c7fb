/**
 * Every code the runtime reports, written once: the contact trace carries it as data
 * (`TraceEntry.error = { code, detail }`), metrics count by it, thrown errors carry it in `code`, and
 * docs/errors.md is generated from this list. Codes are never reused or renumbered.
 */
export const RUNTIME_ERRORS = {
  RT100: {
    title: 'Step limit',
    meaning: 'The flow ran 1,000 steps without finishing (step limit); the contact ends.',
  },
  RT101: {
    title: 'Loop limit',
    meaning:
      'The same block ran 10 times in a row without waiting for the caller (loop limit); the contact ends.',
  },
  RT102: {
    title: 'Flow not published',
    meaning:
      "A flow the contact needs is not published. The contact's own flow ends the contact; a module, whisper or queue flow takes its error path.",
  },
  RT103: {
    title: 'Unknown block',
    meaning:
      'A block has a type this runtime does not know, or the flow has no such block; the contact ends.',
  },
  RT104: {
    title: 'Block failed',
    meaning: 'A block failed unexpectedly (a defect); it takes its error outcome and the contact goes on.',
  },
  RT105: {
    title: 'Callback number refused',
    meaning:
      "A callback's number fails the dial-number rules or the country allowlist; nothing is dialled and the callback ends.",
  },
  RT106: {
    title: 'Telephony error',
    meaning:
      'The telephony provider reported an error on a call the contact placed; it counts as a failed dial.',
  },
  RT107: {
    title: 'Consult party gone',
    meaning:
      "A consult's other party is gone (an agent went Offline or left the resources, the call is no longer known, or it ended and the consulting agent moved on): the service ends the consult by itself, and the agents' consult events carry `ended: { code, reason }`.",
  },
  RT108: {
    title: 'Consult leg ended',
    meaning:
      'The number an agent consults did not answer, was busy, failed or hung up: the leg is over, the consult ends and the agent is back with the customer, who was on hold.',
  },
  RT110: {
    title: 'Not a snapshot',
    meaning:
      'A stored contact is not a contact snapshot of a format this runtime reads; it cannot be restored.',
  },
  SIM001: {
    title: 'Unknown agent',
    meaning: 'The simulator or host was asked to act as an agent that is not in resources.agents.',
  },
} as const satisfies Record<string, { title: string; meaning: string }>;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERRORS;

/** The code a consult ended by the service (a party gone) carries. */
export const CONSULT_PARTY_GONE = 'RT107' satisfies RuntimeErrorCode;
/** The code a consult leg to a number that ended on its own carries (busy, no answer, hung up). */
export const CONSULT_LEG_ENDED = 'RT108' satisfies RuntimeErrorCode;

/** A runtime error as data: the code, and what it concerns (ids, names; never a secure value). */
export interface RuntimeErrorInfo {
  code: RuntimeErrorCode;
  detail: string;
}

/** An error the runtime throws (a snapshot it cannot restore, an unknown agent): its code is a field. */
export class RuntimeError extends Error {
  constructor(
    readonly code: RuntimeErrorCode,
    readonly detail: string,
  ) {
    super(`${code} ${detail}`);
    this.name = 'RuntimeError';
  }
}

/** One line for people (the CLI's trace, the simulator's transcript): the code, its title, the detail. */
export function describeRuntimeError(error: RuntimeErrorInfo): string {
  return `${error.code} ${RUNTIME_ERRORS[error.code]?.title ?? ''}: ${error.detail}`;
}
