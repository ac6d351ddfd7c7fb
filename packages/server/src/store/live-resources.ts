import { readFile } from 'node:fs/promises';
import {
  emptyResources,
  type Problem,
  parseJsonDocument,
  type Resources,
  validateResourcesSchema,
} from '@callflow/model';
import type { RequestHandler } from 'express';
import writeFileAtomic from 'write-file-atomic';
import type { FlowStore } from './flow-store.js';

/** The resources file cannot be used: its located problems, and since when. */
export interface ResourcesDamage {
  file: string;
  problems: Problem[];
  since: string;
  /** Whether the last good resources are served meanwhile (always, once the service runs). */
  servingLastGood: boolean;
}

/** A damaged resources file at start-up with no last good copy to serve: the service does not start. */
export class ResourcesDamagedError extends Error {
  override name = 'ResourcesDamagedError';
  constructor(readonly damage: ResourcesDamage) {
    const first = damage.problems[0];
    const where = first?.line !== undefined ? `:${first.line}:${first.column}` : '';
    super(
      `${damage.file}${where} cannot be used: ${first?.message ?? 'it is damaged'} ` +
        'There is no last good copy to serve instead (one is kept once the service has run with a good file). ' +
        'Fix the file (or restore it with git) and start again.',
    );
  }
}

const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');

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
  #damage: ResourcesDamage | undefined;
  readonly #statusListeners = new Set<(damage: ResourcesDamage | undefined) => void>();

  /**
   * `lastGoodFile`: where a copy of the last good file is kept (in the data directory), so that a start
   * with a damaged file can serve it instead of refusing.
   */
  constructor(
    private readonly store: FlowStore,
    private readonly lastGoodFile?: string,
  ) {}

  /** Set while the file on disk cannot be read (conflict markers, truncated, empty). */
  get damage(): ResourcesDamage | undefined {
    return this.#damage;
  }

  /** Called when the file becomes damaged (with its problems) and when it is good again (undefined). */
  onStatus(listener: (damage: ResourcesDamage | undefined) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

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
    const stored = await this.store.getResources();
    // A file that exists but cannot be used (merge-conflict markers, truncated, empty: not JSON; or JSON
    // that breaks the schema, e.g. a conflict resolved by hand into the wrong shape) never replaces the
    // resources in use: calls keep their queues, numbers and agents meanwhile. Only a resources file the
    // service accepts through its API (the schema) ever becomes the resources calls run with.
    const schema = stored.resources ? errorsOf(validateResourcesSchema(stored.resources)) : [];
    if (stored.etag !== null && (!stored.resources || schema.length > 0)) {
      const damage: ResourcesDamage = {
        file: this.store.resourcesFile,
        problems: stored.resources ? schema : errorsOf(stored.problems),
        since: this.#damage?.since ?? new Date().toISOString(),
        servingLastGood: true,
      };
      if (first) {
        const lastGood = await this.#readLastGood();
        if (!lastGood) throw new ResourcesDamagedError({ ...damage, servingLastGood: false });
        this.#current = lastGood;
      }
      this.#stamp = stamp;
      this.#damage = damage;
      for (const listener of this.#statusListeners) listener(damage);
      return;
    }
    this.#current = stored.resources ?? emptyResources();
    this.#stamp = stamp;
    const recovered = this.#damage !== undefined;
    this.#damage = undefined;
    if (stored.resources) await this.#keepLastGood(stored.resources);
    if (recovered) for (const listener of this.#statusListeners) listener(undefined);
    if (!first || recovered) for (const listener of this.#listeners) listener(this.#current);
  }

  async #keepLastGood(resources: Resources): Promise<void> {
    if (!this.lastGoodFile) return;
    await writeFileAtomic(this.lastGoodFile, `${JSON.stringify(resources, null, 2)}\n`).catch(() => {
      // Only a fallback for a later damaged start: the service runs without it.
    });
  }

  async #readLastGood(): Promise<Resources | undefined> {
    if (!this.lastGoodFile) return undefined;
    const text = await readFile(this.lastGoodFile, 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const doc = parseJsonDocument(text);
    return doc.value === undefined || doc.problems.length > 0 ? undefined : (doc.value as Resources);
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
