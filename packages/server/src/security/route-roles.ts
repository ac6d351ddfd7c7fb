import express, { type RequestHandler, type Router } from 'express';
import { apiError } from '../http/api-error.js';
import { requireRole } from './auth.js';
import type { Role } from './tokens.js';

/** Who may call a route: token roles, or `public` (no token: health, and Twilio's signed webhooks). */
export type Access = readonly Role[] | 'public';

export interface RouteAccess {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The express path, as registered. */
  path: string;
  access: Access;
  /** Why, for the table in docs/security.md. */
  note?: string;
}

// Named groups keep the table short to read and easy to extend: a new role (an `agent` role for the
// desktop, say) is added to the groups it belongs to and to the rows it needs.
const EVERYONE: readonly Role[] = ['admin', 'editor', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'editor'];
const ADMIN: readonly Role[] = ['admin'];
// An agent's desktop token: its own agent's routes and the event stream, nothing of the designer's API.
// Which agent it may act as is checked by `ownAgentOnly` below, for every /api/agents/:name route.
const AGENT: readonly Role[] = ['agent'];
const EVERYONE_AND_AGENT: readonly Role[] = [...EVERYONE, ...AGENT];
const WRITERS_AND_AGENT: readonly Role[] = [...WRITERS, ...AGENT];

/**
 * Every route the service registers, with the roles that may call it. The one rule for authorization:
 * `authorize()` enforces it, docs/security.md publishes it, and a test calls every registered route
 * with every role against it (a route missing here fails that test).
 */
export const ROUTE_ROLES: readonly RouteAccess[] = [
  { method: 'GET', path: '/', access: 'public', note: 'the designer (static files); it asks for a token' },
  {
    method: 'GET',
    path: '/agent',
    access: 'public',
    note: "the agent desktop (static files); it asks for an agent's token",
  },
  {
    method: 'GET',
    path: '/healthz',
    access: 'public',
    note: 'for load balancers; shows no flow or contact data',
  },
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
  { method: 'GET', path: '/metrics', access: EVERYONE },
  { method: 'GET', path: '/api/openapi.json', access: EVERYONE },
  { method: 'GET', path: '/api/catalog', access: EVERYONE },
  {
    method: 'GET',
    path: '/api/events',
    access: EVERYONE_AND_AGENT,
    note: 'an agent token receives only the events of its own agent and its contact, and agent states',
  },
  { method: 'GET', path: '/api/flows', access: EVERYONE },
  { method: 'GET', path: '/api/flows/:id', access: EVERYONE },
  { method: 'PUT', path: '/api/flows/:id', access: WRITERS },
  { method: 'DELETE', path: '/api/flows/:id', access: WRITERS },
  { method: 'POST', path: '/api/flows/:id/validate', access: WRITERS },
  { method: 'GET', path: '/api/flows/:id/tests', access: EVERYONE },
  { method: 'PUT', path: '/api/flows/:id/tests/:file', access: WRITERS },
  { method: 'POST', path: '/api/flows/:id/publish', access: WRITERS },
  { method: 'GET', path: '/api/flows/:id/dependencies', access: EVERYONE },
  { method: 'GET', path: '/api/flows/:id/versions', access: EVERYONE },
  { method: 'GET', path: '/api/flows/:id/versions/:version', access: EVERYONE },
  {
    method: 'POST',
    path: '/api/flows/:id/rollback',
    access: ADMIN,
    note: 'changes what live calls run without a new publish',
  },
  { method: 'GET', path: '/api/resources', access: EVERYONE },
  {
    method: 'PUT',
    path: '/api/resources',
    access: ADMIN,
    note: 'numbers, queues, agents, capacity and the HTTP allowlist of the whole center',
  },
  {
    method: 'PUT',
    path: '/api/prompts/:file',
    access: ADMIN,
    note: 'a prompt recording into prompts/ beside the flows (a resource, like resources.json)',
  },
  { method: 'GET', path: '/api/prompts/:file', access: EVERYONE },
  { method: 'GET', path: '/api/flows/:id/usages', access: EVERYONE },
  { method: 'GET', path: '/api/resources/:kind/:name/usages', access: EVERYONE },
  {
    method: 'POST',
    path: '/api/resources/:kind/:name/rename-preview',
    access: ADMIN,
    note: 'shows the text of every flow the rename changes, for the admin who may then apply it',
  },
  {
    method: 'POST',
    path: '/api/resources/:kind/:name/rename',
    access: ADMIN,
    note: 'changes the resources file and every flow and test naming the entry',
  },
  { method: 'DELETE', path: '/api/resources/:kind/:name', access: ADMIN, note: 'as PUT /api/resources' },
  { method: 'GET', path: '/api/first-start', access: EVERYONE },
  { method: 'GET', path: '/api/contacts', access: EVERYONE },
  { method: 'POST', path: '/api/contacts', access: WRITERS },
  { method: 'GET', path: '/api/contacts/:id', access: EVERYONE },
  { method: 'GET', path: '/api/contacts/:id/trace', access: EVERYONE },
  { method: 'GET', path: '/api/contacts/:id/log', access: EVERYONE },
  { method: 'POST', path: '/api/contacts/:id/events', access: WRITERS },
  { method: 'PATCH', path: '/api/contacts/:id/variables/:name', access: WRITERS },
  { method: 'GET', path: '/api/callbacks', access: EVERYONE },
  { method: 'POST', path: '/api/callbacks', access: WRITERS },
  { method: 'DELETE', path: '/api/callbacks/:id', access: WRITERS },
  { method: 'GET', path: '/api/agents', access: EVERYONE },
  {
    method: 'GET',
    path: '/api/agents/:name',
    access: EVERYONE_AND_AGENT,
    note: 'an agent token: its own agent only (403 forbidden_agent for another)',
  },
  { method: 'GET', path: '/api/agents/:name/desktop', access: EVERYONE_AND_AGENT },
  { method: 'GET', path: '/api/agents/:name/contact', access: EVERYONE_AND_AGENT },
  { method: 'GET', path: '/api/agents/:name/caller-id', access: EVERYONE_AND_AGENT },
  { method: 'PATCH', path: '/api/agents/:name/contact/variables/:variable', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/state', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/accept', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/reject', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/hangup', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/wrap-up', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/transfer', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/callbacks', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/consult', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/consult/accept', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/consult/complete', access: WRITERS_AND_AGENT },
  { method: 'DELETE', path: '/api/agents/:name/consult', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/pending-callback/prompt', access: WRITERS_AND_AGENT },
  { method: 'PUT', path: '/api/agents/:name/pending-callback', access: WRITERS_AND_AGENT },
  { method: 'DELETE', path: '/api/agents/:name/pending-callback', access: WRITERS_AND_AGENT },
  { method: 'POST', path: '/api/agents/:name/pending-callback/place', access: WRITERS_AND_AGENT },
  {
    method: 'POST',
    path: '/api/sim/clock',
    access: ADMIN,
    note: 'skips the simulated clock (tests); refused unless CALLFLOW_SIM_CLOCK_CONTROL=on',
  },
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
