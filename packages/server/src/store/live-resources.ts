import { emptyResources, type Resources } from '@callflow/model';
import type { RequestHandler } from 'express';
import type { FlowStore } from './flow-store.js';

/**
 * The resources the runtime reads at every step, following resources.json on disk (a `git pull`, an
 * edit by hand, a save through the API). Requests that may start or move contacts check the file's
 * stamp first — one synchronous stat — and read and parse it again only when it changed, so the hot
 * path never waits for the file system's thread pool.
 */
export class LiveResources {
  #current: Resources = emptyResources();
  /** The stamp of the file `#current` was read from; undefined until the first load. */
  #stamp: string | null | undefined;
  readonly #listeners = new Set<(resources: Resources) => void>();
  #reading: Promise<void> | undefined;

  constructor(private readonly store: FlowStore) {}

  /** Called after each re-read that found the file changed (not after the first load). */
  onChange(listener: (resources: Resources) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get current(): Resources {
    return this.#current;
  }

  /**
   * Re-reads the file when it changed since the last load. Callers at the same time (a request and the
   * file watcher, say) share one read; a change made during a read is read next.
   */
  async refresh(): Promise<void> {
    while (this.store.resourcesStamp() !== this.#stamp) {
      this.#reading ??= this.#read().finally(() => {
        this.#reading = undefined;
      });
      await this.#reading;
    }
  }

  async #read(): Promise<void> {
    const stamp = this.store.resourcesStamp();
    const first = this.#stamp === undefined;
    this.#current = (await this.store.getResources()).resources ?? emptyResources();
    this.#stamp = stamp;
    if (!first) for (const listener of this.#listeners) listener(this.#current);
  }

  /** Middleware: the request sees the file as it is now. */
  follow(): RequestHandler {
    return (_req, _res, next) => {
      if (this.store.resourcesStamp() === this.#stamp) {
        next();
        return;
      }
      this.refresh().then(() => next(), next);
    };
  }
}
