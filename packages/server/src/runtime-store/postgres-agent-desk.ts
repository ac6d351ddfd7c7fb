import type pg from 'pg';
import type { PendingCallback, StoredConsult } from '../runtime-host/agent-desk.js';

type Pool = pg.Pool;

/** Pending callbacks and consults in PostgreSQL (tables of migration 5), shared by the center's processes. */
export const postgresAgentDesk = {
  async savePendingCallback(pool: Pool, agent: string, pending: PendingCallback | null, at: string) {
    if (!pending) {
      await pool.query('DELETE FROM pending_callbacks WHERE agent = $1', [agent]);
      return;
    }
    await pool.query(
      `INSERT INTO pending_callbacks (agent, body, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (agent) DO UPDATE SET body = excluded.body, changed_at = excluded.changed_at`,
      [agent, JSON.stringify(pending), at],
    );
  },

  async pendingCallbacks(pool: Pool): Promise<Map<string, PendingCallback>> {
    const { rows } = await pool.query<{ agent: string; body: string }>(
      'SELECT agent, body FROM pending_callbacks',
    );
    return new Map(rows.map((r) => [r.agent, JSON.parse(r.body) as PendingCallback]));
  },

  async saveConsult(pool: Pool, from: string, consult: StoredConsult | null, at: string) {
    if (!consult) {
      await pool.query('DELETE FROM agent_consults WHERE from_agent = $1', [from]);
      return;
    }
    await pool.query(
      `INSERT INTO agent_consults (from_agent, contact_id, body, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (from_agent) DO UPDATE SET contact_id = excluded.contact_id, body = excluded.body,
         changed_at = excluded.changed_at`,
      [from, consult.contactId, JSON.stringify(consult), at],
    );
  },

  async consults(pool: Pool): Promise<StoredConsult[]> {
    const { rows } = await pool.query<{ body: string }>(
      'SELECT body FROM agent_consults ORDER BY changed_at, from_agent',
    );
    return rows.map((r) => JSON.parse(r.body) as StoredConsult);
  },
};
