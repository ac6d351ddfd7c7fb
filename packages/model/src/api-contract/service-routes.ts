/** The service's own routes: the designer, health, metrics, this document, the catalog, events, resources. */
import { z } from 'zod';
import { ADMINS, READERS, READERS_AND_AGENT } from './roles.js';
import { defineRoute } from './route.js';
import {
  catalog,
  firstStartReport,
  health,
  resourcesDocument,
  resourcesWithEtag,
  saveResult,
} from './schemas.js';

/** At most a day per request: enough for any ring, queue or callback timer a test reaches. */
export const MAX_CLOCK_SKIP_SECONDS = 86_400;

const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({ description, schema });

export const serviceRoutes = {
  editor: defineRoute({
    method: 'GET',
    path: '/',
    roles: 'public',
    rolesNote: 'the designer (static files); it asks for a token',
    summary: 'The editor (HTML); needs no token.',
    responses: {
      200: { description: 'The designer (HTML); a plain-text note when it is not built.' },
    },
    errors: [],
  }),
  agentDesktopPage: defineRoute({
    method: 'GET',
    path: '/agent',
    roles: 'public',
    rolesNote: "the agent desktop (static files); it asks for an agent's token",
    summary: "The agent desktop (HTML); needs no token, it asks for an agent's token.",
    responses: {
      200: { description: 'The agent desktop (HTML); a plain-text note when it is not built.' },
    },
    errors: [],
  }),
  health: defineRoute({
    method: 'GET',
    path: '/healthz',
    roles: 'public',
    rolesNote: 'for load balancers; shows no flow or contact data',
    summary: 'Liveness and readiness; needs no token.',
    responses: { 200: json(health), 503: json(health, 'Starting, shutting down or degraded') },
    errors: [],
  }),
  metrics: defineRoute({
    method: 'GET',
    path: '/metrics',
    roles: READERS,
    summary: 'Prometheus metrics (text exposition format).',
    responses: { 200: { description: 'Metrics', contentType: 'text/plain', schema: z.string() } },
    errors: [],
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    roles: READERS,
    summary: 'This document.',
    // The document itself: OpenAPI 3.1 says what it holds, not this contract.
    responses: { 200: json(z.looseObject({ openapi: z.literal('3.1.0') })) },
    errors: [],
  }),
  catalog: defineRoute({
    method: 'GET',
    path: '/api/catalog',
    roles: READERS,
    summary: 'The block catalog as data.',
    responses: { 200: json(catalog) },
    errors: [],
  }),
  events: defineRoute({
    method: 'GET',
    path: '/api/events',
    roles: READERS_AND_AGENT,
    rolesNote: 'an agent token receives only the events of its own agent and its contact, and agent states',
    summary:
      'Server-Sent Events: contact, agent, callback and flow events. Accepts `?token=` because EventSource cannot send headers.',
    query: z.object({ token: z.string().optional() }),
    responses: {
      200: { description: 'The event stream', contentType: 'text/event-stream', schema: z.string() },
    },
    errors: ['too_many_streams'],
  }),
  getResources: defineRoute({
    method: 'GET',
    path: '/api/resources',
    roles: READERS,
    summary: 'The resources document (numbers, queues, agents, hours, account) and its etag.',
    responses: { 200: json(resourcesWithEtag) },
    errors: [],
  }),
  saveResources: defineRoute({
    method: 'PUT',
    path: '/api/resources',
    roles: ADMINS,
    rolesNote: 'numbers, queues, agents, capacity and the HTTP allowlist of the whole center',
    summary: 'Saves the resources document, with the same If-Match / If-None-Match rules as flows.',
    headers: [
      { name: 'If-Match', description: 'The etag you last read; required to change an existing document.' },
      { name: 'If-None-Match', description: '`*` to create a document that must not exist yet.' },
    ],
    body: resourcesDocument,
    responses: { 200: json(saveResult, 'Saved') },
    errors: [
      'invalid_json',
      'invalid_body',
      'unsupported_media_type',
      'version_mismatch',
      'invalid_resources',
      'precondition_required',
    ],
  }),
  simClock: defineRoute({
    method: 'POST',
    path: '/api/sim/clock',
    roles: ADMINS,
    rolesNote: 'skips the simulated clock (tests); refused unless CALLFLOW_SIM_CLOCK_CONTROL=on',
    summary:
      'Skips the simulated clock forward (tests of ring timers, RONA); admin only, and only with CALLFLOW_SIM_CLOCK_CONTROL=on.',
    body: z.strictObject({
      skipSeconds: z
        .number()
        .int()
        .min(1)
        .max(MAX_CLOCK_SKIP_SECONDS)
        .meta({ description: 'At most a day per request: enough for any ring, queue or callback timer.' }),
    }),
    responses: { 200: json(z.strictObject({ now: z.string().meta({ format: 'date-time' }) })) },
    errors: ['invalid_body', 'unsupported_media_type', 'clock_control_off'],
  }),
  firstStart: defineRoute({
    method: 'GET',
    path: '/api/first-start',
    roles: READERS,
    summary: 'What the first start of the data directory published (null on any later start).',
    responses: { 200: json(z.strictObject({ firstStart: firstStartReport.nullable() })) },
    errors: [],
  }),
} as const;
