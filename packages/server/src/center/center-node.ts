import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { apiError } from '../http/api-error.js';
import type { EventBus, LiveEvent } from '../ops/event-bus.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import type { CenterLeader } from '../runtime-store/center-leader.js';
import type { PostgresContactRecords } from '../runtime-store/postgres-contact-records.js';
import type { PostgresRuntimeStore } from '../runtime-store/postgres-runtime-store.js';

/** Lease and heartbeat of a center process (docs/scaling.md#takeover). */
/**
 * A lease outlives eight missed heartbeats: a leader whose event loop stalls for a few seconds (a loaded
 * machine) keeps the lead, and a dead one is replaced within lease + heartbeat + restore (under 5 s).
 */
export const CENTER_TIMING = { leaseMs: 4_000, heartbeatMs: 500 } as const;

export type CenterState = 'standby' | 'taking-over' | 'leading' | 'stopped';

export interface CenterNodeOptions {
  node: string;
  leader: CenterLeader;
  /** The store's leases (renewed, claimed) on a connection of their own, off the steps' path. */
  store: PostgresRuntimeStore;
  records: PostgresContactRecords;
  host: ContactHost;
  events: EventBus;
  logger: Logger;
  /** Called when this process finds it lost the lead it had (it was cut off or paused): it must stop. */
  lost: () => void;
}

/** Headers a forwarded request keeps (the leader checks the token and the Twilio signature itself). */
const FORWARDED_HEADERS = ['authorization', 'content-type', 'accept', 'x-twilio-signature', 'if-match'];

/**
 * One service process in a center kept in PostgreSQL. One process at a time leads: it runs every
 * contact, the queues and the agents (so offers are made in one place, in queue order, and never twice),
 * writing each step to PostgreSQL before its commands run. Every other process stands by: it serves
 * flows and the designer itself, forwards the runtime API and webhooks to the leader, relays live events
 * (NOTIFY) to its own clients, and takes the lead when the leader's lease runs out: it waits out the
 * contacts' leases, takes each over with a new fencing token, and continues them from their last step
 * (timers re-armed from their deadlines, unanswered commands sent again) as after a restart.
 */
export class CenterNode {
  state: CenterState = 'standby';
  #leaderUrl: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #beating: Promise<void> | undefined;
  #lastBeat = 0;
  readonly #relayed = new WeakSet<LiveEvent>();
  #unsubscribe: (() => void) | undefined;
  /** When this process last took the lead, and how long the takeover took (ms). */
  lastTakeover: { at: number; ms: number; contacts: number } | undefined;

  constructor(private readonly options: CenterNodeOptions) {}

  /** Joins the center: relays events, then beats (and may take the lead at once). */
  async start(databaseUrl: string, selfUrl: string): Promise<void> {
    const { leader, events, node } = this.options;
    this.#unsubscribe = events.subscribe(({ event }) => {
      if (this.#relayed.has(event)) return;
      leader
        .notify(node, event)
        .catch((error: unknown) =>
          this.options.logger.warn({ error }, 'a live event could not be sent to the other processes'),
        );
    });
    await leader.listen(databaseUrl, (from, event) => {
      if (from === node) return;
      this.#relayed.add(event as LiveEvent);
      events.publish(event as LiveEvent);
    });
    const beat = () => {
      this.#beating = this.#beat(selfUrl).finally(() => {
        if (this.state !== 'stopped') this.#timer = setTimeout(beat, CENTER_TIMING.heartbeatMs);
      });
    };
    beat();
    await this.#beating;
  }

  async #beat(selfUrl: string): Promise<void> {
    const { leader, store, node, logger } = this.options;
    try {
      const now = Date.now();
      if (this.#lastBeat && now - this.#lastBeat > CENTER_TIMING.leaseMs / 2)
        logger.warn({ ms: now - this.#lastBeat }, 'the center heartbeat came late (a busy event loop)');
      this.#lastBeat = now;
      const lead = await leader.tryLead(node, selfUrl, now, CENTER_TIMING.leaseMs);
      const took = Date.now() - now;
      if (took > CENTER_TIMING.leaseMs / 2)
        logger.warn({ ms: took }, 'the center heartbeat is slow: the lead may be lost to another process');
      if (lead.node === node) {
        if (this.state === 'standby') await this.#takeOver(lead.epoch, selfUrl);
        else await store.renewLeases(node, now, CENTER_TIMING.leaseMs);
        return;
      }
      if (this.state === 'leading' || this.state === 'taking-over') {
        logger.fatal({ leader: lead.node }, 'another process leads the center now: this one stops');
        this.options.lost();
        return;
      }
      this.#leaderUrl = lead.url;
    } catch (error) {
      // The database is unreachable: a leader keeps its contacts in memory until its lease runs out
      // (steps fail and are refused meanwhile); a standby simply tries again.
      logger.warn({ error: (error as Error).message }, 'center heartbeat failed');
    }
  }

  async #takeOver(epoch: number, selfUrl: string): Promise<void> {
    const { leader, store, records, host, node, logger } = this.options;
    const started = Date.now();
    this.state = 'taking-over';
    logger.warn({ epoch }, 'taking the lead of the center');
    // The previous leader's contacts: wait until their leases run out, then take each with a new token.
    // The lead and the contacts already taken are renewed meanwhile, or another process would take them.
    for (;;) {
      const now = Date.now();
      const lead = await leader.tryLead(node, selfUrl, now, CENTER_TIMING.leaseMs);
      if (lead.node !== node) {
        logger.fatal(
          { leader: lead.node },
          'another process took the lead during this takeover: this one stops',
        );
        this.options.lost();
        return;
      }
      await store.renewLeases(node, now, CENTER_TIMING.leaseMs);
      for (;;) {
        const taken = await store.claimOrphans(node, Date.now(), CENTER_TIMING.leaseMs, 500);
        for (const fence of taken) records.fences.set(fence.contactId, fence);
        if (taken.length < 500) break;
      }
      if ((await leader.heldElsewhere(node, Date.now())) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const restored = host.restore();
    this.state = 'leading';
    // The restore held the event loop: renew at once rather than at the next heartbeat.
    await leader.tryLead(node, selfUrl, Date.now(), CENTER_TIMING.leaseMs);
    await store.renewLeases(node, Date.now(), CENTER_TIMING.leaseMs);
    this.#leaderUrl = undefined;
    this.lastTakeover = { at: started, ms: Date.now() - started, contacts: restored.contacts };
    logger.warn({ ...restored, ms: this.lastTakeover.ms }, 'leading the center: contacts continued');
  }

  /** Express middleware for the runtime routes: served here when leading, else sent to the leader. */
  forward() {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      if (this.state === 'leading') return next();
      const target = this.#leaderUrl;
      if (this.state !== 'standby' || !target) {
        const refusal = apiError(
          'center_not_ready',
          'This process is taking the lead of the center or has not found its leader yet; retry.',
          { state: this.state },
        );
        res.status(refusal.status).set('Retry-After', '1').json(refusal);
        return;
      }
      const headers: Record<string, string> = { 'x-callflow-forwarded-by': this.options.node };
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      try {
        const answer = await fetch(new URL(req.originalUrl, target), {
          method: req.method,
          headers,
          ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: bodyOf(req) }),
          signal: AbortSignal.timeout(10_000),
        });
        res.status(answer.status);
        for (const name of ['content-type', 'retry-after', 'etag']) {
          const value = answer.headers.get(name);
          if (value) res.set(name, value);
        }
        res.send(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        const refusal = apiError(
          'center_leader_unreachable',
          'The process leading the center did not answer; retry (another takes the lead within seconds).',
          { reason: (error as Error).message },
        );
        res.status(refusal.status).set('Retry-After', '1').json(refusal);
      }
    };
  }

  /** Draining (SIGTERM): stops beating and gives the lead and the contacts' leases up at once. */
  async stop(): Promise<void> {
    const wasLeading = this.state === 'leading';
    this.state = 'stopped';
    if (this.#timer) clearTimeout(this.#timer);
    await this.#beating?.catch(() => undefined);
    this.#unsubscribe?.();
    if (wasLeading) {
      await this.options.store.releaseLeases(this.options.node).catch(() => undefined);
      await this.options.leader.resign(this.options.node).catch(() => undefined);
    }
  }
}

/** The parsed body as it came (JSON or a form, as Twilio sends), for the leader to parse again. */
function bodyOf(req: Request): string | undefined {
  if (req.body === undefined || req.body === null) return undefined;
  if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) return req.body.toString();
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded'))
    return new URLSearchParams(req.body as Record<string, string>).toString();
  return JSON.stringify(req.body);
}
