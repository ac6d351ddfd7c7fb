/**
 * The OpenAPI 3.1 description of every route. A test compares it with the routes express really has,
 * both ways, so the document cannot drift from the code.
 */
import { errorCodes } from './error-codes.js';
import { schemas } from './schemas.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description = 'OK'): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string): Json => json(ref('Error'), description);
const body = (schema: Json, required = true): Json => ({
  required,
  content: { 'application/json': { schema } },
});
const pathParam = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
const header = (name: string, description: string): Json => ({
  name,
  in: 'header',
  required: false,
  description,
  schema: { type: 'string' },
});

const flowId = pathParam('id', 'Flow id (the file is `<id>.flow.json`).', {
  type: 'string',
  pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
});
const testFile = pathParam(
  'file',
  'A test file name in the flows directory: `<name>.test.json`, `<name>` following the flow id rules.',
  { type: 'string', pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.test\\.json$' },
);
const contactId = pathParam('id', 'Contact id.');
const agentName = pathParam('name', 'Agent name from the resources file.');
const ifMatch = header('If-Match', 'The etag you last read; required to change an existing document.');
const ifNoneMatch = header('If-None-Match', '`*` to create a document that must not exist yet.');

const standardErrors: Json = {
  '400': error('Bad request: invalid_json (with position), invalid_body, ...'),
  '401': error('unauthorized / invalid_token'),
  '403': error('forbidden (role); forbidden_agent (an agent token naming another agent)'),
  '413': error('payload_too_large'),
  '421': error('host_not_allowed'),
  '429': error('too_many_auth_failures / too_many_writes (with Retry-After) / too_many_streams'),
};

function op(summary: string, responses: Json, extra: Json = {}): Json {
  return { summary, responses: { ...responses, ...standardErrors }, ...extra };
}

const eventBody = {
  oneOf: [
    {
      type: 'object',
      properties: { type: { const: 'digits' }, digits: { type: 'string', pattern: '^[0-9*#]{1,32}$' } },
      required: ['type', 'digits'],
    },
    { type: 'object', properties: { type: { const: 'hangUp' } }, required: ['type'] },
    {
      type: 'object',
      properties: { type: { const: 'promptDone' }, ref: { type: 'string' } },
      required: ['type'],
    },
    {
      type: 'object',
      properties: {
        type: { const: 'dialResult' },
        ref: { type: 'string' },
        result: { enum: ['answered', 'busy', 'noAnswer', 'failed', 'completed'] },
      },
      required: ['type', 'result'],
    },
  ],
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'callflow server',
    version: '1.0.0',
    description:
      'Flow store, publishing and runtime host of callflow. Every error is `{ code, message, details }`; the codes are listed under `x-error-codes` and in docs/api.md.',
  },
  servers: [{ url: 'http://127.0.0.1:4310' }],
  security: [{ bearer: [] }],
  'x-error-codes': errorCodes,
  paths: {
    '/': {
      get: {
        summary: 'The editor (HTML); needs no token.',
        security: [],
        responses: { '200': { description: 'HTML' } },
      },
    },
    '/agent': {
      get: {
        summary: "The agent desktop (HTML); needs no token, it asks for an agent's token.",
        security: [],
        responses: { '200': { description: 'HTML' } },
      },
    },
    '/healthz': {
      get: {
        summary: 'Liveness and readiness; needs no token.',
        security: [],
        responses: { '200': json(ref('Health')), '503': json(ref('Health'), 'Starting or shutting down') },
      },
    },
    '/metrics': {
      get: op('Prometheus metrics (text exposition format).', {
        '200': { description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } },
      }),
    },
    '/api/openapi.json': { get: op('This document.', { '200': json({ type: 'object' }) }) },
    '/api/catalog': { get: op('The block catalog as data.', { '200': json(ref('Catalog')) }) },
    '/api/events': {
      get: op(
        'Server-Sent Events: contact, agent, callback and flow events. Accepts `?token=` because EventSource cannot send headers.',
        {
          '200': {
            description: 'text/event-stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
        },
        { parameters: [{ name: 'token', in: 'query', required: false, schema: { type: 'string' } }] },
      ),
    },
    '/api/flows': {
      get: op('All flows in the flows directory.', {
        '200': json({ type: 'array', items: ref('FlowListItem') }),
      }),
    },
    '/api/flows/{id}': {
      parameters: [flowId],
      get: op('One flow (the draft on disk) and its etag.', {
        '200': json(ref('FlowWithEtag')),
        '404': error('flow_not_found'),
        '422': error('flow_unreadable'),
      }),
      put: op(
        'Saves the draft in canonical format. Lint problems do not block a save; schema errors do.',
        {
          '200': json(ref('SaveResult'), 'Saved'),
          '201': json(ref('SaveResult'), 'Created'),
          '400': error('id_mismatch, invalid_flow_id, invalid_body'),
          '412': error('version_mismatch; details.current = { flow, etag }'),
          '422': error('invalid_flow; details.problems'),
          '428': error('precondition_required'),
        },
        { parameters: [ifMatch, ifNoneMatch], requestBody: body(ref('Flow')) },
      ),
      delete: op(
        'Deletes the draft file. Published versions stay.',
        {
          '204': { description: 'Deleted' },
          '404': error('flow_not_found'),
          '412': error('version_mismatch'),
          '428': error('precondition_required'),
        },
        { parameters: [ifMatch] },
      ),
    },
    '/api/flows/{id}/tests': {
      parameters: [flowId],
      get: op(
        'The scenario test files (`*.test.json` in the flows directory) whose `flow` is this flow, read from disk now, sorted by file name. Saved one at a time with PUT `/api/flows/{id}/tests/{file}`.',
        {
          '200': json(ref('FlowTests')),
          '400': error('invalid_flow_id'),
          '404': error('flow_not_found (no `<id>.flow.json`)'),
        },
      ),
    },
    '/api/flows/{id}/tests/{file}': {
      parameters: [flowId, testFile],
      put: op(
        "Saves one scenario test file (the whole document) in canonical format, with the same If-Match / If-None-Match rules as flows. The document's `flow` must be this flow. Announced as `flow.tests.saved`.",
        {
          '200': json(ref('TestSaveResult'), 'Saved'),
          '201': json(ref('TestSaveResult'), 'Created'),
          '400': error('invalid_file_name, invalid_flow_id, id_mismatch, invalid_body'),
          '404': error('flow_not_found (no `<id>.flow.json`)'),
          '412': error('version_mismatch; details.current = { test, etag } (null when the file is gone)'),
          '422': error('invalid_test; details.problems'),
          '428': error('precondition_required'),
        },
        { parameters: [ifMatch, ifNoneMatch], requestBody: body(ref('FlowTest')) },
      ),
    },
    '/api/flows/{id}/validate': {
      parameters: [flowId],
      post: op(
        'Schema and lint problems of the saved draft, or of the unsaved flow in the body.',
        { '200': json(ref('Problems')) },
        { requestBody: body(ref('Flow'), false) },
      ),
    },
    '/api/flows/{id}/publish': {
      parameters: [flowId],
      post: op(
        'Publishes the saved draft as the next immutable version and makes it live. Every flow it needs at run time (transitively) must be live; `withDependencies` publishes those that are not, each checked, all in one step or none. Warnings are returned.',
        {
          '201': json(
            {
              type: 'object',
              properties: {
                version: { type: 'integer' },
                problems: ref('ProblemList'),
                published: {
                  type: 'array',
                  description: 'Every flow made live, the one asked for first.',
                  items: {
                    type: 'object',
                    properties: { flowId: { type: 'string' }, version: { type: 'integer' } },
                  },
                },
                note: { type: ['string', 'null'] },
              },
            },
            'Published',
          ),
          '404': error('flow_not_found'),
          '412': error('version_mismatch (when If-Match is sent and the draft changed)'),
          '422': error(
            'publish_blocked (details.problems, details.flows for dependencies); dependencies_not_published (details.unpublished, details.problems with CF311)',
          ),
        },
        {
          parameters: [ifMatch],
          requestBody: body(
            {
              type: 'object',
              additionalProperties: false,
              properties: {
                withDependencies: { type: 'boolean', default: false },
                note: { type: 'string', maxLength: 500, description: 'Kept with each version published.' },
              },
            },
            false,
          ),
        },
      ),
    },
    '/api/first-start': {
      get: op(
        'What the first start of this data directory published (every flow that could be, as version 1) and what it skipped and why; `firstStart` is null on any later start.',
        {
          '200': json({
            type: 'object',
            properties: {
              firstStart: {
                type: ['object', 'null'],
                properties: {
                  at: { type: 'string', format: 'date-time' },
                  published: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { flowId: { type: 'string' }, version: { type: 'integer' } },
                    },
                  },
                  skipped: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        flowId: { type: 'string' },
                        reason: { type: 'string' },
                        problems: ref('ProblemList'),
                      },
                    },
                  },
                },
              },
            },
          }),
        },
      ),
    },
    '/api/flows/{id}/dependencies': {
      parameters: [flowId],
      get: op('The flows this flow needs at run time, transitively, with their live versions.', {
        '200': json({
          type: 'object',
          properties: {
            flowId: { type: 'string' },
            dependencies: { type: 'array', items: ref('Dependency') },
            toPublish: {
              type: 'array',
              items: { type: 'string' },
              description: 'The flows `withDependencies` would publish along (those with no live version).',
            },
          },
        }),
        '404': error('flow_not_found'),
      }),
    },
    '/api/flows/{id}/versions': {
      parameters: [flowId],
      get: op('Published versions, newest first.', {
        '200': json({ type: 'array', items: ref('VersionInfo') }),
      }),
    },
    '/api/flows/{id}/versions/{version}': {
      parameters: [flowId, pathParam('version', 'Version number.', { type: 'integer', minimum: 1 })],
      get: op('One published version with its content.', {
        '200': json({ allOf: [ref('VersionInfo'), { type: 'object', properties: { flow: ref('Flow') } }] }),
        '404': error('version_not_found'),
      }),
    },
    '/api/flows/{id}/rollback': {
      parameters: [flowId],
      post: op(
        'Points `live` at an older published version. Running contacts keep the version they started on.',
        {
          '200': json({ type: 'object', properties: { live: { type: 'integer' } } }),
          '404': error('version_not_found'),
        },
        {
          requestBody: body({
            type: 'object',
            properties: { version: { type: 'integer', minimum: 1 } },
            required: ['version'],
          }),
        },
      ),
    },
    '/api/resources': {
      get: op('The resources file and its etag (null when there is none yet).', {
        '200': json(ref('ResourcesWithEtag')),
      }),
      put: op(
        'Saves the resources file (same If-Match rules as flows).',
        {
          '200': json(ref('SaveResult')),
          '412': error('version_mismatch'),
          '422': error('invalid_resources'),
          '428': error('precondition_required'),
        },
        { parameters: [ifMatch, ifNoneMatch], requestBody: body({ type: 'object' }) },
      ),
    },
    '/api/contacts': {
      get: op('Active contacts.', { '200': json({ type: 'array', items: ref('ContactSummary') }) }),
      post: op(
        'Starts a simulated contact on the live published version of a flow.',
        {
          '201': json(
            { type: 'object', properties: { contactId: { type: 'string' }, version: { type: 'integer' } } },
            'Started',
          ),
          '404': error('flow_not_found'),
          '409': error('flow_not_published'),
        },
        {
          requestBody: body({
            type: 'object',
            properties: { flow: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
            required: ['flow', 'to'],
          }),
        },
      ),
    },
    '/api/contacts/{id}': {
      parameters: [contactId],
      get: op('State of a contact; secure variables are redacted.', {
        '200': json(ref('ContactState')),
        '404': error('contact_not_found'),
      }),
    },
    '/api/contacts/{id}/trace': {
      parameters: [contactId],
      get: op('The steps of a contact (block, event, outcome, time); secure values redacted.', {
        '200': json({ type: 'array', items: { type: 'object' } }),
        '404': error('contact_not_found'),
      }),
    },
    '/api/contacts/{id}/log': {
      parameters: [contactId],
      get: op(
        "What was said and done on the contact's line: the commands the host carried out and the events it stepped, in order, secure values masked. In memory per process: empty for a contact this process has not run (or has forgotten).",
        {
          '200': json(ref('CallLog')),
          '400': error('invalid_query (after)'),
          '404': error('contact_not_found'),
        },
        {
          parameters: [
            {
              name: 'after',
              in: 'query',
              required: false,
              description: 'Only entries with a greater seq (poll with the last seq read).',
              schema: { type: 'integer', minimum: 0 },
            },
          ],
        },
      ),
    },
    '/api/contacts/{id}/events': {
      parameters: [contactId],
      post: op(
        'Sends a caller event to the contact and returns its state after the step.',
        {
          '200': json({ type: 'object', properties: { state: ref('ContactState') } }),
          '404': error('contact_not_found'),
          '409': error('contact_ended'),
        },
        { requestBody: body(eventBody) },
      ),
    },
    '/api/contacts/{id}/variables/{name}': {
      parameters: [contactId, pathParam('name', 'Variable name.')],
      patch: op(
        'An agent edits a contact variable. The first save wins; a stale version gets 409 with the current value.',
        {
          '200': json({ type: 'object', properties: { value: {}, version: { type: 'integer' } } }),
          '404': error('contact_not_found'),
          '409': error('variable_conflict; details.current = { value, version }'),
          '422': error('variable_not_editable / invalid_value'),
        },
        {
          requestBody: body({
            type: 'object',
            properties: { value: {}, version: { type: 'integer', minimum: 0 }, agent: { type: 'string' } },
            required: ['value', 'version'],
          }),
        },
      ),
    },
    '/api/callbacks': {
      get: op('Callback requests still to be placed.', {
        '200': json({ type: 'array', items: ref('Callback') }),
      }),
      post: op(
        "A web callback request: the number is validated against the account's region and country allowlist.",
        { '201': json(ref('Callback'), 'Queued'), '422': error('invalid_number / queue_not_found') },
        {
          requestBody: body({
            type: 'object',
            properties: {
              name: { type: 'string', maxLength: 100 },
              number: { type: 'string', maxLength: 32 },
              queue: { type: 'string' },
            },
            required: ['number', 'queue'],
          }),
        },
      ),
    },
    '/api/callbacks/{id}': {
      parameters: [pathParam('id', 'Callback id.')],
      delete: op('Cancels a callback request.', {
        '204': { description: 'Cancelled' },
        '404': error('callback_not_found'),
      }),
    },
    '/api/agents': {
      get: op('Agents and their states.', { '200': json({ type: 'array', items: ref('Agent') }) }),
    },
    '/api/agents/{name}': {
      parameters: [agentName],
      get: op("The agent's own record: state, offer (with its popover), contact.", {
        '200': json(ref('Agent')),
        '404': error('agent_not_found'),
      }),
    },
    '/api/agents/{name}/desktop': {
      parameters: [agentName],
      get: op(
        "What the agent's desktop needs of the resources: its record, the numbers it may present (name, number, display name), the queues and other agents (with states) to transfer to, the country allowlist.",
        { '200': json(ref('AgentDesktop')), '404': error('agent_not_found') },
      ),
    },
    '/api/agents/{name}/contact': {
      parameters: [agentName],
      get: op(
        'The call-associated data of the contact the agent is offered or on: agent-viewable variables with labels, editable flag and version; secure ones masked.',
        { '200': json(ref('AgentContact')), '404': error('agent_not_found'), '409': error('no_contact') },
      ),
    },
    '/api/agents/{name}/contact/variables/{variable}': {
      parameters: [agentName, pathParam('variable', 'An agent-editable variable of the contact.')],
      patch: op(
        'The agent edits a variable of the contact it is on. The first save wins; a stale version gets 409 variable_conflict with the current value.',
        {
          '200': json({ type: 'object', properties: { value: {}, version: { type: 'integer' } } }),
          '404': error('agent_not_found'),
          '409': error('no_contact / variable_conflict / contact_ended'),
          '422': error('variable_not_editable / invalid_value'),
        },
        {
          requestBody: body({
            type: 'object',
            properties: { value: {}, version: { type: 'integer', minimum: 0 } },
            required: ['value', 'version'],
            additionalProperties: false,
          }),
        },
      ),
    },
    '/api/agents/{name}/state': {
      parameters: [agentName],
      post: op(
        "Sets an agent's state (Available, Offline, Busy...).",
        { '200': json(ref('Agent')), '404': error('agent_not_found') },
        {
          requestBody: body({
            type: 'object',
            properties: { state: { type: 'string' } },
            required: ['state'],
          }),
        },
      ),
    },
    '/api/agents/{name}/accept': {
      parameters: [agentName],
      post: op('The agent accepts the offered contact.', {
        '200': json(ref('Agent')),
        '404': error('agent_not_found'),
        '409': error('no_offer'),
      }),
    },
    '/api/agents/{name}/reject': {
      parameters: [agentName],
      post: op(
        'The agent declines the offered contact, as if it rang out: the offer is withdrawn, the agent goes to RONA and the contact back to its queue.',
        {
          '200': json(ref('Agent')),
          '400': error('invalid_body'),
          '404': error('agent_not_found'),
          '409': error('no_offer'),
        },
        { requestBody: body({ type: 'object', additionalProperties: false }, false) },
      ),
    },
    '/api/agents/{name}/wrap-up': {
      parameters: [agentName],
      post: op(
        'The agent picks a wrap-up reason after a call.',
        { '200': json(ref('Agent')), '404': error('agent_not_found') },
        {
          requestBody: body({
            type: 'object',
            properties: { reason: { type: 'string' } },
            required: ['reason'],
          }),
        },
      ),
    },
    '/api/agents/{name}/hangup': {
      parameters: [agentName],
      post: op(
        'The agent hangs up the call they are on (a queued call, a callback, their own callback); the contact ends and the agent goes to wrap-up.',
        {
          '200': json(ref('HangUpResult')),
          '400': error('invalid_body'),
          '404': error('agent_not_found'),
          '409': error('no_connected_call; details = { name, state }'),
        },
        {
          requestBody: body({ type: 'object', additionalProperties: false }, false),
        },
      ),
    },
    '/api/agents/{name}/transfer': {
      parameters: [agentName],
      post: op(
        "Blind transfer of the agent's connected contact to a queue, an Available agent or a number (goes at once; the agent goes to wrap-up).",
        {
          '200': json(ref('TransferResult')),
          '400': error('invalid_body'),
          '404': error('agent_not_found'),
          '409': error('transfer_refused'),
        },
        {
          requestBody: body({
            type: 'object',
            properties: { to: ref('TransferTarget') },
            required: ['to'],
            additionalProperties: false,
          }),
        },
      ),
    },
    '/api/agents/{name}/callbacks': {
      parameters: [agentName],
      post: op(
        'An agent-initiated callback to a number (validated).',
        {
          '201': json(ref('Callback'), 'Queued'),
          '404': error('agent_not_found'),
          '409': error('agent_busy / agent_not_available / center_at_capacity'),
          '422': error('invalid_number'),
        },
        {
          requestBody: body({
            type: 'object',
            properties: { number: { type: 'string' } },
            required: ['number'],
          }),
        },
      ),
    },
    '/api/sim/clock': {
      post: op(
        'Skips the simulated clock forward (tests of ring timers, RONA); admin only, and only with CALLFLOW_SIM_CLOCK_CONTROL=on.',
        {
          '200': json({
            type: 'object',
            properties: { now: { type: 'string', format: 'date-time' } },
            required: ['now'],
          }),
          '400': error('invalid_body'),
          '409': error('clock_control_off'),
        },
        {
          requestBody: body({
            type: 'object',
            properties: { skipSeconds: { type: 'integer', minimum: 1, maximum: 86400 } },
            required: ['skipSeconds'],
          }),
        },
      ),
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas,
  },
} as const;
