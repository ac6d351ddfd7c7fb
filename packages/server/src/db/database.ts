import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The database file in the data directory. */
export const DATABASE_FILE = 'callflow.db';

/** Numbered, append-only migrations: `PRAGMA user_version` records how many ran. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE published_versions (
    flow_id      TEXT NOT NULL,
    version      INTEGER NOT NULL,
    content      TEXT NOT NULL,
    etag         TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (flow_id, version)
  ) STRICT;
  CREATE TABLE live_versions (
    flow_id    TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    FOREIGN KEY (flow_id, version) REFERENCES published_versions (flow_id, version)
  ) STRICT;
  CREATE TABLE contacts (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    flow_id    TEXT NOT NULL,
    version    INTEGER NOT NULL,
    status     TEXT NOT NULL,
    steps      INTEGER NOT NULL,
    snapshot   TEXT NOT NULL,
    pending    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX contacts_by_status ON contacts (status);
  CREATE TABLE contact_timers (
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    timer_id   TEXT NOT NULL,
    deadline   INTEGER NOT NULL,
    PRIMARY KEY (contact_id, timer_id)
  ) STRICT;
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
  ) STRICT;
  CREATE INDEX callbacks_by_status ON callbacks (status);
  CREATE TABLE agent_states (
    name       TEXT PRIMARY KEY,
    state      TEXT NOT NULL,
    changed_at TEXT NOT NULL
  ) STRICT;
  `,
  `
  CREATE TABLE IF NOT EXISTS contact_trace (
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    entry      TEXT NOT NULL,
    PRIMARY KEY (contact_id, seq)
  ) STRICT;
  `,
  // The publisher's note ("why this version"), kept with each version.
  `
  ALTER TABLE published_versions ADD COLUMN note TEXT;
  `,
  // The runtime store's shared state (runtime-store/runtime-store.ts): who writes each contact and the
  // token that fences a process that lost it, queue entries with their place, offers (one per agent,
  // one per contact), and commands carried out, keyed by contact and step.
  `
  ALTER TABLE contacts ADD COLUMN owner TEXT;
  ALTER TABLE contacts ADD COLUMN fence INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE contacts ADD COLUMN lease_until INTEGER;
  CREATE INDEX contact_timers_by_deadline ON contact_timers (deadline);
  CREATE TABLE queue_entries (
    contact_id  TEXT PRIMARY KEY,
    queue       TEXT NOT NULL,
    agent_group TEXT NOT NULL,
    kind        TEXT NOT NULL,
    enqueued_at INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    exclude     TEXT NOT NULL
  ) STRICT;
  CREATE INDEX queue_entries_by_place ON queue_entries (agent_group, enqueued_at, seq);
  CREATE TABLE agent_offers (
    agent      TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL UNIQUE,
    queue      TEXT,
    offered_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE executed_commands (
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    step       INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    PRIMARY KEY (contact_id, step, idx)
  ) STRICT;
  `,
  // What agents' desktops hold between requests (runtime-host/agent-desk.ts): the callback an agent
  // prepares and the consult an agent holds, one row per agent, written on each change and read on
  // start so that a restart shows them again.
  `
  CREATE TABLE pending_callbacks (
    agent      TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    changed_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE agent_consults (
    from_agent TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL,
    body       TEXT NOT NULL,
    changed_at TEXT NOT NULL
  ) STRICT;
  `,
  // Where calls go (traffic/): each trace entry's flow, the version of it the contact ran and its time,
  // indexed, so that a version's traffic over a period is found without reading every trace. Entries
  // written before keep their flow and time; their version is known when it is the contact's own flow.
  `
  ALTER TABLE contact_trace ADD COLUMN flow_id TEXT;
  ALTER TABLE contact_trace ADD COLUMN version INTEGER;
  ALTER TABLE contact_trace ADD COLUMN at INTEGER;
  UPDATE contact_trace SET flow_id = json_extract(entry, '$.flowId'), at = json_extract(entry, '$.at');
  UPDATE contact_trace SET version = (
    SELECT c.version FROM contacts c WHERE c.id = contact_trace.contact_id AND c.flow_id = contact_trace.flow_id
  ) WHERE flow_id IS NOT NULL;
  CREATE INDEX contact_trace_by_flow ON contact_trace (flow_id, version, at) WHERE flow_id IS NOT NULL;
  `,
];

/**
 * The embedded store: one SQLite file in WAL mode. `synchronous = NORMAL` keeps every committed
 * transaction across a process crash (kill -9); only an OS crash or power cut may lose the last
 * commits, which is the trade-off docs/operations.md explains (set CALLFLOW_DB_SYNC=full to pay for it).
 */
export function openDatabase(dataDir: string, options: { synchronous?: 'normal' | 'full' } = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let index = applied; index < MIGRATIONS.length; index += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[index] ?? '');
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
