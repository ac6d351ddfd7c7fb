import type { Flow } from '@callflow/model';
import type { Db } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
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

interface VersionRow {
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
 * Published versions live in the SQLite store, not in the flows directory: they are runtime state
 * (immutable, numbered, with a movable `live` alias), and the flows directory stays what git reviews.
 * A version is written once and never changed; rollback only moves `live`.
 */
export class PublishedVersions {
  readonly #insert;
  readonly #setLive;
  readonly #latest;
  readonly #byVersion;
  readonly #list;
  readonly #liveOf;
  readonly #summaries;
  /**
   * A version never changes once written, so its content is parsed once: contact views and traces look
   * up the flow of every contact they show. Only `live` moves, and it is read fresh each time.
   */
  readonly #parsed = new Map<string, ParsedVersion>();

  constructor(private readonly db: Db) {
    this.#insert = db.prepare(
      'INSERT INTO published_versions (flow_id, version, content, etag, published_at, published_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#setLive = db.prepare(
      `INSERT INTO live_versions (flow_id, version, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (flow_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
    );
    this.#latest = db.prepare('SELECT MAX(version) AS latest FROM published_versions WHERE flow_id = ?');
    this.#byVersion = db.prepare(
      `SELECT p.*, l.version AS live_version FROM published_versions p
       LEFT JOIN live_versions l ON l.flow_id = p.flow_id WHERE p.flow_id = ? AND p.version = ?`,
    );
    this.#list = db.prepare(
      `SELECT p.flow_id, p.version, p.published_at, p.published_by, p.note, l.version AS live_version
       FROM published_versions p LEFT JOIN live_versions l ON l.flow_id = p.flow_id
       WHERE p.flow_id = ? ORDER BY p.version DESC`,
    );
    this.#liveOf = db.prepare('SELECT version FROM live_versions WHERE flow_id = ?');
    this.#summaries = db.prepare(
      `SELECT p.flow_id, MAX(p.version) AS latest, l.version AS live FROM published_versions p
       LEFT JOIN live_versions l ON l.flow_id = p.flow_id GROUP BY p.flow_id`,
    );
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
    const versions = this.db.transaction(() =>
      texts.map(({ flow, content, etag }) => {
        const { latest } = this.#latest.get(flow.id) as { latest: number | null };
        const next = (latest ?? 0) + 1;
        this.#insert.run(flow.id, next, content, etag, publishedAt, publishedBy, note);
        this.#setLive.run(flow.id, next, publishedAt);
        return next;
      }),
    )();
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
    if (!this.#byVersion.get(flowId, version)) {
      throw new ApiError(404, 'version_not_found', `Flow "${flowId}" has no published version ${version}.`, {
        flowId,
        version,
      });
    }
    this.#setLive.run(flowId, version, now.toISOString());
  }

  /** The version with its flow; the flow object is shared between callers: treat it as read-only. */
  get(flowId: string, version: number): PublishedFlow | undefined {
    const key = `${flowId}@${version}`;
    const parsed = this.#parsed.get(key);
    if (parsed) return { ...parsed, live: this.liveNumber(flowId) === version };
    const row = this.#byVersion.get(flowId, version) as VersionRow | undefined;
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
    return { ...found, live: row.live_version === row.version };
  }

  live(flowId: string): PublishedFlow | undefined {
    const version = this.liveNumber(flowId);
    return version === undefined ? undefined : this.get(flowId, version);
  }

  liveNumber(flowId: string): number | undefined {
    return (this.#liveOf.get(flowId) as { version: number } | undefined)?.version;
  }

  versions(flowId: string): PublishedVersion[] {
    return (this.#list.all(flowId) as VersionRow[]).map((row) => ({
      version: row.version,
      publishedAt: row.published_at,
      publishedBy: row.published_by,
      note: row.note,
      live: row.live_version === row.version,
    }));
  }

  /** flow id -> { live, latest } for the flow list. */
  summaries(): Map<string, { live: number | null; latest: number | null }> {
    const rows = this.#summaries.all() as { flow_id: string; latest: number; live: number | null }[];
    return new Map(rows.map((r) => [r.flow_id, { live: r.live, latest: r.latest }]));
  }
}
