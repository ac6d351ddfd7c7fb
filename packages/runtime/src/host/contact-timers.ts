import type { ContactSnapshot } from '../types.js';
import type { HostClock } from './host-options.js';

/**
 * The contacts' timers on the host's clock, by contact: each fires a `timer` event at its absolute
 * deadline (at once when a restored deadline has passed already).
 */
export class ContactTimers {
  readonly #byContact = new Map<string, Map<string, () => void>>();

  constructor(
    private readonly clock: HostClock,
    private readonly fire: (contactId: string, timerId: string) => void,
  ) {}

  arm(contactId: string, timerId: string, at: number): void {
    let timers = this.#byContact.get(contactId);
    if (!timers) {
      timers = new Map();
      this.#byContact.set(contactId, timers);
    }
    timers.get(timerId)?.();
    const own = timers;
    own.set(
      timerId,
      this.clock.at(at, () => {
        this.#forget(contactId, own, timerId);
        this.fire(contactId, timerId);
      }),
    );
  }

  cancel(contactId: string, timerId: string): void {
    const timers = this.#byContact.get(contactId);
    const cancel = timers?.get(timerId);
    if (!timers || !cancel) return;
    cancel();
    this.#forget(contactId, timers, timerId);
  }

  cancelAll(contactId: string): void {
    const timers = this.#byContact.get(contactId);
    if (!timers) return;
    for (const cancel of timers.values()) cancel();
    this.#byContact.delete(contactId);
  }

  /** Arms exactly the snapshot's timers (a contact restored from its stored form). */
  rearm(contactId: string, timers: ContactSnapshot['timers']): void {
    this.cancelAll(contactId);
    for (const timer of timers) this.arm(contactId, timer.id, timer.at);
  }

  /** Cancels every timer (shutdown: the deadlines are kept in the snapshots). */
  stop(): void {
    for (const timers of this.#byContact.values()) for (const cancel of timers.values()) cancel();
    this.#byContact.clear();
  }

  #forget(contactId: string, timers: Map<string, () => void>, timerId: string): void {
    timers.delete(timerId);
    if (timers.size === 0 && this.#byContact.get(contactId) === timers) this.#byContact.delete(contactId);
  }
}
