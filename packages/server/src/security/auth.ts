import type { Request, RequestHandler } from 'express';
import { type ApiError, apiError } from '../http/api-error.js';
import type { AuthFailureLimit } from './limits.js';
import { type ApiToken, findToken, type Role } from './tokens.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `authenticate` for every /api request. */
    principal?: { name: string; role: Role; agent?: string };
  }
}

function presentedToken(req: Request, allowQueryToken: boolean): string | undefined {
  const header = req.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? '';
  }
  // EventSource cannot set headers: the events stream alone accepts ?token=.
  if (allowQueryToken && typeof req.query.token === 'string') return req.query.token;
  return undefined;
}

/**
 * Every /api route needs a token, reads included. What each role may then do is the role table's
 * business (`authorize` in route-roles.ts).
 */
export function authenticate(tokens: readonly ApiToken[], failures?: AuthFailureLimit): RequestHandler {
  return (req, res, next) => {
    const fail = (error: ApiError): void => {
      if (failures) failures.record(req, res, () => next(error));
      else next(error);
    };
    const token = presentedToken(req, `${req.baseUrl}${req.path}` === '/api/events');
    if (token === undefined) {
      res.set('WWW-Authenticate', 'Bearer realm="callflow"');
      fail(apiError('unauthorized', 'A token is required: send "Authorization: Bearer <token>".'));
      return;
    }
    const holder = findToken(tokens, token);
    if (!holder) {
      res.set('WWW-Authenticate', 'Bearer realm="callflow", error="invalid_token"');
      fail(apiError('invalid_token', 'The token is not valid. Use the URL printed at start-up.'));
      return;
    }
    req.principal = { name: holder.name, role: holder.role };
    if (holder.agent !== undefined) req.principal.agent = holder.agent;
    next();
  };
}

/** Lets the roles through; anyone else gets 403 `forbidden` with their role and the roles needed. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const role = req.principal?.role;
    if (!role || !roles.includes(role)) {
      throw apiError(
        'forbidden',
        `${req.method} ${req.path} needs the role ${roles.join(' or ')}${role ? `, not ${role}` : ''}.`,
        { role, allowed: roles },
      );
    }
    next();
  };
}

export type { ApiToken };
