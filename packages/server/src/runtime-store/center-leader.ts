import pg from 'pg';

/** The process that runs the center's contacts now, and where other processes send their requests. */
export interface Leader {
  node: string;
  url: string;
  /** Grows each time another process takes the lead. */
  epoch: number;
  leaseUntil: number;
}

const EVENTS_CHANNEL = 'callflow_events';

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
      `SELECT count(*)::int AS n FROM contacts WHERE status NOT IN ('ended', 'transferred')
       AND owner IS DISTINCT FROM $1 AND lease_until IS NOT NULL AND lease_until >= $2`,
      [node, now],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Sends a live event to every process (this one included; it skips its own by `from`). Events are
   * batched: one NOTIFY carries as many as fit in PostgreSQL's 8,000-byte payload.
   */
  async notify(from: string, event: unknown): Promise<void> {
    this.#outbox.push(JSON.stringify(event));
    this.#sending ??= this.#send(from).finally(() => {
      this.#sending = undefined;
    });
    await this.#sending;
  }

  async #send(from: string): Promise<void> {
    while (this.#outbox.length > 0) {
      const batch: string[] = [];
      let size = 100;
      while (
        this.#outbox.length > 0 &&
        (batch.length === 0 || size + (this.#outbox[0]?.length ?? 0) < 7_500)
      ) {
        const next = this.#outbox.shift() as string;
        size += next.length + 1;
        batch.push(next);
      }
      const payload = `{"from":${JSON.stringify(from)},"events":[${batch.join(',')}]}`;
      await this.#events.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
    }
  }

  /** Hears every process's live events. */
  async listen(url: string, hear: (from: string, event: unknown) => void): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const { from, events } = JSON.parse(message.payload) as { from: string; events: unknown[] };
      for (const event of events) hear(from, event);
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
