import type { ContactEvent, StepResult } from '../types.js';

export type AfterStep = (result: StepResult | undefined) => void;

interface Delivery {
  contactId: string;
  event: ContactEvent;
  /** Runs once the event's step is applied (with undefined when the event was dropped). */
  after?: AfterStep;
}

/**
 * Events waiting for their step. Steps run one at a time, in arrival order: an event that arrives while
 * a step is being applied (a telephony answer, a timer, the ACD's offer) waits its turn, so two events
 * of one contact never race and the host never steps inside a step.
 */
export class Inbox {
  readonly #queue: Delivery[] = [];
  #draining = false;
  #stopped = false;

  constructor(private readonly handle: (delivery: Delivery) => void) {}

  push(contactId: string, event: ContactEvent, after?: AfterStep): void {
    if (this.#stopped) return;
    this.#queue.push(after ? { contactId, event, after } : { contactId, event });
  }

  /** Steps every waiting event, and those they cause; a no-op when a drain is already running. */
  drain(): void {
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) this.handle(next);
    } finally {
      this.#draining = false;
    }
  }

  /** Takes no more events (shutdown). */
  stop(): void {
    this.#stopped = true;
    this.#queue.length = 0;
  }
}
