import type { Flow } from '@callflow/model';
import type { Db } from '../db/database.js';
import { apiError } from '../http/api-error.js';
import type { NewVersion } from '../runtime-store/runtime-store.js';
import { etagOf } from './etag.js';
import { formatFlowText } from './flow-checks.js';

export interface PublishedVersion {
  version: number;
  publishedAt: string;
  publishedBy: string;
  /** What the publisher wrote about this version; null when they wrote nothing. */
  note: string | null;
  live: boolean;
}

export interface PublishedFlow extends PublishedVersion {
  flowId: string;
  flow: Flow;
  etag: string;
}

export interface VersionRow {
  flow_id: string;
  version: number;
  content: string;
  etag: string;
  published_at: string;
  published_by: string;
  note: string | null;
  live_version: number | null;
}

/** Parsed versions kept in memory (by `flow@version`); a few hundred flows' worth. */
const PARSED_VERSIONS_KEPT = 256;

type ParsedVersion = Omit<PublishedFlow, 'live'>;

/**
 * Where published versions are kept: SQLite (the embedded default) or PostgreSQL (one center for many
 * processes). Synchronous, as the engine reads a flow at the step that needs it.
 */
export interface VersionRows {
  /** Records the next version of each flow and makes it live, in one transaction; their numbers. */
  insertNext(versions: readonly NewVersion[], at: string): number[];
  setLive(flowId: string, version: number, at: string): void;
  get(flowId: string, version: number): VersionRow | undefined;
  list(flowId: string): VersionRow[];
  liveOf(flowId: string): number | undefined;
  summaries(): { flow_id: string; latest: number; live: number | null }[];
  /**
   * True when this process alone writes the rows (the embedded SQLite file), so that it knows every
   * change; rows shared by a center's processes leave it out.
   */
  local?: boolean;
}

/** The published versions tables in the service's SQLite file. */
export function sqliteVersionRows(db: Db): VersionRows {
  const insert = db.prepare(
    'INSERT INTO published_versions (flow_id, version, content, etag, published_at, published_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const setLive = db.prepare(
    `INSERT INTO live_versions (flow_id, version, changed_at) VALUES (?, ?, ?)
     ON CONFLICT (flow_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
  );
  const latest = db.prepare('SELECT MAX(version) AS latest FROM published_versions WHERE flow_id = ?');
  const byVersion = db.prepare(
    `SELECT p.*, l.version AS live_version FROM published_versions p
     LEFT JOIN live_versions l ON l.flow_id = p.flow_id WHERE p.flow_id = ? AND p.version = ?`,
  );
  const list = db.prepare(
    `SELECT p.flow_id, p.version, p.published_at, p.published_by, p.note, l.version AS live_version
     FROM published_versions p LEFT JOIN live_versions l ON l.flow_id = p.flow_id
     WHERE p.flow_id = ? ORDER BY p.version DESC`,
  );
  const liveOf = db.prepare('SELECT version FROM live_versions WHERE flow_id = ?');
  const summaries = db.prepare(
    `SELECT p.flow_id, MAX(p.version) AS latest, l.version AS live FROM published_versions p
     LEFT JOIN live_versions l ON l.flow_id = p.flow_id GROUP BY p.flow_id`,
  );
  return {
    insertNext: (versions, at) =>
      db.transaction(() =>
        versions.map((v) => {
          const { latest: last } = latest.get(v.flowId) as { latest: number | null };
          const next = (last ?? 0) + 1;
          insert.run(v.flowId, next, v.content, v.etag, at, v.publishedBy, v.note);
          setLive.run(v.flowId, next, at);
          return next;
        }),
      )(),
    setLive: (flowId, version, at) => {
      setLive.run(flowId, version, at);
    },
    get: (flowId, version) => byVersion.get(flowId, version) as VersionRow | undefined,
    list: (flowId) => list.all(flowId) as VersionRow[],
    liveOf: (flowId) => (liveOf.get(flowId) as { version: number } | undefined)?.version,
    summaries: () => summaries.all() as { flow_id: string; latest: number; live: number | null }[],
    local: true,
  };
}

/**
 * Published versions live in the runtime store, not in the flows directory: they are runtime state
 * (immutable, numbered, with a movable `live` alias), and the flows directory stays what git reviews.
 * A version is written once and never changed; rollback only moves `live`.
 */
export class PublishedVersions {
  /**
   * A version never changes once written, so its content is parsed once: contact views and traces look
   * up the flow of every contact they show. Only `live` moves, and it is read fresh each time.
   */
  readonly #parsed = new Map<string, ParsedVersion>();
  #changes = 0;

  constructor(private readonly rows: VersionRows) {}

  /**
   * Grows with every publish and rollback of this process; undefined when other processes publish too
   * (a center on PostgreSQL): then what is built from the versions may not be cached on it.
   */
  changes(): number | undefined {
    return this.rows.local ? this.#changes : undefined;
  }

  /** Records the next version of the flow and makes it live, in one transaction. */
  publish(flow: Flow, publishedBy: string, now = new Date(), note: string | null = null): PublishedFlow {
    return this.publishAll([flow], publishedBy, note, now)[0] as PublishedFlow;
  }

  /**
   * Records the next version of each flow and makes them all live in one transaction: either every
   * flow is live afterwards or none changed (a flow and the drafts it depends on go live together).
   */
  publishAll(
    flows: readonly Flow[],
    publishedBy: string,
    note: string | null,
    now = new Date(),
  ): PublishedFlow[] {
    const publishedAt = now.toISOString();
    const texts = flows.map((flow) => {
      const content = formatFlowText(flow);
      return { flow, content, etag: etagOf(content) };
    });
    const versions = this.rows.insertNext(
      texts.map(({ flow, content, etag }) => ({ flowId: flow.id, content, etag, publishedBy, note })),
      publishedAt,
    );
    this.#changes += 1;
    return texts.map(({ flow, etag }, index) => ({
      flowId: flow.id,
      version: versions[index] as number,
      flow,
      etag,
      publishedAt,
      publishedBy,
      note,
      live: true,
    }));
  }

  rollback(flowId: string, version: number, now = new Date()): void {
    if (!this.rows.get(flowId, version)) {
      throw apiError('version_not_found', `Flow "${flowId}" has no published version ${version}.`, {
        flowId,
        version,
      });
    }
    this.rows.setLive(flowId, version, now.toISOString());
    this.#changes += 1;
  }

  /** The version with its flow; the flow object is shared between callers: treat it as read-only. */
  get(flowId: string, version: number): PublishedFlow | undefined {
    const found = this.#parsedVersion(flowId, version);
    return found && { ...found, live: this.liveNumber(flowId) === version };
  }

  /**
   * The flow of a published version (shared: read-only), without asking which version is live: what
   * contact views and call logs need, for every contact they show, from a version that never changes.
   */
  flow(flowId: string, version: number): Flow | undefined {
    return this.#parsedVersion(flowId, version)?.flow;
  }

  #parsedVersion(flowId: string, version: number): ParsedVersion | undefined {
    const key = `${flowId}@${version}`;
    const parsed = this.#parsed.get(key);
    if (parsed) return parsed;
    const row = this.rows.get(flowId, version);
    if (!row) return undefined;
    const found: ParsedVersion = {
      flowId,
      version: row.version,
      flow: JSON.parse(row.content) as Flow,
      etag: row.etag,
      publishedAt: row.published_at,
      publishedBy: row.published_by,
      note: row.note,
    };
    if (this.#parsed.size >= PARSED_VERSIONS_KEPT) {
      const oldest = this.#parsed.keys().next().value;
      if (oldest !== undefined) this.#parsed.delete(oldest);
    }
    this.#parsed.set(key, found);
    return found;
  }

  live(flowId: string): PublishedFlow | undefined {
    const version = this.liveNumber(flowId);
    return version === undefined ? undefined : this.get(flowId, version);
  }

  liveNumber(flowId: string): number | undefined {
    return this.rows.liveOf(flowId);
  }

  versions(flowId: string): PublishedVersion[] {
    return this.rows.list(flowId).map((row) => ({
      version: row.version,
      publishedAt: row.published_at,
      publishedBy: row.published_by,
      note: row.note,
      live: row.live_version === row.version,
    }));
  }

  /** flow id -> { live, latest } for the flow list. */
  summaries(): Map<string, { live: number | null; latest: number | null }> {
    const rows = this.rows.summaries();
    return new Map(rows.map((r) => [r.flow_id, { live: r.live, latest: r.latest }]));
  }
}
