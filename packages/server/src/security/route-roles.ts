import { API_ROUTES, type RouteRoles, type RouteSpec } from '@callflow/model/api-contract';
import express, { type RequestHandler, type Router } from 'express';
import { apiError } from '../http/api-error.js';
import { requireRole } from './auth.js';

/** Who may call a route: token roles, or `public` (no token: health, and Twilio's signed webhooks). */
export type Access = RouteRoles;

export interface RouteAccess {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The express path, as registered. */
  path: string;
  access: Access;
  /** Why, for the table in docs/security.md. */
  note?: string;
}

/** Twilio's webhooks: a router of their own, mounted only when Twilio is configured, outside the API contract. */
const TWILIO_ROUTES: readonly RouteAccess[] = [
  {
    method: 'POST',
    path: '/twilio/*',
    access: 'public',
    note: "Twilio's webhooks (when configured): each request's X-Twilio-Signature is checked instead",
  },
  {
    method: 'GET',
    path: '/twilio/prompts/:file',
    access: 'public',
    note: 'prompt recordings for <Play> (when Twilio is configured): only at the URL the service signed',
  },
];

/**
 * Every route the service registers, with the roles that may call it: each API route's roles as its
 * contract entry declares them (the OpenAPI document shows the same lists), and Twilio's webhooks.
 * `authorize()` enforces it, docs/security.md publishes it, and a test calls every registered route
 * with every role against it (a route missing here fails that test).
 */
export const ROUTE_ROLES: readonly RouteAccess[] = [
  ...Object.values(API_ROUTES as Readonly<Record<string, RouteSpec>>).map((route) => ({
    method: route.method,
    path: route.path,
    access: route.roles,
    ...(route.rolesNote ? { note: route.rolesNote } : {}),
  })),
  ...TWILIO_ROUTES,
];

/**
 * An agent token acts only as its own agent: any /api/agents/:name route naming another agent is
 * refused with 403 `forbidden_agent`, whatever the route (a route added later is covered too).
 */
const ownAgentOnly: RequestHandler = (req, _res, next) => {
  const principal = req.principal;
  const name = req.params.name;
  if (principal?.role === 'agent' && name !== principal.agent) {
    throw apiError(
      'forbidden_agent',
      `This agent token acts as "${principal.agent}" only, not as "${name}".`,
      { agent: principal.agent, name },
    );
  }
  next();
};

/**
 * Refuses a request whose route the caller's role may not use (403 `forbidden`). Mounted after
 * `authenticate`; it matches with express's own router, so a row and its route agree on what matches.
 */
export function authorize(table: readonly RouteAccess[] = ROUTE_ROLES): Router {
  const router = express.Router();
  for (const row of table) {
    if (row.access === 'public') continue;
    const method = row.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](row.path, requireRole(...row.access));
  }
  router.use('/api/agents/:name', ownAgentOnly);
  return router;
}

/** The table as docs/security.md shows it (a test keeps the two the same). */
export function roleTableMarkdown(table: readonly RouteAccess[] = ROUTE_ROLES): string {
  const rows = table.map((row) => {
    const who = row.access === 'public' ? 'no token' : row.access.join(', ');
    return `| \`${row.method} ${row.path}\` | ${who} | ${row.note ?? ''} |`;
  });
  return ['| route | roles | |', '| --- | --- | --- |', ...rows].join('\n');
}
