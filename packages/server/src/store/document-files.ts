import { type BigIntStats, statSync } from 'node:fs';
import { readFile, stat, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Problem } from '@callflow/model';
import writeFileAtomic from 'write-file-atomic';
import { type ApiError, apiError } from '../http/api-error.js';
import { etagOf, ifMatchSatisfied } from './etag.js';
import { KeyedMutex } from './keyed-mutex.js';

export interface DocumentVersion {
  text: string;
  etag: string;
  /** Absent when the file is not JSON (e.g. a merge conflict left markers in it). */
  value?: unknown;
  /** Problems found reading the file (syntax, schema). */
  problems: Problem[];
}

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

export type ParseDocument = (text: string, file: string) => { value?: unknown; problems: Problem[] };

interface CacheEntry {
  key: string;
  version: DocumentVersion;
}

/**
 * JSON documents kept as files. Reads are cached and re-read whenever the file's inode, size or mtime
 * changes, so a `git pull` or an edit in another editor is seen on the next request. Writes are atomic
 * and serialised per path; the precondition is checked inside the lock against a fresh read, so two
 * saves holding the same If-Match can never both win.
 */
export class DocumentFiles {
  readonly #cache = new Map<string, CacheEntry>();
  readonly #locks = new KeyedMutex();
  /** The etag each file had when the server last read, wrote or reported it (null: absent). */
  readonly #known = new Map<string, string | null>();
  #changes = 0;

  constructor(private readonly parse: ParseDocument) {}

  /**
   * Grows whenever this server writes or removes a file, or a read finds a file changed: what is built
   * from the files (the flow list) is still good while it has not moved.
   */
  get changes(): number {
    return this.#changes;
  }

  async read(path: string): Promise<DocumentVersion | undefined> {
    let key: string;
    try {
      const s = await stat(path, { bigint: true });
      if (!s.isFile()) return undefined;
      key = stampOf(s);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        if (this.#cache.delete(path)) this.#changes += 1;
        return undefined;
      }
      throw error;
    }
    const cached = this.#cache.get(path);
    if (cached?.key === key) return cached.version;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (!this.#known.has(path)) this.#known.set(path, etagOf(text));
    // Problems name the file, never the server's directories (they reach any viewer).
    const parsed = this.parse(text, basename(path));
    const version: DocumentVersion = { text, etag: etagOf(text), problems: parsed.problems };
    if (parsed.value !== undefined) version.value = parsed.value;
    if (cached) this.#changes += 1;
    this.#cache.set(path, { key, version });
    return version;
  }

  /**
   * Which version of the file is on disk now (inode, size and mtime; null when there is none), with one
   * synchronous stat: no read, no await. Equal stamps mean a `read` would return the same version.
   */
  stamp(path: string): string | null {
    const s = statSync(path, { bigint: true, throwIfNoEntry: false });
    return s?.isFile() ? stampOf(s) : null;
  }

  knownEtag(path: string): string | null | undefined {
    return this.#known.get(path);
  }

  remember(path: string, etag: string | null): void {
    this.#known.set(path, etag);
  }

  /**
   * Writes `text` when the preconditions hold against what is on disk now. `describe` turns the current
   * version into the `details.current` of a 412 (so the client can merge without another request).
   */
  write(
    path: string,
    text: string,
    preconditions: Preconditions,
    describe: (current: DocumentVersion | undefined) => unknown,
  ): Promise<{ etag: string; created: boolean }> {
    return this.#locks.run(path, async () => {
      const current = await this.read(path);
      checkPreconditions(current, preconditions, describe);
      const etag = etagOf(text);
      if (current?.etag !== etag) {
        await writeFileAtomic(path, text);
        this.#changes += 1;
      }
      this.#known.set(path, etag);
      return { etag, created: current === undefined };
    });
  }

  /**
   * Runs `task` holding the lock of every path, taken in sorted order so that two batches over the same
   * files cannot deadlock (a caller holding several DocumentFiles' locks takes them in a fixed order too).
   */
  withLocks<T>(paths: readonly string[], task: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(paths)].sort();
    const run = (index: number): Promise<T> =>
      index === sorted.length ? task() : this.#locks.run(sorted[index]!, () => run(index + 1));
    return run(0);
  }

  /**
   * Writes `text` with no precondition: only inside `withLocks` of this path, after the caller checked
   * what is on disk. Returns the new etag.
   */
  async writeLocked(path: string, text: string): Promise<string> {
    const etag = etagOf(text);
    await writeFileAtomic(path, text);
    this.#changes += 1;
    this.#known.set(path, etag);
    return etag;
  }

  remove(
    path: string,
    preconditions: Preconditions,
    describe: (current: DocumentVersion | undefined) => unknown,
  ): Promise<void> {
    return this.#locks.run(path, async () => {
      const current = await this.read(path);
      if (!current) throw apiError('flow_not_found', 'There is nothing to delete: the file does not exist.');
      if (!preconditions.ifMatch) {
        throw apiError('precondition_required', 'Send If-Match with the etag you last read to delete.');
      }
      checkPreconditions(current, preconditions, describe);
      await unlink(path);
      this.#changes += 1;
      this.#cache.delete(path);
      this.#known.set(path, null);
    });
  }
}

const stampOf = (s: BigIntStats): string => `${s.ino}:${s.size}:${s.mtimeNs}`;

function checkPreconditions(
  current: DocumentVersion | undefined,
  { ifMatch, ifNoneMatch }: Preconditions,
  describe: (current: DocumentVersion | undefined) => unknown,
): void {
  const conflict = (message: string): ApiError =>
    apiError('version_mismatch', message, { current: current ? describe(current) : null });
  if (current) {
    if (ifNoneMatch?.trim() === '*')
      throw conflict('It already exists. Load it and save with If-Match instead.');
    if (!ifMatch) {
      throw apiError(
        'precondition_required',
        'It already exists: send If-Match with the etag you last read, so that nobody’s changes are lost.',
        { current: describe(current) },
      );
    }
    if (!ifMatchSatisfied(ifMatch, current.etag)) {
      throw conflict(
        'Someone else saved it since you loaded it. Your changes were not written; merge and retry.',
      );
    }
    return;
  }
  if (ifMatch) throw conflict('It was deleted since you loaded it. Nothing was written.');
  if (ifNoneMatch?.trim() !== '*') {
    throw apiError('precondition_required', 'To create it, send If-None-Match: *.');
  }
}
