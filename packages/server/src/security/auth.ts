import type { Request, RequestHandler } from 'express';
import { ApiError } from '../http/api-error.js';
import { type ApiToken, findToken, type Role } from './tokens.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `authenticate` for every /api request. */
    principal?: { name: string; role: Role };
  }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
 * Every /api route needs a token, reads included. Roles: admin everything; editor flows, resources,
 * contacts, callbacks and agents; viewer reads only.
 */
export function authenticate(tokens: readonly ApiToken[]): RequestHandler {
  return (req, res, next) => {
    const token = presentedToken(req, `${req.baseUrl}${req.path}` === '/api/events');
    if (token === undefined) {
      res.set('WWW-Authenticate', 'Bearer realm="callflow"');
      throw new ApiError(401, 'unauthorized', 'A token is required: send "Authorization: Bearer <token>".');
    }
    const holder = findToken(tokens, token);
    if (!holder) {
      res.set('WWW-Authenticate', 'Bearer realm="callflow", error="invalid_token"');
      throw new ApiError(401, 'invalid_token', 'The token is not valid. Use the URL printed at start-up.');
    }
    req.principal = { name: holder.name, role: holder.role };
    if (!READ_METHODS.has(req.method) && holder.role === 'viewer') {
      throw new ApiError(
        403,
        'forbidden',
        `The role "viewer" may only read; ${req.method} needs editor or admin.`,
        {
          role: holder.role,
        },
      );
    }
    next();
  };
}

/** For admin-only routes (none in the editor's daily path: rollback of live versions). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const role = req.principal?.role;
    if (!role || !roles.includes(role)) {
      throw new ApiError(403, 'forbidden', `This action needs the role ${roles.join(' or ')}.`, { role });
    }
    next();
  };
}

export type { ApiToken };
