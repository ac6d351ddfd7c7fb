import { type FSWatcher, watch } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Flow, idRegExp, type Problem, type Resources } from '@callflow/model';
import { apiError } from '../http/api-error.js';
import type { DocumentFiles, DocumentVersion, Preconditions } from './document-files.js';
import { formatFlowText, formatResourcesText } from './flow-checks.js';
import { assertTestFileName, type FlowTestFile, readFlowTests, TEST_FILE_SUFFIX } from './flow-tests.js';
import { removeStaleTempFiles } from './temp-files.js';

export const FLOW_FILE_SUFFIX = '.flow.json';

export interface StoredFlow {
  id: string;
  etag: string;
  /** The file's text as read (a rename previews its change against it). */
  text: string;
  /** Absent when the file on disk is not JSON. */
  flow?: Flow;
  /** Problems reading the file (syntax and schema); lint is not run here. */
  problems: Problem[];
}

/** One file of a batch: the canonical text to write and the etag the writer read it with. */
export interface BatchWrite {
  file: string;
  text: string;
  etag: string;
}

/** A file of a batch that changed on disk since it was read: nothing of the batch was written. */
export interface BatchConflict {
  file: string;
  expected: string;
  /** Null when the file is gone. */
  current: string | null;
}

/** A flow test document as the where-used and rename read it: its value once it passes the schema. */
export interface StoredTest {
  file: string;
  etag: string;
  text: string;
  doc?: unknown;
}

export interface StoredResources {
  etag: string | null;
  /** The file's text as read; absent when there is no file. */
  text?: string;
  resources?: Resources;
  problems: Problem[];
}

/**
 * The flows directory is the database: `<id>.flow.json` per flow, one resources file, all in canonical
 * format so that git shows exactly what an admin changed. Runtime state never goes here.
 */
export class FlowStore {
  #watcher: FSWatcher | undefined;
  /** Changes the watcher saw in the directory (every raw event, before the quiet period). */
  #seen = 0;

  constructor(
    readonly dir: string,
    readonly resourcesFile: string,
    private readonly flowFiles: DocumentFiles,
    private readonly resourceFiles: DocumentFiles,
    private readonly testFiles: DocumentFiles,
  ) {}

  /** Creates the directory, and removes the temp files a crash during a save left; returns their names. */
  async init(): Promise<string[]> {
    await mkdir(this.dir, { recursive: true });
    return removeStaleTempFiles(this.dir);
  }

  pathOf(id: string): string {
    assertFlowId(id);
    return join(this.dir, `${id}${FLOW_FILE_SUFFIX}`);
  }

  async ids(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names
      .filter((n) => n.endsWith(FLOW_FILE_SUFFIX))
      .map((n) => n.slice(0, -FLOW_FILE_SUFFIX.length))
      .filter((id) => idRegExp.test(id))
      .sort();
  }

  async list(): Promise<StoredFlow[]> {
    const flows = await Promise.all((await this.ids()).map((id) => this.get(id)));
    return flows.filter((f): f is StoredFlow => f !== undefined);
  }

  async get(id: string): Promise<StoredFlow | undefined> {
    const version = await this.flowFiles.read(this.pathOf(id));
    return version && toStoredFlow(id, version);
  }

  /** Whether `<id>.flow.json` is on disk now (one stat, no read). */
  has(id: string): boolean {
    return this.flowFiles.stamp(this.pathOf(id)) !== null;
  }

  /** The scenario test files of a flow, read now; undefined when there is no such flow. */
  async tests(id: string): Promise<FlowTestFile[] | undefined> {
    if (!this.has(id)) return undefined;
    return readFlowTests(this.dir, id);
  }

  /**
   * Writes a test file's canonical `text` under the same rules as a flow: atomic, serialised per file,
   * If-Match / If-None-Match checked inside the lock. A 412 carries `{ test, etag }` of the file on disk,
   * `test` being null when it does not pass the flow test schema (as the Tests tab lists it).
   */
  saveTest(
    file: string,
    text: string,
    preconditions: Preconditions,
  ): Promise<{ etag: string; created: boolean }> {
    assertTestFileName(file);
    return this.testFiles.write(join(this.dir, file), text, preconditions, (current) =>
      current ? { test: current.value ?? null, etag: current.etag } : null,
    );
  }

  async save(
    id: string,
    flow: Flow,
    preconditions: Preconditions,
  ): Promise<{ etag: string; created: boolean }> {
    return this.flowFiles.write(this.pathOf(id), formatFlowText(flow), preconditions, (current) =>
      current ? { flow: current.value ?? null, etag: current.etag } : null,
    );
  }

  async remove(id: string, preconditions: Preconditions): Promise<void> {
    await this.flowFiles.remove(this.pathOf(id), preconditions, (current) =>
      current ? { flow: current.value ?? null, etag: current.etag } : null,
    );
  }

  /** The file name the resources file goes by in answers (never the server's directories). */
  get resourcesName(): string {
    return basename(this.resourcesFile);
  }

  /** Every `*.test.json` of the directory, by file name. */
  async testDocuments(): Promise<StoredTest[]> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(TEST_FILE_SUFFIX)).sort();
    const read = await Promise.all(
      names.map(async (file) => {
        const version = await this.testFiles.read(join(this.dir, file));
        if (!version) return undefined;
        const stored: StoredTest = { file, etag: version.etag, text: version.text };
        if (version.value !== undefined && !version.problems.some((p) => p.severity === 'error'))
          stored.doc = version.value;
        return stored;
      }),
    );
    return read.filter((t): t is StoredTest => t !== undefined);
  }

  /**
   * Writes several files (flows, tests, the resources file) as one change: every file is locked, its
   * etag checked against `etag`, and only when all match is anything written. A failure while writing
   * puts back the files already written, so the directory holds all of the change or none of it.
   * Returns the conflicts (nothing written) or the new etags.
   */
  async writeTogether(
    writes: readonly BatchWrite[],
  ): Promise<{ conflicts: BatchConflict[] } | { etags: Record<string, string> }> {
    const targets = writes.map((w) => ({ ...w, ...this.#fileOf(w.file) }));
    const pathsOf = (files: DocumentFiles) => targets.filter((t) => t.files === files).map((t) => t.path);
    // A fixed order across the three kinds of file, and sorted paths within each (see withLocks).
    return this.resourceFiles.withLocks(pathsOf(this.resourceFiles), () =>
      this.flowFiles.withLocks(pathsOf(this.flowFiles), () =>
        this.testFiles.withLocks(pathsOf(this.testFiles), async () => {
          const current = await Promise.all(targets.map((t) => t.files.read(t.path)));
          const conflicts = targets.flatMap((t, i) =>
            current[i]?.etag === t.etag
              ? []
              : [{ file: t.file, expected: t.etag, current: current[i]?.etag ?? null }],
          );
          if (conflicts.length > 0) return { conflicts };
          const etags: Record<string, string> = {};
          const written: number[] = [];
          try {
            for (const [i, t] of targets.entries()) {
              etags[t.file] = await t.files.writeLocked(t.path, t.text);
              written.push(i);
            }
          } catch (error) {
            for (const i of written.reverse()) {
              const before = current[i]!;
              await targets[i]!.files.writeLocked(targets[i]!.path, before.text).catch(() => undefined);
            }
            throw error;
          }
          return { etags };
        }),
      ),
    );
  }

  #fileOf(file: string): { files: DocumentFiles; path: string } {
    if (file === this.resourcesName) return { files: this.resourceFiles, path: this.resourcesFile };
    if (file.endsWith(TEST_FILE_SUFFIX)) {
      assertTestFileName(file);
      return { files: this.testFiles, path: join(this.dir, file) };
    }
    if (file.endsWith(FLOW_FILE_SUFFIX))
      return { files: this.flowFiles, path: this.pathOf(file.slice(0, -FLOW_FILE_SUFFIX.length)) };
    throw new Error(`not a file of the flows directory: ${file}`);
  }

  async getResources(): Promise<StoredResources> {
    const version = await this.resourceFiles.read(this.resourcesFile);
    if (!version) return { etag: null, problems: [] };
    const stored: StoredResources = { etag: version.etag, text: version.text, problems: version.problems };
    if (version.value !== undefined && !version.problems.some((p) => p.severity === 'error')) {
      stored.resources = version.value as Resources;
    }
    return stored;
  }

  /**
   * A number that grows with every change to the flows and the resources file: the server's own writes,
   * and changes on disk as soon as the watcher hears of them (git, another editor). Undefined when
   * changes on disk could go unseen (no watcher, or a resources file outside the watched directory):
   * then nothing may be cached on it.
   */
  changes(): number | undefined {
    if (!this.#watcher || dirname(this.resourcesFile) !== this.dir) return undefined;
    return this.#seen + this.flowFiles.changes + this.resourceFiles.changes;
  }

  /** Changes whenever the resources file does (see `DocumentFiles.stamp`); cheap enough for every request. */
  resourcesStamp(): string | null {
    return this.resourceFiles.stamp(this.resourcesFile);
  }

  async saveResources(resources: Resources, preconditions: Preconditions): Promise<{ etag: string }> {
    return this.resourceFiles.write(
      this.resourcesFile,
      formatResourcesText(resources),
      preconditions,
      (current) => (current ? { resources: current.value ?? null, etag: current.etag } : null),
    );
  }

  /**
   * Tells `onChange` when a flow or the resources file changes behind the server's back (git pull,
   * another editor), with its new etag (null when deleted). The server's own saves are not reported:
   * their etag is already known. Reads never depend on this (they compare inode, size and mtime), so a
   * platform without fs.watch only loses the push.
   */
  watch(onChange: (change: { file: string; flowId?: string; etag: string | null }) => void): void {
    const timers = new Map<string, NodeJS.Timeout>();
    const check = async (file: string): Promise<void> => {
      const path = join(this.dir, file);
      const isResources = path === this.resourcesFile;
      const files = isResources ? this.resourceFiles : this.flowFiles;
      const known = files.knownEtag(path);
      const current = (await files.read(path).catch(() => undefined))?.etag ?? null;
      if (current === known) return;
      files.remember(path, current);
      const flowId = isResources ? undefined : file.slice(0, -FLOW_FILE_SUFFIX.length);
      onChange({ file, etag: current, ...(flowId ? { flowId } : {}) });
    };
    try {
      this.#watcher = watch(this.dir, { persistent: false }, (_event, name) => {
        const file = name?.toString();
        // Counted at once, not after the quiet period: a list built from the files is stale from now.
        this.#seen += 1;
        if (!file || !(file.endsWith(FLOW_FILE_SUFFIX) || join(this.dir, file) === this.resourcesFile))
          return;
        // Editors and git write in several steps: report once things are quiet.
        clearTimeout(timers.get(file));
        timers.set(
          file,
          setTimeout(() => {
            timers.delete(file);
            void check(file);
          }, 50),
        );
      });
      this.#watcher.on('error', () => this.unwatch());
    } catch {
      this.#watcher = undefined;
    }
  }

  unwatch(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }
}

export function assertFlowId(id: string): void {
  if (id.length > 64 || !idRegExp.test(id)) {
    throw apiError(
      'invalid_flow_id',
      `"${id.slice(0, 80)}" is not a flow id: use lower-case letters, digits and single hyphens, starting with a letter.`,
      { id: id.slice(0, 80) },
    );
  }
}

function toStoredFlow(id: string, version: DocumentVersion): StoredFlow {
  const stored: StoredFlow = { id, etag: version.etag, text: version.text, problems: version.problems };
  if (version.value !== undefined && typeof version.value === 'object' && version.value !== null) {
    stored.flow = version.value as Flow;
  }
  return stored;
}
