import pg from 'pg';
import { OVER_SQL } from './contact-over-sql.js';

/** The process that runs the center's contacts now, and where other processes send their requests. */
export interface Leader {
  node: string;
  url: string;
  /** Grows each time another process takes the lead. */
  epoch: number;
  leaseUntil: number;
}

const EVENTS_CHANNEL = 'callflow_events';
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; the rest is left for the envelope. */
const PAYLOAD_BYTES = 7_900;
/** How long a large event's body stays for the processes to read (ms). */
const BODY_KEPT_MS = 60_000;

/**
 * The lead of a center kept in PostgreSQL: one row, held by a lease the leader renews with its
 * heartbeat. Another process takes the lead only once the lease has run out (its leader died or was
 * cut off), and the contacts' own leases and fencing tokens keep a leader that was only paused from
 * writing after that. Live events go to every process with NOTIFY.
 */
export class CenterLeader {
  /** The heartbeat's own connection: live events never queue in front of it. */
  readonly #pool: pg.Pool;
  readonly #events: pg.Pool;
  #listener: pg.Client | undefined;
  #outbox: string[] = [];
  #sending: Promise<void> | undefined;

  constructor(url: string) {
    this.#pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
    this.#events = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
    // An idle connection lost: the pool makes a new one.
    this.#pool.on('error', () => undefined);
    this.#events.on('error', () => undefined);
  }

  /** Takes or keeps the lead for `node` when it may; answers who leads now. */
  async tryLead(node: string, url: string, now: number, leaseMs: number): Promise<Leader> {
    const { rows } = await this.#pool.query(
      `INSERT INTO center_leader (id, node, url, epoch, lease_until) VALUES (1, $1, $2, 1, $3::bigint + $4::bigint)
       ON CONFLICT (id) DO UPDATE SET node = excluded.node, url = excluded.url,
         epoch = center_leader.epoch + CASE WHEN center_leader.node = excluded.node THEN 0 ELSE 1 END,
         lease_until = excluded.lease_until
       WHERE center_leader.node = excluded.node OR center_leader.lease_until < $3
       RETURNING node, url, epoch, lease_until`,
      [node, url, now, leaseMs],
    );
    const row =
      rows[0] ?? (await this.#pool.query('SELECT node, url, epoch, lease_until FROM center_leader')).rows[0];
    return { node: row.node, url: row.url, epoch: Number(row.epoch), leaseUntil: Number(row.lease_until) };
  }

  /** Gives the lead up at once (a process draining on SIGTERM): another takes it at its next heartbeat. */
  async resign(node: string): Promise<void> {
    await this.#pool.query('UPDATE center_leader SET lease_until = 0 WHERE node = $1', [node]);
  }

  /** Running contacts another process still holds a lease on (a new leader waits for them). */
  async heldElsewhere(node: string, now: number): Promise<number> {
    const { rows } = await this.#pool.query(
      `SELECT count(*)::int AS n FROM contacts WHERE status NOT IN ${OVER_SQL}
       AND owner IS DISTINCT FROM $1 AND lease_until IS NOT NULL AND lease_until >= $2`,
      [node, now],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Sends a live event to every process (this one included; it skips its own by `from`). Events are
   * batched: one NOTIFY carries as many as fit in PostgreSQL's 8,000-byte payload. An event too large
   * for a payload goes as a reference to its body, written to `center_events` by the same statement
   * (the NOTIFY is delivered at commit, so the body is there when a process reads it).
   */
  async notify(from: string, event: unknown): Promise<void> {
    this.#outbox.push(JSON.stringify(event));
    this.#sending ??= this.#send(from).finally(() => {
      this.#sending = undefined;
    });
    await this.#sending;
  }

  async #send(from: string): Promise<void> {
    const envelope = Buffer.byteLength(`{"from":${JSON.stringify(from)},"events":[]}`);
    while (this.#outbox.length > 0) {
      const first = this.#outbox[0] as string;
      if (envelope + Buffer.byteLength(first) > PAYLOAD_BYTES) {
        this.#outbox.shift();
        const now = Date.now();
        await this.#events.query(
          `WITH old AS (DELETE FROM center_events WHERE created_at < $4),
                body AS (INSERT INTO center_events (body, created_at) VALUES ($3, $5) RETURNING id)
           SELECT pg_notify($1, json_build_object('from', $2::text, 'ref', id)::text) FROM body`,
          [EVENTS_CHANNEL, from, first, now - BODY_KEPT_MS, now],
        );
        continue;
      }
      const batch: string[] = [];
      let size = envelope;
      for (let next = this.#outbox[0]; next !== undefined; next = this.#outbox[0]) {
        const bytes = Buffer.byteLength(next) + 1;
        if (size + bytes > PAYLOAD_BYTES) break;
        size += bytes;
        batch.push(next);
        this.#outbox.shift();
      }
      const payload = `{"from":${JSON.stringify(from)},"events":[${batch.join(',')}]}`;
      await this.#events.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
    }
  }

  /**
   * Hears every process's live events, in the order they were sent: a notification that refers to a
   * large event's body is read from the table before the notifications after it are heard.
   */
  async listen(url: string, hear: (from: string, event: unknown) => void): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    let heard = Promise.resolve();
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const note = JSON.parse(message.payload) as { from: string; events?: unknown[]; ref?: number };
      heard = heard.then(async () => {
        if (note.ref === undefined) {
          for (const event of note.events ?? []) hear(note.from, event);
          return;
        }
        const { rows } = await client
          .query<{ body: string }>('SELECT body FROM center_events WHERE id = $1', [note.ref])
          .catch(() => ({ rows: [] as { body: string }[] }));
        // A body is kept a minute: only a process stalled longer than that misses it.
        if (rows[0]) hear(note.from, JSON.parse(rows[0].body));
      });
    });
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.#listener = client;
  }

  async close(): Promise<void> {
    await this.#listener?.end().catch(() => undefined);
    await this.#pool.end().catch(() => undefined);
    await this.#events.end().catch(() => undefined);
  }
}
