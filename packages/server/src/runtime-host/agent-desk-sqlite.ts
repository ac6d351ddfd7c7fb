import type { Db } from '../db/database.js';
import type { AgentDeskRecords, PendingCallback, StoredConsult } from './agent-desk.js';

/** Pending callbacks and consults in the SQLite file (tables of migration 5, db/database.ts). */
export class SqliteAgentDesk implements AgentDeskRecords {
  readonly #putPending;
  readonly #deletePending;
  readonly #pending;
  readonly #putConsult;
  readonly #deleteConsult;
  readonly #consults;

  constructor(db: Db) {
    this.#putPending = db.prepare(
      `INSERT INTO pending_callbacks (agent, body, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (agent) DO UPDATE SET body = excluded.body, changed_at = excluded.changed_at`,
    );
    this.#deletePending = db.prepare('DELETE FROM pending_callbacks WHERE agent = ?');
    this.#pending = db.prepare('SELECT agent, body FROM pending_callbacks');
    this.#putConsult = db.prepare(
      `INSERT INTO agent_consults (from_agent, contact_id, body, changed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (from_agent) DO UPDATE SET contact_id = excluded.contact_id, body = excluded.body,
         changed_at = excluded.changed_at`,
    );
    this.#deleteConsult = db.prepare('DELETE FROM agent_consults WHERE from_agent = ?');
    this.#consults = db.prepare('SELECT body FROM agent_consults ORDER BY changed_at, from_agent');
  }

  savePendingCallback(agent: string, pending: PendingCallback | null): void {
    if (pending) this.#putPending.run(agent, JSON.stringify(pending), new Date().toISOString());
    else this.#deletePending.run(agent);
  }

  pendingCallbacks(): Map<string, PendingCallback> {
    const rows = this.#pending.all() as { agent: string; body: string }[];
    return new Map(rows.map((r) => [r.agent, JSON.parse(r.body) as PendingCallback]));
  }

  saveConsult(from: string, consult: StoredConsult | null): void {
    if (consult)
      this.#putConsult.run(from, consult.contactId, JSON.stringify(consult), new Date().toISOString());
    else this.#deleteConsult.run(from);
  }

  consults(): StoredConsult[] {
    return (this.#consults.all() as { body: string }[]).map((r) => JSON.parse(r.body) as StoredConsult);
  }
}
