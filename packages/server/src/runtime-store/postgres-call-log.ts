import type { Logger } from 'pino';
import type { CallLogStore, LoggedEntry, StoredCallLog } from '../runtime-host/call-log.js';
import type { PostgresBridge } from './postgres-bridge.js';
import type { PostgresRuntimeStore } from './postgres-runtime-store.js';

/** How long entries wait to be written together (ms): a step's event and commands go in one insert. */
const FLUSH_MS = 100;
const BATCH = 500;

/**
 * A center's call logs in PostgreSQL. Entries are written behind the steps, batched, on the service's
 * own connection (not the steps' bridge: a log entry never holds a step up), so a process killed -9
 * loses at most its last tenth of a second of log lines — never a step, which is written first. Logs are
 * read back through the bridge when a process takes contacts over or is asked for a log it does not have.
 */
export class PostgresCallLog implements CallLogStore {
  #queue: LoggedEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PostgresRuntimeStore,
    private readonly bridge: PostgresBridge,
    private readonly logger: Logger,
  ) {}

  append(entry: LoggedEntry): void {
    this.#queue.push(entry);
    this.#timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  load(contactIds: readonly string[]): StoredCallLog[] {
    return this.bridge.call<StoredCallLog[]>('callLogs', contactIds);
  }

  /** Writes what waits (in order: one batch after another); a draining process waits for it. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batches: LoggedEntry[][] = [];
    while (this.#queue.length > 0) batches.push(this.#queue.splice(0, BATCH));
    this.#writing = this.#writing.then(async () => {
      for (const batch of batches) {
        await this.store
          .appendLog(batch)
          .catch((error: unknown) =>
            this.logger.warn(
              { error: (error as Error).message, entries: batch.length },
              'call log entries could not be stored (the contacts and their traces are)',
            ),
          );
      }
    });
    return this.#writing;
  }
}
