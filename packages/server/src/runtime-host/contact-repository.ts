import type { FlowTraffic } from '@callflow/model/api-contract';
import {
  type CallbackRequest,
  type Command,
  type ContactSnapshot,
  isTransferredCallback,
  serializeSnapshot,
  type TraceEntry,
} from '@callflow/runtime';
import type { Db } from '../db/database.js';
import type { SealedValueError, SecretBox } from '../db/secret-box.js';
import { CALLBACK_DONE_SQL, OVER_SQL } from '../runtime-store/contact-over-sql.js';
import {
  openContact,
  openRequests,
  type RawCallbackRow,
  toCallbackRow,
} from '../runtime-store/stored-rows.js';
import { sqliteTraffic } from '../traffic/sqlite-traffic.js';
import { type TrafficQuery, traceVersion } from '../traffic/traffic-tally.js';
import type { PendingCallback, StoredConsult } from './agent-desk.js';
import { SqliteAgentDesk } from './agent-desk-sqlite.js';

export type CallbackKind = 'web' | 'agent' | 'flow';

export interface CallbackRow {
  id: string;
  kind: CallbackKind;
  name: string | null;
  number: string;
  queue: string;
  status: string;
  requestedBy: string;
  createdAt: string;
}

export interface StoredContact {
  snapshot: ContactSnapshot;
  /** Telephony and HTTP commands whose result the contact still waits for; carried out again after a restart. */
  pending: Command[];
}

export interface NewCallback {
  kind: CallbackKind;
  request: CallbackRequest;
  requestedBy: string;
}

interface ContactRowText {
  id: string;
  snapshot: string;
  pending: string;
}

/** What one retention sweep removed. */
export interface Purged {
  contacts: number;
  callbacks: number;
}

/**
 * Durable contact state. One transaction per step writes the snapshot, its timers (absolute deadlines)
 * and any callback requests the step created, so that a crash leaves either the step before or the
 * step after, never half of one. Snapshots, the commands they wait for and callback requests hold
 * secure values (a PIN, a token in a request): they are sealed with the service's secret key before
 * they reach the file. Traces are stored as they are: the engine masks them as it writes them.
 */
export class ContactRepository {
  readonly #upsert;
  readonly #deleteTimers;
  readonly #insertTimer;
  readonly #insertCallback;
  readonly #callbackStatus;
  readonly #load;
  readonly #active;
  readonly #callbacks;
  readonly #callback;
  readonly #unstartedCallbacks;
  readonly #agentState;
  readonly #agentStates;
  readonly #insertTrace;
  readonly #trace;
  readonly #purgeContacts;
  readonly #purgeCallbacks;
  readonly #desk: SqliteAgentDesk;
  readonly save: (
    id: string,
    stored: StoredContact,
    callbacks: readonly NewCallback[],
    trace?: readonly TraceEntry[],
  ) => void;

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    /** Told about a stored contact that cannot be opened (sealed with another key); it is skipped. */
    private readonly unreadable: (id: string, error: SealedValueError) => void = () => undefined,
  ) {
    this.#upsert = db.prepare(
      `INSERT INTO contacts (id, kind, flow_id, version, status, steps, snapshot, pending, created_at, updated_at)
       VALUES (@id, @kind, @flowId, @version, @status, @steps, @snapshot, @pending, @now, @now)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, steps = excluded.steps, version = excluded.version,
         flow_id = excluded.flow_id, snapshot = excluded.snapshot, pending = excluded.pending,
         updated_at = excluded.updated_at`,
    );
    this.#deleteTimers = db.prepare('DELETE FROM contact_timers WHERE contact_id = ?');
    this.#insertTimer = db.prepare(
      'INSERT INTO contact_timers (contact_id, timer_id, deadline) VALUES (?, ?, ?)',
    );
    this.#insertCallback = db.prepare(
      `INSERT OR IGNORE INTO callbacks (id, kind, name, number, queue, status, request, requested_by, created_at)
       VALUES (?, ?, ?, ?, ?, 'requested', ?, ?, ?)`,
    );
    this.#callbackStatus = db.prepare(
      "UPDATE callbacks SET status = ? WHERE id = ? AND status <> 'cancelled'",
    );
    this.#load = db.prepare('SELECT id, snapshot, pending FROM contacts WHERE id = ?');
    this.#active = db.prepare(`SELECT id, snapshot, pending FROM contacts WHERE status NOT IN ${OVER_SQL}`);
    // Traces and timers go with their contact (ON DELETE CASCADE).
    this.#purgeContacts = db.prepare(`DELETE FROM contacts WHERE status IN ${OVER_SQL} AND updated_at < ?`);
    this.#purgeCallbacks = db.prepare(
      `DELETE FROM callbacks WHERE status IN ${CALLBACK_DONE_SQL} AND created_at < ?
       AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.id = callbacks.id)`,
    );
    this.#callbacks = db.prepare(
      `SELECT id, kind, name, number, queue, status, requested_by, created_at FROM callbacks
       WHERE status NOT IN ${CALLBACK_DONE_SQL} ORDER BY created_at, id`,
    );
    this.#callback = db.prepare(
      'SELECT id, kind, name, number, queue, status, requested_by, created_at FROM callbacks WHERE id = ?',
    );
    this.#unstartedCallbacks = db.prepare(
      `SELECT c.request FROM callbacks c LEFT JOIN contacts k ON k.id = c.id
       WHERE k.id IS NULL AND c.status = 'requested'`,
    );
    this.#agentState = db.prepare(
      `INSERT INTO agent_states (name, state, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at`,
    );
    this.#agentStates = db.prepare('SELECT name, state FROM agent_states');
    this.#insertTrace = db.prepare(
      `INSERT OR IGNORE INTO contact_trace (contact_id, seq, entry, flow_id, version, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#trace = db.prepare('SELECT entry FROM contact_trace WHERE contact_id = ? ORDER BY seq');
    this.#desk = new SqliteAgentDesk(db);

    // Most steps wait for no command: their empty list is sealed once. Its ciphertext repeats, which tells
    // a reader of the file nothing its length did not (a sealed value's length shows an empty list).
    const noPending = box.seal('[]');
    this.save = db.transaction(
      (id: string, stored: StoredContact, callbacks: readonly NewCallback[], trace = []) => {
        const s = stored.snapshot;
        const now = new Date().toISOString();
        this.#upsert.run({
          id,
          kind: s.kind,
          flowId: s.flowId,
          version: s.version,
          status: s.status,
          steps: s.steps,
          snapshot: this.box.seal(serializeSnapshot(s)),
          pending: stored.pending.length === 0 ? noPending : this.box.seal(JSON.stringify(stored.pending)),
          now,
        });
        this.#deleteTimers.run(id);
        for (const timer of s.timers) this.#insertTimer.run(id, timer.id, timer.at);
        for (const c of callbacks) {
          const r = c.request;
          this.#insertCallback.run(
            r.id,
            c.kind,
            r.name ?? null,
            r.number,
            r.queue,
            this.box.seal(JSON.stringify(r)),
            c.requestedBy,
            now,
          );
        }
        for (const entry of trace) {
          const { seq, flowId, at } = entry;
          this.#insertTrace.run(id, seq, JSON.stringify(entry), flowId ?? null, traceVersion(s, flowId), at);
        }
        // A callback request is itself a contact: its row follows the contact's status, until an agent
        // transfers it — the request is complete then, and the contact goes on as a call.
        this.#callbackStatus.run(isTransferredCallback(s) ? 'transferred' : s.status, id);
      },
    );
  }

  /** Records a callback request before its contact exists (web and agent callbacks). */
  recordCallback(callback: NewCallback): void {
    const r = callback.request;
    this.#insertCallback.run(
      r.id,
      callback.kind,
      r.name ?? null,
      r.number,
      r.queue,
      this.box.seal(JSON.stringify(r)),
      callback.requestedBy,
      new Date().toISOString(),
    );
  }

  load(id: string): StoredContact | undefined {
    const row = this.#load.get(id) as ContactRowText | undefined;
    return row && this.#open(row);
  }

  active(): StoredContact[] {
    return (this.#active.all() as ContactRowText[]).flatMap((row) => this.#open(row) ?? []);
  }

  /**
   * Removes contacts that ended before `cutoff` (epoch ms) with their traces and timers, and callback
   * requests that are over and whose contact is gone.
   */
  purgeEnded(cutoff: number): Purged {
    const at = new Date(cutoff).toISOString();
    return {
      contacts: this.#purgeContacts.run(at).changes,
      callbacks: this.#purgeCallbacks.run(at).changes,
    };
  }

  /**
   * Seals rows an older version stored in the clear, with SQLite's secure delete on so that the pages
   * the plain text leaves are zeroed rather than left in the file. Returns how many rows it sealed.
   */
  sealPlainRows(): number {
    const plain = this.db
      .prepare(
        "SELECT id, snapshot, pending FROM contacts WHERE snapshot NOT LIKE 'cf1.%' OR pending NOT LIKE 'cf1.%'",
      )
      .all() as ContactRowText[];
    const requests = this.db
      .prepare("SELECT id, request FROM callbacks WHERE request NOT LIKE 'cf1.%'")
      .all() as { id: string; request: string }[];
    if (plain.length === 0 && requests.length === 0) return 0;
    const contact = this.db.prepare('UPDATE contacts SET snapshot = ?, pending = ? WHERE id = ?');
    const callback = this.db.prepare('UPDATE callbacks SET request = ? WHERE id = ?');
    this.db.pragma('secure_delete = ON');
    try {
      this.db.transaction(() => {
        const seal = (text: string) => (this.box.isSealed(text) ? text : this.box.seal(text));
        for (const row of plain) contact.run(seal(row.snapshot), seal(row.pending), row.id);
        for (const row of requests) callback.run(seal(row.request), row.id);
      })();
      // The plain text may still be in the WAL: copy it into the file and empty it.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.pragma('secure_delete = OFF');
    }
    return plain.length + requests.length;
  }

  #open(row: ContactRowText): StoredContact | undefined {
    return openContact(this.box, row, this.unreadable);
  }

  callbacks(): CallbackRow[] {
    return (this.#callbacks.all() as RawCallbackRow[]).map(toCallbackRow);
  }

  callback(id: string): CallbackRow | undefined {
    const row = this.#callback.get(id) as RawCallbackRow | undefined;
    return row && toCallbackRow(row);
  }

  /** The contact's whole trace, oldest first. */
  trace(id: string): TraceEntry[] {
    return (this.#trace.all(id) as { entry: string }[]).map((r) => JSON.parse(r.entry) as TraceEntry);
  }

  /** Where calls went in a flow version over a period (traffic/traffic-tally.ts). */
  traffic(query: TrafficQuery): FlowTraffic {
    return sqliteTraffic(this.db, query);
  }

  setCallbackStatus(id: string, status: string): void {
    this.#callbackStatus.run(status, id);
  }

  /** Callback requests recorded whose contact was never started (a crash in between). */
  unstartedCallbacks(): CallbackRequest[] {
    return openRequests(this.box, this.#unstartedCallbacks.all() as { request: string }[]);
  }

  saveAgentState(name: string, state: string): void {
    this.#agentState.run(name, state, new Date().toISOString());
  }

  agentStates(): Map<string, string> {
    return new Map(
      (this.#agentStates.all() as { name: string; state: string }[]).map((r) => [r.name, r.state]),
    );
  }

  savePendingCallback(agent: string, pending: PendingCallback | null): void {
    this.#desk.savePendingCallback(agent, pending);
  }

  pendingCallbacks(): Map<string, PendingCallback> {
    return this.#desk.pendingCallbacks();
  }

  saveConsult(from: string, consult: StoredConsult | null): void {
    this.#desk.saveConsult(from, consult);
  }

  consults(): StoredConsult[] {
    return this.#desk.consults();
  }
}
