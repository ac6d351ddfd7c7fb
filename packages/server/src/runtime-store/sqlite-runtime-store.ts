import type { FlowTraffic } from '@callflow/model/api-contract';
import type { TraceEntry } from '@callflow/runtime';
import type { Db } from '../db/database.js';
import type { SealedValueError, SecretBox } from '../db/secret-box.js';
import { ContactRepository } from '../runtime-host/contact-repository.js';
import { OVER_SQL } from './contact-over-sql.js';
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
  type TrafficQuery,
} from './runtime-store.js';
import {
  type OfferRow,
  type QueueRow,
  toOffer,
  toQueueEntry,
  toVersion,
  type VersionRow,
} from './stored-rows.js';

interface LeaseRow {
  owner: string | null;
  fence: number;
  lease_until: number | null;
}

const ACTIVE = `status NOT IN ${OVER_SQL}`;

/**
 * The embedded runtime store: one SQLite file, one process (SQLite serialises writers, so every
 * transaction here sees the store alone). Contacts, callbacks and agent states go through the
 * service's ContactRepository, exactly as the single-process service writes them; the same promises
 * as the PostgreSQL store wrap its synchronous calls, so that both pass one conformance suite.
 */
export class SqliteRuntimeStore implements RuntimeStore {
  readonly kind = 'sqlite' as const;
  readonly repository: ContactRepository;

  constructor(
    private readonly db: Db,
    box: SecretBox,
    unreadable: (id: string, error: SealedValueError) => void = () => undefined,
  ) {
    this.repository = new ContactRepository(db, box, unreadable);
  }

  // -- published versions -----------------------------------------------------------------------------

  async publish(versions: readonly NewVersion[], at: string): Promise<number[]> {
    const latest = this.db.prepare('SELECT MAX(version) AS latest FROM published_versions WHERE flow_id = ?');
    const insert = this.db.prepare(
      'INSERT INTO published_versions (flow_id, version, content, etag, published_at, published_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    return this.db.transaction(() =>
      versions.map((v) => {
        const { latest: last } = latest.get(v.flowId) as { latest: number | null };
        const next = (last ?? 0) + 1;
        insert.run(v.flowId, next, v.content, v.etag, at, v.publishedBy, v.note);
        this.#setLive(v.flowId, next, at);
        return next;
      }),
    )();
  }

  async setLive(flowId: string, version: number, at: string): Promise<boolean> {
    const found = this.db
      .prepare('SELECT 1 FROM published_versions WHERE flow_id = ? AND version = ?')
      .get(flowId, version);
    if (!found) return false;
    this.#setLive(flowId, version, at);
    return true;
  }

  #setLive(flowId: string, version: number, at: string): void {
    this.db
      .prepare(
        `INSERT INTO live_versions (flow_id, version, changed_at) VALUES (?, ?, ?)
         ON CONFLICT (flow_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
      )
      .run(flowId, version, at);
  }

  async version(flowId: string, version: number): Promise<StoredVersion | undefined> {
    const row = this.db
      .prepare(
        `SELECT p.*, l.version AS live_version FROM published_versions p
         LEFT JOIN live_versions l ON l.flow_id = p.flow_id WHERE p.flow_id = ? AND p.version = ?`,
      )
      .get(flowId, version) as VersionRow | undefined;
    return row && toVersion(row);
  }

  async liveVersion(flowId: string): Promise<number | undefined> {
    const row = this.db.prepare('SELECT version FROM live_versions WHERE flow_id = ?').get(flowId) as
      | { version: number }
      | undefined;
    return row?.version;
  }

  async versions(flowId: string): Promise<StoredVersion[]> {
    const rows = this.db
      .prepare(
        `SELECT p.*, l.version AS live_version FROM published_versions p
         LEFT JOIN live_versions l ON l.flow_id = p.flow_id WHERE p.flow_id = ? ORDER BY p.version DESC`,
      )
      .all(flowId) as VersionRow[];
    return rows.map(toVersion);
  }

  // -- contacts ---------------------------------------------------------------------------------------

  async saveStep(step: StepWrite, fence?: Fence): Promise<void> {
    this.db.transaction(() => {
      const lease = this.#lease(step.contactId);
      if (fence && lease && (lease.owner !== fence.owner || lease.fence !== fence.token))
        throw new LeaseLostError(fence);
      this.repository.save(step.contactId, step.stored, step.callbacks, step.trace);
      if (fence && !lease) {
        this.db
          .prepare('UPDATE contacts SET owner = ?, fence = ?, lease_until = ? WHERE id = ?')
          .run(fence.owner, fence.token, fence.until, step.contactId);
      }
    })();
  }

  async contact(id: string) {
    return this.repository.load(id);
  }

  async activeContacts() {
    return this.repository.active();
  }

  async trace(id: string): Promise<TraceEntry[]> {
    return this.repository.trace(id);
  }

  async traffic(query: TrafficQuery): Promise<FlowTraffic> {
    return this.repository.traffic(query);
  }

  // -- ownership --------------------------------------------------------------------------------------

  #lease(contactId: string): LeaseRow | undefined {
    return this.db.prepare('SELECT owner, fence, lease_until FROM contacts WHERE id = ?').get(contactId) as
      | LeaseRow
      | undefined;
  }

  /** Takes the contact for `owner` when it may (see RuntimeStore.claimContact); inside a transaction. */
  #claim(contactId: string, owner: string, now: number, leaseMs: number): Fence | undefined {
    const lease = this.#lease(contactId);
    if (!lease) return undefined;
    const mine = lease.owner === owner;
    if (!mine && lease.owner !== null && lease.lease_until !== null && lease.lease_until >= now)
      return undefined;
    const token = mine ? lease.fence : lease.fence + 1;
    const until = now + leaseMs;
    this.db
      .prepare('UPDATE contacts SET owner = ?, fence = ?, lease_until = ? WHERE id = ?')
      .run(owner, token, until, contactId);
    return { contactId, owner, token, until };
  }

  async claimContact(contactId: string, owner: string, now: number, leaseMs: number) {
    return this.db.transaction(() => this.#claim(contactId, owner, now, leaseMs))();
  }

  async renewLeases(owner: string, now: number, leaseMs: number): Promise<number> {
    return this.db
      .prepare(`UPDATE contacts SET lease_until = ? WHERE owner = ? AND ${ACTIVE}`)
      .run(now + leaseMs, owner).changes;
  }

  async releaseLeases(owner: string): Promise<number> {
    return this.db.prepare('UPDATE contacts SET lease_until = NULL WHERE owner = ?').run(owner).changes;
  }

  async claimOrphans(owner: string, now: number, leaseMs: number, limit: number): Promise<Fence[]> {
    return this.db.transaction(() => {
      const ids = this.db
        .prepare(
          `SELECT id FROM contacts WHERE ${ACTIVE} AND (owner IS NULL OR lease_until IS NULL OR lease_until < ?)
           AND owner IS NOT ? ORDER BY updated_at, id LIMIT ?`,
        )
        .all(now, owner, limit) as { id: string }[];
      return ids.flatMap(({ id }) => this.#claim(id, owner, now, leaseMs) ?? []);
    })();
  }

  async claimDueTimers(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedTimer[]> {
    return this.db.transaction(() => {
      const ids = this.db
        .prepare(
          `SELECT c.id FROM contacts c WHERE c.${ACTIVE}
           AND (c.owner IS ? OR c.owner IS NULL OR c.lease_until IS NULL OR c.lease_until < ?)
           AND EXISTS (SELECT 1 FROM contact_timers t WHERE t.contact_id = c.id AND t.deadline <= ?)
           ORDER BY c.id LIMIT ?`,
        )
        .all(owner, now, now, limit) as { id: string }[];
      const timers = this.db.prepare(
        'SELECT timer_id, deadline FROM contact_timers WHERE contact_id = ? AND deadline <= ? ORDER BY deadline, timer_id',
      );
      return ids.flatMap(({ id }) => {
        const fence = this.#claim(id, owner, now, leaseMs);
        if (!fence) return [];
        return (timers.all(id, now) as { timer_id: string; deadline: number }[]).map((t) => ({
          contactId: id,
          timerId: t.timer_id,
          deadline: t.deadline,
          fence,
        }));
      });
    })();
  }

  async markExecuted(contactId: string, step: number, index: number): Promise<boolean> {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO executed_commands (contact_id, step, idx) VALUES (?, ?, ?)')
        .run(contactId, step, index).changes === 1
    );
  }

  // -- callback requests ------------------------------------------------------------------------------

  async recordCallback(callback: NewCallback, _at: string): Promise<void> {
    this.repository.recordCallback(callback);
  }

  async callbacks() {
    return this.repository.callbacks();
  }

  async callback(id: string) {
    return this.repository.callback(id);
  }

  async setCallbackStatus(id: string, status: string): Promise<void> {
    this.repository.setCallbackStatus(id, status);
  }

  async unstartedCallbacks() {
    return this.repository.unstartedCallbacks();
  }

  // -- queues, agents, offers -------------------------------------------------------------------------

  async enqueue(entry: NewQueueEntry): Promise<QueueEntry> {
    return this.db.transaction(() => {
      this.#dequeue(entry.contactId);
      const { last } = this.db.prepare('SELECT MAX(seq) AS last FROM queue_entries').get() as {
        last: number | null;
      };
      const made: QueueEntry = {
        contactId: entry.contactId,
        queue: entry.queue,
        agentGroup: entry.agentGroup,
        kind: entry.kind,
        enqueuedAt: entry.enqueuedAt,
        seq: (last ?? 0) + 1,
        exclude: [...(entry.exclude ?? [])],
      };
      this.db
        .prepare(
          `INSERT INTO queue_entries (contact_id, queue, agent_group, kind, enqueued_at, seq, exclude)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          made.contactId,
          made.queue,
          made.agentGroup,
          made.kind,
          made.enqueuedAt,
          made.seq,
          JSON.stringify(made.exclude),
        );
      return made;
    })();
  }

  #dequeue(contactId: string): boolean {
    this.db.prepare('DELETE FROM agent_offers WHERE contact_id = ?').run(contactId);
    return this.db.prepare('DELETE FROM queue_entries WHERE contact_id = ?').run(contactId).changes === 1;
  }

  async dequeue(contactId: string): Promise<boolean> {
    return this.db.transaction(() => this.#dequeue(contactId))();
  }

  async queued(queue?: string): Promise<QueueEntry[]> {
    const rows = (
      queue === undefined
        ? this.db.prepare('SELECT * FROM queue_entries ORDER BY enqueued_at, seq').all()
        : this.db.prepare('SELECT * FROM queue_entries WHERE queue = ? ORDER BY enqueued_at, seq').all(queue)
    ) as QueueRow[];
    return rows.map(toQueueEntry);
  }

  async setAgentState(name: string, state: string, _at: string): Promise<void> {
    this.repository.saveAgentState(name, state);
  }

  async agentStates() {
    return this.repository.agentStates();
  }

  async savePendingCallback(agent: string, pending: PendingCallback | null, _at: string): Promise<void> {
    this.repository.savePendingCallback(agent, pending);
  }

  async pendingCallbacks(): Promise<Map<string, PendingCallback>> {
    return this.repository.pendingCallbacks();
  }

  async saveConsult(from: string, consult: StoredConsult | null, _at: string): Promise<void> {
    this.repository.saveConsult(from, consult);
  }

  async consults(): Promise<StoredConsult[]> {
    return this.repository.consults();
  }

  async offerNext(agent: string, groups: readonly string[], now: number): Promise<Offer | undefined> {
    if (groups.length === 0) return undefined;
    return this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM agent_offers WHERE agent = ?').get(agent)) return undefined;
      // Entries that exclude the agent (it transferred them here) come after every other waiting entry.
      const row = this.db
        .prepare(
          `SELECT e.contact_id, e.queue FROM queue_entries e
           WHERE e.agent_group IN (${groups.map(() => '?').join(', ')})
             AND NOT EXISTS (SELECT 1 FROM agent_offers o WHERE o.contact_id = e.contact_id)
           ORDER BY EXISTS (SELECT 1 FROM json_each(e.exclude) x WHERE x.value = ?), e.enqueued_at, e.seq
           LIMIT 1`,
        )
        .get(...groups, agent) as { contact_id: string; queue: string } | undefined;
      if (!row) return undefined;
      this.db
        .prepare('INSERT INTO agent_offers (agent, contact_id, queue, offered_at) VALUES (?, ?, ?, ?)')
        .run(agent, row.contact_id, row.queue, now);
      return { agent, contactId: row.contact_id, queue: row.queue, offeredAt: now };
    })();
  }

  async offer(agent: string, contactId: string, now: number): Promise<boolean> {
    const queue = this.db.prepare('SELECT queue FROM queue_entries WHERE contact_id = ?').get(contactId) as
      | { queue: string }
      | undefined;
    return (
      this.db
        .prepare(
          'INSERT OR IGNORE INTO agent_offers (agent, contact_id, queue, offered_at) VALUES (?, ?, ?, ?)',
        )
        .run(agent, contactId, queue?.queue ?? null, now).changes === 1
    );
  }

  async withdrawOffer(agent: string, contactId: string): Promise<boolean> {
    return (
      this.db.prepare('DELETE FROM agent_offers WHERE agent = ? AND contact_id = ?').run(agent, contactId)
        .changes === 1
    );
  }

  async acceptOffer(agent: string, contactId: string): Promise<boolean> {
    return this.db.transaction(() => {
      const taken =
        this.db.prepare('DELETE FROM agent_offers WHERE agent = ? AND contact_id = ?').run(agent, contactId)
          .changes === 1;
      if (taken) this.db.prepare('DELETE FROM queue_entries WHERE contact_id = ?').run(contactId);
      return taken;
    })();
  }

  async offers(): Promise<Offer[]> {
    const rows = this.db.prepare('SELECT * FROM agent_offers ORDER BY offered_at, agent').all() as OfferRow[];
    return rows.map(toOffer);
  }

  // -- housekeeping -----------------------------------------------------------------------------------

  async purgeEnded(cutoff: number) {
    return this.repository.purgeEnded(cutoff);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
