export interface CallRetentionOptions {
  /** How long an ended call is kept after it ended. */
  retentionMs: number;
  /** How many ended calls are kept at most; past it the longest-ended go first. */
  maxEndedCalls: number;
  now: () => number;
}

/**
 * Decides when the adapter forgets an ended call. Twilio still sends webhooks for a call after it ends
 * (the final status callback, a `<Dial>` action, a retried `<Gather>`), so an ended call is kept for a
 * while, then dropped. The ids of dropped calls are remembered a while longer (ids only, as many as
 * `maxEndedCalls`), so a very late webhook is recognised and answered safely instead of starting over.
 */
export class CallRetention {
  /** Ended calls still kept, in the order they ended. */
  readonly #endedAt = new Map<string, number>();
  /** Forgotten calls, oldest first. */
  readonly #forgotten = new Set<string>();

  constructor(private readonly options: CallRetentionOptions) {}

  get endedCalls(): number {
    return this.#endedAt.size;
  }

  ended(contactId: string): void {
    if (!this.#endedAt.has(contactId)) this.#endedAt.set(contactId, this.options.now());
  }

  isForgotten(contactId: string): boolean {
    return this.#forgotten.has(contactId);
  }

  /** Drops the ended calls past their retention or over the cap; `drop` releases each one's state. */
  expire(drop: (contactId: string) => void): void {
    const endedBefore = this.options.now() - this.options.retentionMs;
    for (const [contactId, endedAt] of this.#endedAt) {
      if (endedAt > endedBefore && this.#endedAt.size <= this.options.maxEndedCalls) break;
      this.#endedAt.delete(contactId);
      drop(contactId);
      this.#remember(contactId);
    }
  }

  /** Forgets a call now (it ended where this adapter could not see it, e.g. before a restart). */
  forget(contactId: string): void {
    this.#endedAt.delete(contactId);
    if (!this.#forgotten.has(contactId)) this.#remember(contactId);
  }

  clear(): void {
    this.#endedAt.clear();
    this.#forgotten.clear();
  }

  #remember(contactId: string): void {
    this.#forgotten.add(contactId);
    if (this.#forgotten.size > this.options.maxEndedCalls) {
      const oldest = this.#forgotten.values().next().value;
      if (oldest !== undefined) this.#forgotten.delete(oldest);
    }
  }
}
