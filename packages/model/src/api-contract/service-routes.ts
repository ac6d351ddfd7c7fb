/** The service's own routes: the designer, health, metrics, this document, the catalog, events, resources. */
import { z } from 'zod';
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
    summary: 'The editor (HTML); needs no token.',
    public: true,
    responses: {
      200: { description: 'The designer (HTML); a plain-text note when it is not built.' },
    },
    errors: [],
  }),
  agentDesktopPage: defineRoute({
    method: 'GET',
    path: '/agent',
    summary: "The agent desktop (HTML); needs no token, it asks for an agent's token.",
    public: true,
    responses: {
      200: { description: 'The agent desktop (HTML); a plain-text note when it is not built.' },
    },
    errors: [],
  }),
  health: defineRoute({
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and readiness; needs no token.',
    public: true,
    responses: { 200: json(health), 503: json(health, 'Starting, shutting down or degraded') },
    errors: [],
  }),
  metrics: defineRoute({
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics (text exposition format).',
    responses: { 200: { description: 'Metrics', contentType: 'text/plain', schema: z.string() } },
    errors: [],
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This document.',
    responses: { 200: json(z.looseObject({ openapi: z.literal('3.1.0') })) },
    errors: [],
  }),
  catalog: defineRoute({
    method: 'GET',
    path: '/api/catalog',
    summary: 'The block catalog as data.',
    responses: { 200: json(catalog) },
    errors: [],
  }),
  events: defineRoute({
    method: 'GET',
    path: '/api/events',
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
    summary: 'The resources document (numbers, queues, agents, hours, account) and its etag.',
    responses: { 200: json(resourcesWithEtag) },
    errors: [],
  }),
  saveResources: defineRoute({
    method: 'PUT',
    path: '/api/resources',
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
    responses: { 200: json(z.object({ now: z.string().meta({ format: 'date-time' }) })) },
    errors: ['invalid_body', 'unsupported_media_type', 'clock_control_off'],
  }),
  firstStart: defineRoute({
    method: 'GET',
    path: '/api/first-start',
    summary: 'What the first start of the data directory published (null on any later start).',
    responses: { 200: json(z.object({ firstStart: firstStartReport.nullable() })) },
    errors: [],
  }),
} as const;
