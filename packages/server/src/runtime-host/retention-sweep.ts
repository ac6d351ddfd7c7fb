import type { Logger } from 'pino';
import type { ContactRecords } from './contact-records.js';
import type { Purged } from './contact-repository.js';

/** The sweep runs at most this often, and at least once per retention period's tenth. */
const MAX_SWEEP_EVERY_MS = 60 * 60_000;

export interface RetentionSweepOptions {
  repository: ContactRecords;
  /** How long an ended contact is kept (ms). */
  retentionMs: number;
  /** The service's clock: ended contacts older than `now() - retentionMs` go. */
  now: () => number;
  logger: Logger;
}

/**
 * Removes ended contacts, their traces and finished callback requests once they are older than the
 * retention (CALLFLOW_CONTACT_RETENTION): at start-up, then periodically. Without it the database grows
 * with every call ever made (86 MB after 57k events was measured) and keeps what callers said forever.
 */
export class RetentionSweep {
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RetentionSweepOptions) {}

  /** One sweep now. */
  sweep(): Purged {
    const purged = this.options.repository.purgeEnded(this.options.now() - this.options.retentionMs);
    if (purged.contacts > 0 || purged.callbacks > 0)
      this.options.logger.info(purged, 'ended contacts past their retention removed');
    return purged;
  }

  /** Sweeps now and then every tenth of the retention (at most hourly). */
  start(): void {
    this.#run();
    const every = Math.max(1000, Math.min(MAX_SWEEP_EVERY_MS, Math.floor(this.options.retentionMs / 10)));
    this.#timer = setInterval(() => this.#run(), every);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #run(): void {
    try {
      this.sweep();
    } catch (error) {
      // A busy or full disk must not stop the service; the next sweep tries again.
      this.options.logger.warn({ error }, 'the retention sweep failed');
    }
  }
}
