import type { ApiErrorCode } from '@callflow/model/api-contract';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import type { ServiceLimits } from '../config.js';
import { apiError } from '../http/api-error.js';

const MINUTE_MS = 60_000;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A coded 429 with a Retry-After header, the seconds until the client's window resets. */
function tooMany(code: ApiErrorCode, message: string, limit: number): RequestHandler {
  return (req, res, next) => {
    const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil(((reset?.getTime() ?? Date.now() + MINUTE_MS) - Date.now()) / 1000),
    );
    res.set('Retry-After', String(retryAfterSeconds));
    next(apiError(code, message, { limit, windowSeconds: 60, retryAfterSeconds }));
  };
}

export interface AuthFailureLimit {
  /** Before authentication: refuses an address that used up its failures this minute, valid token or not. */
  gate: RequestHandler;
  /** Counts one failed authentication of the request's address, then calls `done`. */
  record(req: Request, res: Response, done: () => void): void;
}

/**
 * Failed authentications per client address and minute. After `authFailuresPerMinute` of them, every
 * request of that address gets 429 `too_many_auth_failures` until its minute is over, one with a valid
 * token included: a guesser must not learn which guess was right. Only failures count, so a busy
 * designer (many requests, long-lived event streams) is never limited by its successful requests.
 */
export function authFailureLimit(limits: ServiceLimits): AuthFailureLimit {
  const limit = limits.authFailuresPerMinute;
  const store = new MemoryStore();
  const keyOf = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');
  // The counter never refuses by itself (`handler` goes on): the gate does, on the next request.
  const counter = rateLimit({
    windowMs: MINUTE_MS,
    limit,
    store,
    keyGenerator: keyOf,
    standardHeaders: false,
    legacyHeaders: false,
    handler: (_req, _res, next) => next(),
  });
  const refuse = tooMany(
    'too_many_auth_failures',
    `Too many failed authentications from this address (${limit} a minute); wait, then use a valid token.`,
    limit,
  );
  // Addresses with a failure counted in the store, and when: every other request passes the gate without
  // asking the store (an asynchronous call per request otherwise). A failure older than two windows has
  // left the store; such entries are let go, so that addresses that never return do not pile up.
  const failed = new Map<string, number>();
  const stillCounted = (key: string): boolean => {
    const at = failed.get(key);
    if (at === undefined) return false;
    if (Date.now() - at < 2 * MINUTE_MS) return true;
    failed.delete(key);
    return false;
  };
  return {
    gate: (req, res, next) => {
      const key = keyOf(req);
      if (!stillCounted(key)) {
        next();
        return;
      }
      store.get(key).then((info) => {
        if (info && info.totalHits >= limit) {
          (req as { rateLimit?: { resetTime?: Date } }).rateLimit = {
            ...(info.resetTime ? { resetTime: info.resetTime } : {}),
          };
          refuse(req, res, next);
        } else next();
      }, next);
    },
    record: (req, res, done) => {
      failed.set(keyOf(req), Date.now());
      if (failed.size > 10_000) for (const key of failed.keys()) stillCounted(key);
      void counter(req, res, () => done());
    },
  };
}

/**
 * Writes per token (by its name) and minute: a runaway script or a leaked token cannot flood the store
 * and the contact database. The designer and its simulator stay far below the default.
 */
export function writeLimit(limits: ServiceLimits): RequestHandler {
  const limit = limits.writesPerMinute;
  if (limit === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: MINUTE_MS,
    limit,
    standardHeaders: false,
    legacyHeaders: false,
    skip: (req) => READ_METHODS.has(req.method) || req.principal === undefined,
    keyGenerator: (req) => `token:${req.principal?.name ?? ''}`,
    handler: (req, res, next) =>
      tooMany(
        'too_many_writes',
        `Too many writes with this token (${limit} a minute); slow down and try again.`,
        limit,
      )(req, res, next),
  });
}

/** Counts open event streams per token; `open` answers false when the token already has its maximum. */
export class StreamCounter {
  readonly #open = new Map<string, number>();
  constructor(readonly perToken: number) {}

  open(token: string): boolean {
    const count = this.#open.get(token) ?? 0;
    if (count >= this.perToken) return false;
    this.#open.set(token, count + 1);
    return true;
  }

  close(token: string): void {
    const count = (this.#open.get(token) ?? 1) - 1;
    if (count <= 0) this.#open.delete(token);
    else this.#open.set(token, count);
  }
}
