import type { FlowTraffic } from '@callflow/model/api-contract';
import { isTransferredCallback, serializeSnapshot, type TraceEntry } from '@callflow/runtime';
import pg from 'pg';
import type { SealedValueError, SecretBox } from '../db/secret-box.js';
import type { LogEntry, LoggedEntry, StoredCallLog } from '../runtime-host/call-log.js';
import type { CallbackRow, Purged, StoredContact } from '../runtime-host/contact-repository.js';
import {
  type StoredTraceRow,
  TRAFFIC_BATCH,
  type TrafficQuery,
  TrafficTally,
  tallyRows,
  traceVersion,
} from '../traffic/traffic-tally.js';
import { CALLBACK_DONE_SQL, OVER_SQL } from './contact-over-sql.js';
import { postgresAgentDesk } from './postgres-agent-desk.js';
import { migratePostgres } from './postgres-migrations.js';
import {
  type ClaimedTimer,
  type Fence,
  LeaseLostError,
  type NewCallback,
  type NewQueueEntry,
  type NewVersion,
  type Offer,
  type PendingCallback,
  type QueueEntry,
  type RuntimeStore,
  type StepWrite,
  type StoredConsult,
  type StoredVersion,
} from './runtime-store.js';
import {
  type OfferRow,
  openContact,
  openRequests,
  type QueueRow,
  type RawCallbackRow,
  toCallbackRow,
  toOffer,
  toQueueEntry,
  toVersion,
  type VersionRow,
} from './stored-rows.js';

/** BIGINT columns hold epoch ms, well inside a double: read them as numbers, not strings. */
const INT8_OID = 20;
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

const ACTIVE = `status NOT IN ${OVER_SQL}`;
/** The SQLSTATE callflow_save_step raises for a write with a stale fencing token. */
const LEASE_LOST = 'CF001';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections this process keeps (default 10). */
  poolSize?: number;
  /** Told about a stored contact that cannot be opened (sealed with another key); it is skipped. */
  unreadable?: (id: string, error: SealedValueError) => void;
  /** How long a connection attempt may take before the call fails (ms, default 3,000). */
  connectTimeoutMs?: number;
  /** Told when an idle connection fails (the database restarted): the pool replaces it. */
  onError?: (error: Error) => void;
}

type Query = Pick<pg.PoolClient, 'query'>;

/**
 * The runtime store in PostgreSQL: one center kept in one database, shared by any number of service
 * processes. What makes many processes safe is in the statements themselves: a step is written only
 * while its writer's fencing token is current (the contact row is locked for the check), due timers
 * and orphaned contacts are claimed with `FOR UPDATE SKIP LOCKED` so two processes never claim the
 * same one, and offers are rows with one key per agent and one per contact.
 */
export class PostgresRuntimeStore implements RuntimeStore {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly #box: SecretBox;
  readonly #unreadable: (id: string, error: SealedValueError) => void;

  private constructor(options: PostgresStoreOptions, box: SecretBox) {
    // A database that does not answer fails the call in seconds: a step is refused, never left hanging.
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: TYPES,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    });
    this.pool.on('error', (error) => options.onError?.(error));
    this.#box = box;
    this.#unreadable = options.unreadable ?? (() => undefined);
  }

  /** Connects and brings the schema up to date (numbered migrations, one process at a time). */
  static async open(options: PostgresStoreOptions, box: SecretBox): Promise<PostgresRuntimeStore> {
    const store = new PostgresRuntimeStore(options, box);
    try {
      await migratePostgres(store.pool);
    } catch (error) {
      await store.pool.end();
      throw error;
    }
    return store;
  }

  async #tx<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await run(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  // -- published versions -----------------------------------------------------------------------------

  async publish(versions: readonly NewVersion[], at: string): Promise<number[]> {
    return this.#tx(async (c) => {
      const numbers: number[] = [];
      for (const v of versions) {
        // The flow's rows are locked while the next number is chosen: two publishers queue up.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`publish:${v.flowId}`]);
        const { rows } = await c.query<{ latest: number | null }>(
          'SELECT MAX(version) AS latest FROM published_versions WHERE flow_id = $1',
          [v.flowId],
        );
        const next = (rows[0]?.latest ?? 0) + 1;
        await c.query(
          `INSERT INTO published_versions (flow_id, version, content, etag, published_at, published_by, note)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [v.flowId, next, v.content, v.etag, at, v.publishedBy, v.note],
        );
        await setLive(c, v.flowId, next, at);
        numbers.push(next);
      }
      return numbers;
    });
  }

  async setLive(flowId: string, version: number, at: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM published_versions WHERE flow_id = $1 AND version = $2',
      [flowId, version],
    );
    if (!rowCount) return false;
    await setLive(this.pool, flowId, version, at);
    return true;
  }

  async version(flowId: string, version: number): Promise<StoredVersion | undefined> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT p.*, l.version AS live_version FROM published_versions p
       LEFT JOIN live_versions l ON l.flow_id = p.flow_id WHERE p.flow_id = $1 AND p.version = $2`,
      [flowId, version],
    );
    return rows[0] && toVersion(rows[0]);
  }

  /** Each published flow's latest and live version (the flow list). */
  async summaries(): Promise<{ flow_id: string; latest: number; live: number | null }[]> {
    const { rows } = await this.pool.query<{ flow_id: string; latest: number; live: number | null }>(
      `SELECT p.flow_id, MAX(p.version) AS latest, l.version AS live FROM published_versions p
       LEFT JOIN live_versions l ON l.flow_id = p.flow_id GROUP BY p.flow_id, l.version`,
    );
    return rows;
  }

  async liveVersion(flowId: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ version: number }>(
      'SELECT version FROM live_versions WHERE flow_id = $1',
      [flowId],
    );
    return rows[0]?.version;
  }

  async versions(flowId: string): Promise<StoredVersion[]> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT p.*, l.version AS live_version FROM published_versions p
       LEFT JOIN live_versions l ON l.flow_id = p.flow_id WHERE p.flow_id = $1 ORDER BY p.version DESC`,
      [flowId],
    );
    return rows.map(toVersion);
  }

  // -- contacts ---------------------------------------------------------------------------------------

  /** One round trip: the step is one call of callflow_save_step (migrations 4 and 7), its own transaction. */
  async saveStep(step: StepWrite, fence?: Fence): Promise<void> {
    const { contactId: id, stored, callbacks, trace } = step;
    const s = stored.snapshot;
    const requests = callbacks.map((cb) => cb.request);
    try {
      await this.pool.query(
        `SELECT callflow_save_step($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
           $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)`,
        [
          id,
          s.kind,
          s.flowId,
          s.version,
          s.status,
          s.steps,
          this.#box.seal(serializeSnapshot(s)),
          this.#box.seal(JSON.stringify(stored.pending)),
          new Date().toISOString(),
          fence?.owner ?? null,
          fence?.token ?? null,
          fence?.until ?? null,
          s.timers.map((t) => t.id),
          s.timers.map((t) => t.at),
          requests.map((r) => r.id),
          callbacks.map((cb) => cb.kind),
          requests.map((r) => r.name ?? null),
          requests.map((r) => r.number),
          requests.map((r) => r.queue),
          requests.map((r) => this.#box.seal(JSON.stringify(r))),
          callbacks.map((cb) => cb.requestedBy),
          trace.map((e) => e.seq),
          trace.map((e) => JSON.stringify(e)),
          trace.map((e) => e.flowId ?? null),
          trace.map((e) => traceVersion(s, e.flowId)),
          trace.map((e) => e.at),
          isTransferredCallback(s) ? 'transferred' : s.status,
        ],
      );
    } catch (error) {
      if (fence && (error as { code?: string }).code === LEASE_LOST) throw new LeaseLostError(fence);
      throw error;
    }
  }

  async contact(id: string): Promise<StoredContact | undefined> {
    const { rows } = await this.pool.query<ContactText>(
      'SELECT id, snapshot, pending FROM contacts WHERE id = $1',
      [id],
    );
    return rows[0] && openContact(this.#box, rows[0], this.#unreadable);
  }

  async activeContacts(): Promise<StoredContact[]> {
    const { rows } = await this.pool.query<ContactText>(
      `SELECT id, snapshot, pending FROM contacts WHERE ${ACTIVE} ORDER BY created_at, id`,
    );
    return rows.flatMap((row) => openContact(this.#box, row, this.#unreadable) ?? []);
  }

  async trace(id: string): Promise<TraceEntry[]> {
    const { rows } = await this.pool.query<{ entry: string }>(
      'SELECT entry FROM contact_trace WHERE contact_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => JSON.parse(r.entry) as TraceEntry);
  }

  async traffic(query: TrafficQuery): Promise<FlowTraffic> {
    const { rows: ids } = await this.pool.query<{ contact_id: string }>(
      `SELECT DISTINCT contact_id FROM contact_trace
       WHERE flow_id = $1 AND version = $2 AND at >= $3 AND at < $4 ORDER BY contact_id`,
      [query.flowId, query.version, query.from, query.to],
    );
    const tally = new TrafficTally(query);
    for (let start = 0; start < ids.length; start += TRAFFIC_BATCH) {
      const batch = ids.slice(start, start + TRAFFIC_BATCH).map((r) => r.contact_id);
      const { rows } = await this.pool.query<StoredTraceRow>(
        `SELECT t.contact_id, t.version, t.entry, c.status FROM contact_trace t
         JOIN contacts c ON c.id = t.contact_id
         WHERE t.contact_id = ANY($1::text[]) ORDER BY t.contact_id, t.seq`,
        [batch],
      );
      tallyRows(tally, rows);
    }
    return tally.result();
  }

  // -- ownership --------------------------------------------------------------------------------------

  async claimContact(contactId: string, owner: string, now: number, leaseMs: number) {
    const { rows } = await this.pool.query<{ fence: number; lease_until: number }>(
      `UPDATE contacts SET fence = CASE WHEN owner IS NOT DISTINCT FROM $2 THEN fence ELSE fence + 1 END,
         owner = $2, lease_until = $3::bigint + $4::bigint
       WHERE id = $1 AND (owner IS NOT DISTINCT FROM $2 OR owner IS NULL OR lease_until IS NULL OR lease_until < $3)
       RETURNING fence, lease_until`,
      [contactId, owner, now, leaseMs],
    );
    const row = rows[0];
    return row && { contactId, owner, token: row.fence, until: row.lease_until };
  }

  async renewLeases(owner: string, now: number, leaseMs: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `UPDATE contacts SET lease_until = $2::bigint + $3::bigint WHERE owner = $1 AND ${ACTIVE}`,
      [owner, now, leaseMs],
    );
    return rowCount ?? 0;
  }

  async releaseLeases(owner: string): Promise<number> {
    const { rowCount } = await this.pool.query('UPDATE contacts SET lease_until = NULL WHERE owner = $1', [
      owner,
    ]);
    return rowCount ?? 0;
  }

  async claimOrphans(owner: string, now: number, leaseMs: number, limit: number): Promise<Fence[]> {
    const { rows } = await this.pool.query<{ id: string; fence: number; lease_until: number }>(
      `WITH orphans AS (
         SELECT id FROM contacts
         WHERE ${ACTIVE} AND owner IS DISTINCT FROM $1 AND (owner IS NULL OR lease_until IS NULL OR lease_until < $2)
         ORDER BY updated_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
       UPDATE contacts c SET fence = c.fence + 1, owner = $1, lease_until = $2::bigint + $3::bigint
       FROM orphans WHERE c.id = orphans.id RETURNING c.id, c.fence, c.lease_until`,
      [owner, now, leaseMs, limit],
    );
    return rows.map((r) => ({ contactId: r.id, owner, token: r.fence, until: r.lease_until }));
  }

  async claimDueTimers(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedTimer[]> {
    return this.#tx(async (c) => {
      const { rows: claimed } = await c.query<{ id: string; fence: number; lease_until: number }>(
        `WITH due AS (
           SELECT k.id FROM contacts k
           WHERE k.${ACTIVE}
             AND (k.owner IS NOT DISTINCT FROM $1 OR k.owner IS NULL OR k.lease_until IS NULL OR k.lease_until < $2)
             AND EXISTS (SELECT 1 FROM contact_timers t WHERE t.contact_id = k.id AND t.deadline <= $2)
           ORDER BY k.id LIMIT $4 FOR UPDATE SKIP LOCKED)
         UPDATE contacts c SET fence = CASE WHEN c.owner IS NOT DISTINCT FROM $1 THEN c.fence ELSE c.fence + 1 END,
           owner = $1, lease_until = $2::bigint + $3::bigint
         FROM due WHERE c.id = due.id RETURNING c.id, c.fence, c.lease_until`,
        [owner, now, leaseMs, limit],
      );
      if (claimed.length === 0) return [];
      const fences = new Map(
        claimed.map((r) => [r.id, { contactId: r.id, owner, token: r.fence, until: r.lease_until }]),
      );
      const { rows } = await c.query<{ contact_id: string; timer_id: string; deadline: number }>(
        `SELECT contact_id, timer_id, deadline FROM contact_timers
         WHERE contact_id = ANY($1::text[]) AND deadline <= $2 ORDER BY contact_id, deadline, timer_id`,
        [[...fences.keys()], now],
      );
      return rows.map((t) => ({
        contactId: t.contact_id,
        timerId: t.timer_id,
        deadline: t.deadline,
        fence: fences.get(t.contact_id) as Fence,
      }));
    });
  }

  async markExecuted(contactId: string, step: number, index: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO executed_commands (contact_id, step, idx) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [contactId, step, index],
    );
    return rowCount === 1;
  }

  // -- call log ---------------------------------------------------------------------------------------

  /**
   * Appends call log entries (written behind the steps, in batches: a log is what was said and done,
   * not what the contact needs to continue). An entry of a contact already purged is dropped.
   */
  async appendLog(entries: readonly LoggedEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.pool.query(
      `INSERT INTO contact_log (contact_id, seq, log_id, entry)
       SELECT e.contact_id, e.seq, e.log_id, e.entry
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS e(contact_id, seq, log_id, entry)
       WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.id = e.contact_id)
       ON CONFLICT (contact_id, seq) DO NOTHING`,
      [
        entries.map((e) => e.contactId),
        entries.map((e) => e.entry.seq),
        entries.map((e) => e.logId),
        entries.map((e) => this.#box.seal(JSON.stringify(e.entry))),
      ],
    );
  }

  /** The stored call logs of the contacts, each in order; none for a contact with no entry stored. */
  async callLogs(contactIds: readonly string[]): Promise<StoredCallLog[]> {
    const { rows } = await this.pool.query<{ contact_id: string; log_id: string; entry: string }>(
      `SELECT contact_id, log_id, entry FROM contact_log WHERE contact_id = ANY($1::text[])
       ORDER BY contact_id, seq`,
      [[...contactIds]],
    );
    const logs = new Map<string, StoredCallLog>();
    for (const row of rows) {
      const log = logs.get(row.contact_id) ?? { contactId: row.contact_id, logId: row.log_id, entries: [] };
      log.logId = row.log_id;
      log.entries.push(JSON.parse(this.#box.open(row.entry)) as LogEntry);
      logs.set(row.contact_id, log);
    }
    return [...logs.values()];
  }

  // -- callback requests ------------------------------------------------------------------------------

  async recordCallback(callback: NewCallback, at: string): Promise<void> {
    await insertCallback(this.pool, this.#box, callback, at);
  }

  async callbacks(): Promise<CallbackRow[]> {
    const { rows } = await this.pool.query<RawCallbackRow>(
      `SELECT id, kind, name, number, queue, status, requested_by, created_at FROM callbacks
       WHERE status NOT IN ${CALLBACK_DONE_SQL} ORDER BY created_at, id`,
    );
    return rows.map(toCallbackRow);
  }

  async callback(id: string): Promise<CallbackRow | undefined> {
    const { rows } = await this.pool.query<RawCallbackRow>(
      'SELECT id, kind, name, number, queue, status, requested_by, created_at FROM callbacks WHERE id = $1',
      [id],
    );
    return rows[0] && toCallbackRow(rows[0]);
  }

  async setCallbackStatus(id: string, status: string): Promise<void> {
    await this.pool.query("UPDATE callbacks SET status = $1 WHERE id = $2 AND status <> 'cancelled'", [
      status,
      id,
    ]);
  }

  async unstartedCallbacks() {
    const { rows } = await this.pool.query<{ request: string }>(
      `SELECT c.request FROM callbacks c LEFT JOIN contacts k ON k.id = c.id
       WHERE k.id IS NULL AND c.status = 'requested' ORDER BY c.created_at, c.id`,
    );
    return openRequests(this.#box, rows);
  }

  // -- queues, agents, offers -------------------------------------------------------------------------

  async enqueue(entry: NewQueueEntry): Promise<QueueEntry> {
    return this.#tx(async (c) => {
      await c.query('DELETE FROM agent_offers WHERE contact_id = $1', [entry.contactId]);
      await c.query('DELETE FROM queue_entries WHERE contact_id = $1', [entry.contactId]);
      const { rows } = await c.query<QueueRow>(
        `INSERT INTO queue_entries (contact_id, queue, agent_group, kind, enqueued_at, exclude)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [
          entry.contactId,
          entry.queue,
          entry.agentGroup,
          entry.kind,
          entry.enqueuedAt,
          [...(entry.exclude ?? [])],
        ],
      );
      return toQueueEntry(rows[0] as QueueRow);
    });
  }

  async dequeue(contactId: string): Promise<boolean> {
    return this.#tx(async (c) => {
      await c.query('DELETE FROM agent_offers WHERE contact_id = $1', [contactId]);
      const { rowCount } = await c.query('DELETE FROM queue_entries WHERE contact_id = $1', [contactId]);
      return rowCount === 1;
    });
  }

  async queued(queue?: string): Promise<QueueEntry[]> {
    const { rows } =
      queue === undefined
        ? await this.pool.query<QueueRow>('SELECT * FROM queue_entries ORDER BY enqueued_at, seq')
        : await this.pool.query<QueueRow>(
            'SELECT * FROM queue_entries WHERE queue = $1 ORDER BY enqueued_at, seq',
            [queue],
          );
    return rows.map(toQueueEntry);
  }

  async setAgentState(name: string, state: string, at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO agent_states (name, state, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at`,
      [name, state, at],
    );
  }

  async agentStates(): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ name: string; state: string }>(
      'SELECT name, state FROM agent_states',
    );
    return new Map(rows.map((r) => [r.name, r.state]));
  }

  savePendingCallback(agent: string, pending: PendingCallback | null, at: string): Promise<void> {
    return postgresAgentDesk.savePendingCallback(this.pool, agent, pending, at);
  }

  pendingCallbacks(): Promise<Map<string, PendingCallback>> {
    return postgresAgentDesk.pendingCallbacks(this.pool);
  }

  saveConsult(from: string, consult: StoredConsult | null, at: string): Promise<void> {
    return postgresAgentDesk.saveConsult(this.pool, from, consult, at);
  }

  consults(): Promise<StoredConsult[]> {
    return postgresAgentDesk.consults(this.pool);
  }

  async offerNext(agent: string, groups: readonly string[], now: number): Promise<Offer | undefined> {
    if (groups.length === 0) return undefined;
    // The entry is locked while it is offered: a process offering at the same moment skips to the
    // next one. The keys on agent and contact refuse a second offer for either (ON CONFLICT: none).
    // Entries that exclude the agent (it transferred them here) come after every other waiting entry.
    const { rows } = await this.pool.query<OfferRow>(
      `WITH pick AS (
         SELECT e.contact_id, e.queue FROM queue_entries e
         WHERE e.agent_group = ANY($2::text[])
           AND NOT EXISTS (SELECT 1 FROM agent_offers o WHERE o.contact_id = e.contact_id)
           AND NOT EXISTS (SELECT 1 FROM agent_offers o WHERE o.agent = $1)
         ORDER BY ($1 = ANY(e.exclude)), e.enqueued_at, e.seq
         LIMIT 1 FOR UPDATE OF e SKIP LOCKED)
       INSERT INTO agent_offers (agent, contact_id, queue, offered_at)
       SELECT $1, contact_id, queue, $3 FROM pick
       ON CONFLICT DO NOTHING RETURNING *`,
      [agent, [...groups], now],
    );
    return rows[0] && toOffer(rows[0]);
  }

  async offer(agent: string, contactId: string, now: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO agent_offers (agent, contact_id, queue, offered_at)
       VALUES ($1, $2, (SELECT queue FROM queue_entries WHERE contact_id = $2), $3) ON CONFLICT DO NOTHING`,
      [agent, contactId, now],
    );
    return rowCount === 1;
  }

  async withdrawOffer(agent: string, contactId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM agent_offers WHERE agent = $1 AND contact_id = $2',
      [agent, contactId],
    );
    return rowCount === 1;
  }

  async acceptOffer(agent: string, contactId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `WITH taken AS (DELETE FROM agent_offers WHERE agent = $1 AND contact_id = $2 RETURNING contact_id),
            gone AS (DELETE FROM queue_entries WHERE contact_id IN (SELECT contact_id FROM taken))
       SELECT 1 FROM taken`,
      [agent, contactId],
    );
    return rowCount === 1;
  }

  async offers(): Promise<Offer[]> {
    const { rows } = await this.pool.query<OfferRow>('SELECT * FROM agent_offers ORDER BY offered_at, agent');
    return rows.map(toOffer);
  }

  // -- housekeeping -----------------------------------------------------------------------------------

  async purgeEnded(cutoff: number): Promise<Purged> {
    const at = new Date(cutoff).toISOString();
    return this.#tx(async (c) => {
      const contacts = await c.query(`DELETE FROM contacts WHERE status IN ${OVER_SQL} AND updated_at < $1`, [
        at,
      ]);
      const callbacks = await c.query(
        `DELETE FROM callbacks WHERE status IN ${CALLBACK_DONE_SQL} AND created_at < $1
         AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.id = callbacks.id)`,
        [at],
      );
      return { contacts: contacts.rowCount ?? 0, callbacks: callbacks.rowCount ?? 0 };
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function setLive(c: Query, flowId: string, version: number, at: string): Promise<void> {
  await c.query(
    `INSERT INTO live_versions (flow_id, version, changed_at) VALUES ($1, $2, $3)
     ON CONFLICT (flow_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
    [flowId, version, at],
  );
}

async function insertCallback(c: Query, box: SecretBox, callback: NewCallback, at: string): Promise<void> {
  const r = callback.request;
  await c.query(
    `INSERT INTO callbacks (id, kind, name, number, queue, status, request, requested_by, created_at)
     VALUES ($1, $2, $3, $4, $5, 'requested', $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
    [
      r.id,
      callback.kind,
      r.name ?? null,
      r.number,
      r.queue,
      box.seal(JSON.stringify(r)),
      callback.requestedBy,
      at,
    ],
  );
}

interface ContactText {
  id: string;
  snapshot: string;
  pending: string;
}
