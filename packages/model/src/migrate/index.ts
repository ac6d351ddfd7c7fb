import { FORMAT_VERSION } from '../flow.js';
import { type Problem, problem } from '../problems.js';
import { blocksMap } from './0001-blocks-map.js';
import { isRecord, type Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, oldest first; `from` of each is `to` of the one before, the last ends at FORMAT_VERSION. */
export const MIGRATIONS: readonly Migration[] = [blocksMap];

export interface MigrationResult {
  /**
   * The document at FORMAT_VERSION: a new object when migrations ran (the input is never changed), the
   * input itself when it was already current or cannot be read.
   */
  value: unknown;
  /** The version the document had; a missing `formatVersion` counts as 0. */
  fromVersion?: number;
  /** The steps applied, oldest first (empty when the document was current). */
  applied: readonly Migration[];
  problems: Problem[];
  /** Maps a pointer into `value` back to the document as written (for line numbers). */
  sourcePointer(pointer: string): string;
}

/**
 * Reads the `formatVersion` of a document. Flows without one are version 0 (the pre-release shape);
 * resources and flow tests began at version 1 (`oldest`).
 */
export function formatVersionProblems(
  doc: unknown,
  oldest: number,
): { version?: number; problems: Problem[] } {
  if (!isRecord(doc)) return { problems: [] };
  if (!('formatVersion' in doc)) return oldest === 0 ? { version: 0, problems: [] } : { problems: [] };
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const got = typeof version === 'string' ? JSON.stringify(version.slice(0, 20)) : JSON.stringify(version);
    const message = `"formatVersion" must be a whole number such as ${FORMAT_VERSION} (got ${got ?? typeof version}).`;
    return { problems: [problem('CF003', message, '/formatVersion')] };
  }
  if (version > FORMAT_VERSION) {
    const message = `Format version ${version} is newer than this callflow understands (up to ${FORMAT_VERSION}). Upgrade callflow.`;
    return { problems: [problem('CF003', message, '/formatVersion')] };
  }
  if (version < oldest) {
    const message = `Format version ${version} does not exist for this kind of file; the oldest is ${oldest}.`;
    return { problems: [problem('CF003', message, '/formatVersion')] };
  }
  return { version, problems: [] };
}

/** Documents are JSON data: a JSON round trip is a faithful deep copy (and keeps `__proto__` keys as keys). */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Upgrades a flow document of any known version to FORMAT_VERSION. Never throws. */
export function migrateFlow(doc: unknown): MigrationResult {
  const identity = (p: string) => p;
  const { version, problems } = formatVersionProblems(doc, 0);
  if (!isRecord(doc) || version === undefined) {
    return { value: doc, applied: [], problems, sourcePointer: identity };
  }
  if (version === FORMAT_VERSION) {
    return { value: doc, fromVersion: version, applied: [], problems, sourcePointer: identity };
  }
  const applied: Migration[] = [];
  const befores: Record<string, unknown>[] = [];
  let current: Record<string, unknown> = cloneJson(doc);
  for (const migration of MIGRATIONS) {
    if (migration.from < version) continue;
    befores.push(current);
    current = { ...migration.up(cloneJson(current)), formatVersion: migration.to };
    applied.push(migration);
  }
  const sourcePointer = (pointer: string): string => {
    let p = pointer;
    for (let i = applied.length - 1; i >= 0; i--) p = applied[i]!.sourcePointer?.(p, befores[i]!) ?? p;
    return p;
  };
  return { value: current, fromVersion: version, applied, problems, sourcePointer };
}
