import type pg from 'pg';

/**
 * Numbered, append-only migrations of the PostgreSQL store; `callflow_migrations` records those that
 * ran. The tables are the SQLite store's (db/database.ts) in PostgreSQL's types: epoch ms as BIGINT,
 * the queue's arrival order from a sequence, excluded agents as an array.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'runtime store',
    sql: `
    CREATE TABLE published_versions (
      flow_id      TEXT NOT NULL,
      version      INTEGER NOT NULL,
      content      TEXT NOT NULL,
      etag         TEXT NOT NULL,
      published_at TEXT NOT NULL,
      published_by TEXT NOT NULL,
      note         TEXT,
      PRIMARY KEY (flow_id, version)
    );
    CREATE TABLE live_versions (
      flow_id    TEXT PRIMARY KEY,
      version    INTEGER NOT NULL,
      changed_at TEXT NOT NULL,
      FOREIGN KEY (flow_id, version) REFERENCES published_versions (flow_id, version)
    );
    CREATE TABLE contacts (
      id          TEXT PRIMARY KEY,
      kind        TEXT NOT NULL,
      flow_id     TEXT NOT NULL,
      version     INTEGER NOT NULL,
      status      TEXT NOT NULL,
      steps       INTEGER NOT NULL,
      snapshot    TEXT NOT NULL,
      pending     TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      owner       TEXT,
      fence       BIGINT NOT NULL DEFAULT 0,
      lease_until BIGINT
    );
    CREATE INDEX contacts_active_by_lease ON contacts (lease_until)
      WHERE status NOT IN ('ended', 'transferred');
    CREATE INDEX contacts_ended_by_update ON contacts (updated_at)
      WHERE status IN ('ended', 'transferred');
    CREATE TABLE contact_timers (
      contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
      timer_id   TEXT NOT NULL,
      deadline   BIGINT NOT NULL,
      PRIMARY KEY (contact_id, timer_id)
    );
    CREATE INDEX contact_timers_by_deadline ON contact_timers (deadline);
    CREATE TABLE contact_trace (
      contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
      seq        INTEGER NOT NULL,
      entry      TEXT NOT NULL,
      PRIMARY KEY (contact_id, seq)
    );
    CREATE TABLE callbacks (
      id           TEXT PRIMARY KEY,
      kind         TEXT NOT NULL,
      name         TEXT,
      number       TEXT NOT NULL,
      queue        TEXT NOT NULL,
      status       TEXT NOT NULL,
      request      TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      created_at   TEXT NOT NULL
    );
    CREATE INDEX callbacks_by_status ON callbacks (status);
    CREATE TABLE agent_states (
      name       TEXT PRIMARY KEY,
      state      TEXT NOT NULL,
      changed_at TEXT NOT NULL
    );
    CREATE TABLE queue_entries (
      contact_id  TEXT PRIMARY KEY,
      queue       TEXT NOT NULL,
      agent_group TEXT NOT NULL,
      kind        TEXT NOT NULL,
      enqueued_at BIGINT NOT NULL,
      seq         BIGSERIAL NOT NULL,
      exclude     TEXT[] NOT NULL DEFAULT '{}'
    );
    CREATE INDEX queue_entries_by_place ON queue_entries (agent_group, enqueued_at, seq);
    CREATE TABLE agent_offers (
      agent      TEXT PRIMARY KEY,
      contact_id TEXT NOT NULL UNIQUE,
      queue      TEXT,
      offered_at BIGINT NOT NULL
    );
    CREATE TABLE executed_commands (
      contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
      step       INTEGER NOT NULL,
      idx        INTEGER NOT NULL,
      PRIMARY KEY (contact_id, step, idx)
    );
    `,
  },
  {
    version: 2,
    name: 'center leader',
    sql: `
    CREATE TABLE center_leader (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      node        TEXT NOT NULL,
      url         TEXT NOT NULL,
      epoch       BIGINT NOT NULL,
      lease_until BIGINT NOT NULL
    );
    `,
  },
  {
    version: 3,
    name: 'large live events',
    sql: `
    CREATE TABLE center_events (
      id         BIGSERIAL PRIMARY KEY,
      body       TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX center_events_by_age ON center_events (created_at);
    `,
  },
  {
    version: 4,
    name: 'a step in one statement',
    // What PostgresRuntimeStore.saveStep did in seven statements of one transaction (fence check,
    // contact, timers, callback requests, trace, callback status), in one call: one round trip per
    // step. A stale fence raises CF001 (the store's LeaseLostError) and the whole step is undone.
    sql: `
    CREATE FUNCTION callflow_save_step(
      p_id TEXT, p_kind TEXT, p_flow_id TEXT, p_version INTEGER, p_status TEXT, p_steps INTEGER,
      p_snapshot TEXT, p_pending TEXT, p_now TEXT,
      p_owner TEXT, p_token BIGINT, p_until BIGINT,
      p_timer_ids TEXT[], p_timer_ats BIGINT[],
      p_cb_ids TEXT[], p_cb_kinds TEXT[], p_cb_names TEXT[], p_cb_numbers TEXT[], p_cb_queues TEXT[],
      p_cb_requests TEXT[], p_cb_by TEXT[],
      p_trace_seqs INTEGER[], p_trace_entries TEXT[],
      p_callback_status TEXT
    ) RETURNS void LANGUAGE plpgsql AS $step$
    DECLARE
      held RECORD;
      created BOOLEAN := false;
    BEGIN
      IF p_owner IS NOT NULL THEN
        SELECT owner, fence INTO held FROM contacts WHERE id = p_id FOR UPDATE;
        IF FOUND THEN
          IF held.owner IS DISTINCT FROM p_owner OR held.fence <> p_token THEN
            RAISE EXCEPTION 'contact % is written by another process', p_id USING ERRCODE = 'CF001';
          END IF;
        ELSE
          -- A new contact, owned by its writer; another process creating the same id first wins.
          INSERT INTO contacts (id, kind, flow_id, version, status, steps, snapshot, pending, created_at,
            updated_at, owner, fence, lease_until)
          VALUES (p_id, p_kind, p_flow_id, p_version, p_status, p_steps, p_snapshot, p_pending, p_now, p_now,
            p_owner, p_token, p_until)
          ON CONFLICT (id) DO NOTHING;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'contact % is written by another process', p_id USING ERRCODE = 'CF001';
          END IF;
          created := true;
        END IF;
      END IF;
      IF NOT created THEN
        INSERT INTO contacts (id, kind, flow_id, version, status, steps, snapshot, pending, created_at, updated_at)
        VALUES (p_id, p_kind, p_flow_id, p_version, p_status, p_steps, p_snapshot, p_pending, p_now, p_now)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, steps = excluded.steps,
          version = excluded.version, flow_id = excluded.flow_id, snapshot = excluded.snapshot,
          pending = excluded.pending, updated_at = excluded.updated_at;
      END IF;
      -- The contact's timers become exactly the snapshot's (absolute deadlines).
      DELETE FROM contact_timers WHERE contact_id = p_id AND NOT (timer_id = ANY(p_timer_ids));
      INSERT INTO contact_timers (contact_id, timer_id, deadline)
      SELECT p_id, t.id, t.at FROM unnest(p_timer_ids, p_timer_ats) AS t(id, at)
      ON CONFLICT (contact_id, timer_id) DO UPDATE SET deadline = excluded.deadline;
      INSERT INTO callbacks (id, kind, name, number, queue, status, request, requested_by, created_at)
      SELECT c.id, c.kind, c.name, c.number, c.queue, 'requested', c.request, c.by, p_now
      FROM unnest(p_cb_ids, p_cb_kinds, p_cb_names, p_cb_numbers, p_cb_queues, p_cb_requests, p_cb_by)
        WITH ORDINALITY AS c(id, kind, name, number, queue, request, by, n)
      ORDER BY c.n
      ON CONFLICT (id) DO NOTHING;
      INSERT INTO contact_trace (contact_id, seq, entry)
      SELECT p_id, e.seq, e.entry FROM unnest(p_trace_seqs, p_trace_entries) AS e(seq, entry)
      ON CONFLICT (contact_id, seq) DO NOTHING;
      -- A callback request follows its contact's status until an agent transfers it (as in SQLite).
      UPDATE callbacks SET status = p_callback_status WHERE id = p_id AND status <> 'cancelled';
    END;
    $step$;
    `,
  },
  {
    version: 5,
    name: 'agent desks',
    // The callback an agent prepares and the consult an agent holds (runtime-host/agent-desk.ts), one
    // row per agent: written on each change, read by a process when it starts.
    sql: `
    CREATE TABLE pending_callbacks (
      agent      TEXT PRIMARY KEY,
      body       TEXT NOT NULL,
      changed_at TEXT NOT NULL
    );
    CREATE TABLE agent_consults (
      from_agent TEXT PRIMARY KEY,
      contact_id TEXT NOT NULL,
      body       TEXT NOT NULL,
      changed_at TEXT NOT NULL
    );
    `,
  },
  {
    version: 6,
    name: 'call log',
    // Each entry sealed (it may hold what became a secure value after it was logged).
    sql: `
    CREATE TABLE contact_log (
      contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
      seq        INTEGER NOT NULL,
      log_id     TEXT NOT NULL,
      entry      TEXT NOT NULL,
      PRIMARY KEY (contact_id, seq)
    );
    `,
  },
  {
    version: 7,
    name: 'trace entries by flow, version and time',
    // Where calls go (traffic/), as in SQLite: each trace entry's flow, the version of it the contact
    // ran and its time, indexed; callflow_save_step writes them. Entries written before keep their flow
    // and time; their version is known when it is the contact's own flow.
    sql: `
    ALTER TABLE contact_trace ADD COLUMN flow_id TEXT, ADD COLUMN version INTEGER, ADD COLUMN at BIGINT;
    UPDATE contact_trace t SET flow_id = t.entry::jsonb->>'flowId', at = (t.entry::jsonb->>'at')::bigint;
    UPDATE contact_trace t SET version = c.version FROM contacts c
      WHERE c.id = t.contact_id AND c.flow_id = t.flow_id;
    CREATE INDEX contact_trace_by_flow ON contact_trace (flow_id, version, at) WHERE flow_id IS NOT NULL;
    DROP FUNCTION callflow_save_step(TEXT, TEXT, TEXT, INTEGER, TEXT, INTEGER, TEXT, TEXT, TEXT, TEXT, BIGINT,
      BIGINT, TEXT[], BIGINT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], INTEGER[], TEXT[], TEXT);
    CREATE FUNCTION callflow_save_step(
      p_id TEXT, p_kind TEXT, p_flow_id TEXT, p_version INTEGER, p_status TEXT, p_steps INTEGER,
      p_snapshot TEXT, p_pending TEXT, p_now TEXT,
      p_owner TEXT, p_token BIGINT, p_until BIGINT,
      p_timer_ids TEXT[], p_timer_ats BIGINT[],
      p_cb_ids TEXT[], p_cb_kinds TEXT[], p_cb_names TEXT[], p_cb_numbers TEXT[], p_cb_queues TEXT[],
      p_cb_requests TEXT[], p_cb_by TEXT[],
      p_trace_seqs INTEGER[], p_trace_entries TEXT[],
      p_trace_flow_ids TEXT[], p_trace_versions INTEGER[], p_trace_ats BIGINT[],
      p_callback_status TEXT
    ) RETURNS void LANGUAGE plpgsql AS $step$
    DECLARE
      held RECORD;
      created BOOLEAN := false;
    BEGIN
      IF p_owner IS NOT NULL THEN
        SELECT owner, fence INTO held FROM contacts WHERE id = p_id FOR UPDATE;
        IF FOUND THEN
          IF held.owner IS DISTINCT FROM p_owner OR held.fence <> p_token THEN
            RAISE EXCEPTION 'contact % is written by another process', p_id USING ERRCODE = 'CF001';
          END IF;
        ELSE
          -- A new contact, owned by its writer; another process creating the same id first wins.
          INSERT INTO contacts (id, kind, flow_id, version, status, steps, snapshot, pending, created_at,
            updated_at, owner, fence, lease_until)
          VALUES (p_id, p_kind, p_flow_id, p_version, p_status, p_steps, p_snapshot, p_pending, p_now, p_now,
            p_owner, p_token, p_until)
          ON CONFLICT (id) DO NOTHING;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'contact % is written by another process', p_id USING ERRCODE = 'CF001';
          END IF;
          created := true;
        END IF;
      END IF;
      IF NOT created THEN
        INSERT INTO contacts (id, kind, flow_id, version, status, steps, snapshot, pending, created_at, updated_at)
        VALUES (p_id, p_kind, p_flow_id, p_version, p_status, p_steps, p_snapshot, p_pending, p_now, p_now)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, steps = excluded.steps,
          version = excluded.version, flow_id = excluded.flow_id, snapshot = excluded.snapshot,
          pending = excluded.pending, updated_at = excluded.updated_at;
      END IF;
      -- The contact's timers become exactly the snapshot's (absolute deadlines).
      DELETE FROM contact_timers WHERE contact_id = p_id AND NOT (timer_id = ANY(p_timer_ids));
      INSERT INTO contact_timers (contact_id, timer_id, deadline)
      SELECT p_id, t.id, t.at FROM unnest(p_timer_ids, p_timer_ats) AS t(id, at)
      ON CONFLICT (contact_id, timer_id) DO UPDATE SET deadline = excluded.deadline;
      INSERT INTO callbacks (id, kind, name, number, queue, status, request, requested_by, created_at)
      SELECT c.id, c.kind, c.name, c.number, c.queue, 'requested', c.request, c.by, p_now
      FROM unnest(p_cb_ids, p_cb_kinds, p_cb_names, p_cb_numbers, p_cb_queues, p_cb_requests, p_cb_by)
        WITH ORDINALITY AS c(id, kind, name, number, queue, request, by, n)
      ORDER BY c.n
      ON CONFLICT (id) DO NOTHING;
      INSERT INTO contact_trace (contact_id, seq, entry, flow_id, version, at)
      SELECT p_id, e.seq, e.entry, e.flow_id, e.version, e.at
      FROM unnest(p_trace_seqs, p_trace_entries, p_trace_flow_ids, p_trace_versions, p_trace_ats)
        AS e(seq, entry, flow_id, version, at)
      ON CONFLICT (contact_id, seq) DO NOTHING;
      -- A callback request follows its contact's status until an agent transfers it (as in SQLite).
      UPDATE callbacks SET status = p_callback_status WHERE id = p_id AND status <> 'cancelled';
    END;
    $step$;
    `,
  },
];

/** Any number, fixed: every process starting at once waits for the one that migrates. */
const MIGRATION_LOCK = 7_463_021;

/** Runs the migrations not yet applied, in one transaction under an advisory lock. */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS callflow_migrations (
         version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM callflow_migrations');
    const applied = new Set(rows.map((r) => r.version));
    let ran = 0;
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO callflow_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      ran += 1;
    }
    await client.query('COMMIT');
    return ran;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
