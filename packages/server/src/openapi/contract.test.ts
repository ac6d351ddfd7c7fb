import {
  API_ERROR_CODES,
  API_ROUTES,
  errorBody,
  openApiPath,
  type RouteSpec,
  routeErrors,
} from '@callflow/model/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavBytes } from '../test-support/audio.js';
import { TO_BILLING } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { registeredRoutes } from '../test-support/registered-routes.js';
import { simpleFlow, startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';
import { openApiDocument } from './document.js';

/** One answer of the service, as a client got it over HTTP. */
interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
}

let t: TestService;
let base: string;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  t = await startTestService({ env: { CALLFLOW_SIM_CLOCK_CONTROL: 'on' } });
  base = `http://127.0.0.1:${await t.service.listen()}`;
});
afterAll(async () => {
  await t.close();
});

async function call(
  method: string,
  url: string,
  options: {
    body?: unknown;
    headers?: Record<string, string>;
    token?: string | null;
    /** A body that is not JSON (a recording), sent as it is with its type. */
    raw?: { bytes: Buffer; type: string };
  } = {},
): Promise<Exchange> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? TOKENS.admin : options.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw) headers['Content-Type'] = options.raw.type;
  const abort = new AbortController();
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    signal: abort.signal,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.raw ? { body: new Uint8Array(options.raw.bytes) } : {}),
  });
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown;
  if (contentType.startsWith('text/event-stream')) {
    abort.abort(); // a stream never ends: its status and type are the answer
    body = '';
  } else {
    const text = await res.text();
    body = contentType.includes('json') && text ? JSON.parse(text) : text;
  }
  const exchange = { method, url, status: res.status, contentType, body };
  exchanges.push(exchange);
  return exchange;
}

/** The contract route an exchange went to (the path matched as express matches it). */
function routeOf(exchange: Exchange): [string, RouteSpec] | undefined {
  const path = new URL(exchange.url, base).pathname;
  return Object.entries(API_ROUTES as Record<string, RouteSpec>).find(([, route]) => {
    if (route.method !== exchange.method) return false;
    const pattern = `^${route.path.replace(/:\w+/g, '[^/]+')}$`;
    return new RegExp(pattern).test(path);
  });
}

/** What is wrong with an answer, measured against the contract and the document generated from it. */
function mismatches(exchange: Exchange): string[] {
  const found = routeOf(exchange);
  if (!found) return ['no route in the contract'];
  const [name, route] = found;
  const operation = openApiDocument.paths[openApiPath(route.path)]?.[route.method.toLowerCase()] as
    | { responses: Record<string, unknown>; operationId: string }
    | undefined;
  const problems: string[] = [];
  if (operation?.operationId !== name) problems.push('not in the OpenAPI document');
  if (!operation?.responses[String(exchange.status)])
    problems.push(`status ${exchange.status} not documented`);
  const answer = route.responses[exchange.status];
  if (answer) {
    // `audio/*`: any audio type (a recording is WAV or MP3).
    if (answer.contentType && !exchange.contentType.startsWith(answer.contentType.replace(/\*$/, '')))
      problems.push(`content type ${exchange.contentType}, documented ${answer.contentType}`);
    const parsed = answer.schema?.safeParse(exchange.body);
    if (parsed && !parsed.success) problems.push(...parsed.error.issues.map((i) => JSON.stringify(i)));
    return problems;
  }
  const error = errorBody.safeParse(exchange.body);
  if (!error.success) return [...problems, `error body: ${error.error.message}`];
  const code = error.data.code as keyof typeof API_ERROR_CODES;
  if (!routeErrors(route).includes(code)) problems.push(`code ${code} not listed for the route`);
  if (API_ERROR_CODES[code]?.status !== exchange.status)
    problems.push(
      `code ${code} answered with ${exchange.status}, catalogued ${API_ERROR_CODES[code]?.status}`,
    );
  return problems;
}

/** Uses every route as a client would, with good requests and some bad ones. */
async function useEveryRoute(): Promise<void> {
  await call('GET', '/', { token: null });
  await call('GET', '/agent', { token: null });
  await call('GET', '/healthz', { token: null });
  await call('GET', '/metrics');
  await call('GET', '/api/openapi.json');
  await call('GET', '/api/catalog');
  await call('GET', '/api/events');
  await call('GET', '/api/first-start');

  const resources = (await call('GET', '/api/resources')) as Exchange & {
    body: { resources: unknown; etag: string };
  };
  await call('PUT', '/api/resources', {
    body: resources.body.resources,
    headers: { 'If-Match': resources.body.etag },
  });
  await call('PUT', '/api/resources', { body: { queues: 7 }, headers: { 'If-Match': 'stale' } });
  await call('PUT', '/api/prompts/contract.wav', { raw: { bytes: wavBytes(), type: 'audio/wav' } });
  await call('PUT', '/api/prompts/contract.mp3', { raw: { bytes: wavBytes(), type: 'audio/mpeg' } });
  await call('PUT', '/api/prompts/contract.ogg', { raw: { bytes: wavBytes(), type: 'audio/ogg' } });
  await call('GET', '/api/prompts/contract.wav');
  await call('GET', '/api/prompts/none.wav');

  await call('GET', '/api/flows');
  const flow = (await call('GET', '/api/flows/support-inbound')) as Exchange & { body: { etag: string } };
  await call('GET', '/api/flows/no-such-flow');
  await call('PUT', '/api/flows/contract-flow', {
    body: simpleFlow('contract-flow'),
    headers: { 'If-None-Match': '*' },
  });
  await call('PUT', '/api/flows/contract-flow', { body: simpleFlow('contract-flow') });
  await call('PUT', '/api/flows/contract-flow', {
    body: simpleFlow('other'),
    headers: { 'If-Match': flow.body.etag },
  });
  await call('POST', '/api/flows/contract-flow/validate');
  await call('POST', '/api/flows/contract-flow/validate', { body: simpleFlow('contract-flow') });
  await call('GET', '/api/flows/support-inbound/tests');
  const tests = (await call('GET', '/api/flows/support-inbound/tests')) as Exchange & {
    body: { files: { file: string; etag: string; test: unknown }[] };
  };
  const file = tests.body.files[0];
  if (file)
    await call('PUT', `/api/flows/support-inbound/tests/${file.file}`, {
      body: file.test,
      headers: { 'If-Match': file.etag },
    });
  await call('PUT', '/api/flows/support-inbound/tests/Bad%20Name', { body: { flow: 'support-inbound' } });
  await call('POST', '/api/flows/contract-flow/publish', { body: { note: 'first' } });
  await call('POST', '/api/flows/contract-flow/publish', { body: { withDependencies: 'yes' } });
  await call('POST', '/api/flows/contract-flow/publish');
  await call('GET', '/api/flows/support-inbound/dependencies');
  await call('GET', '/api/flows/contract-flow/versions');
  await call('GET', '/api/flows/contract-flow/versions/1');
  await call('GET', '/api/flows/contract-flow/versions/0');
  await call('GET', '/api/flows/contract-flow/versions/9');
  await call('GET', '/api/flows/contract-flow/traffic');
  await call('GET', '/api/flows/contract-flow/traffic?version=1&from=2026-01-01T00:00:00Z&to=2026-01-02');
  await call('GET', '/api/flows/contract-flow/traffic?from=yesterday');
  await call('GET', '/api/flows/contract-flow/traffic?version=9');
  await call('POST', '/api/flows/contract-flow/rollback', { body: { version: 1 } });
  await call('POST', '/api/flows/contract-flow/rollback', { body: { version: 'one' } });
  const current = (await call('GET', '/api/flows/contract-flow')) as Exchange & { body: { etag: string } };
  await call('DELETE', '/api/flows/contract-flow', { headers: { 'If-Match': current.body.etag } });
  await call('DELETE', '/api/flows/contract-flow');

  // Where used, renames and deletions.
  await call('GET', '/api/resources/queue/billing/usages');
  await call('GET', '/api/resources/queues/billing/usages');
  await call('GET', '/api/resources/queue/nope/usages');
  await call('GET', '/api/flows/support-queue/usages');
  await call('GET', '/api/flows/no-such-flow/usages');
  const preview = (await call('POST', '/api/resources/number/campaign/rename-preview', {
    body: { to: 'campaign-2' },
  })) as Exchange & { body: { files: { file: string; etag: string }[] } };
  await call('POST', '/api/resources/number/campaign/rename-preview', { body: { to: 'bad name' } });
  await call('POST', '/api/resources/number/campaign/rename-preview', { body: { to: 'main' } });
  await call('POST', '/api/resources/number/campaign/rename', { body: { to: 'campaign-2' } });
  await call('POST', '/api/resources/number/campaign/rename', {
    body: { to: 'campaign-2', etags: { 'resources.json': '"stale"' } },
  });
  await call('POST', '/api/resources/number/campaign/rename', {
    body: { to: 'campaign-2', etags: Object.fromEntries(preview.body.files.map((f) => [f.file, f.etag])) },
  });
  const renamed = (await call('GET', '/api/resources')) as Exchange & { body: { etag: string } };
  await call('DELETE', '/api/resources/number/campaign-2', { headers: { 'If-Match': renamed.body.etag } });
  await call('DELETE', '/api/resources/number/campaign-2');
  await call('DELETE', '/api/resources/number/campaign-2?force=maybe', {
    headers: { 'If-Match': renamed.body.etag },
  });
  await call('DELETE', '/api/resources/number/campaign-2?force=true', {
    headers: { 'If-Match': renamed.body.etag },
  });
  const queueFlow = (await call('GET', '/api/flows/support-queue')) as Exchange & { body: { etag: string } };
  await call('DELETE', '/api/flows/support-queue', { headers: { 'If-Match': queueFlow.body.etag } });

  // A caller in the billing queue, an agent who takes the call and hangs up.
  const toBilling = {
    ...TO_BILLING,
    variables: { note: { type: 'string', label: 'Note', agentViewable: true, agentEditable: true } },
  };
  await call('PUT', '/api/flows/to-billing', { body: toBilling, headers: { 'If-None-Match': '*' } });
  await call('POST', '/api/flows/to-billing/publish', { body: { withDependencies: true } });
  const started = (await call('POST', '/api/contacts', {
    body: { flow: 'to-billing', from: '+12015550199', to: '+12125550101' },
  })) as Exchange & { body: { contactId: string } };
  const id = started.body.contactId;
  await call('POST', '/api/contacts', { body: { flow: 7 } });
  await eventually(
    () => call('GET', `/api/contacts/${id}`),
    (r) => (r.body as { status: string }).status === 'queued',
  );
  await call('GET', '/api/contacts');
  await call('GET', '/api/contacts/nobody');
  await call('GET', `/api/contacts/${id}/trace`);
  await call('GET', `/api/contacts/${id}/log?after=0`);
  await call('GET', `/api/contacts/${id}/log?after=-1`);
  await call('GET', '/api/agents');
  await call('POST', '/api/agents/bilal.khan/state', { body: { state: 'Available' } });
  await call('POST', '/api/agents/bilal.khan/state', { body: { state: 'Sleeping' } });
  await call('POST', '/api/agents/nobody/accept');
  await call('POST', '/api/agents/bilal.khan/accept');
  await eventually(
    () => call('GET', `/api/contacts/${id}`),
    (r) => (r.body as { status: string }).status === 'connected',
  );
  await call('GET', '/api/agents/bilal.khan');
  await call('GET', '/api/agents/bilal.khan/desktop');
  await call('GET', '/api/agents/bilal.khan/contact');
  await call('GET', '/api/agents/alice.ng/contact');
  await call('PATCH', '/api/agents/bilal.khan/contact/variables/note', {
    body: { value: 'New', version: 0 },
  });
  await call('PATCH', '/api/agents/bilal.khan/contact/variables/note', {
    body: { value: 'Old', version: 0 },
  });
  await call('PATCH', '/api/agents/bilal.khan/contact/variables/note', { body: { version: 1 } });
  await call('PATCH', `/api/contacts/${id}/variables/note`, { body: { value: 'VIP', version: 1 } });
  await call('PATCH', `/api/contacts/${id}/variables/note`, { body: { value: 'late', version: 1 } });
  await call('PATCH', `/api/contacts/${id}/variables/note`, { body: { value: 'x', version: 'one' } });
  await call('POST', `/api/contacts/${id}/events`, { body: { type: 'explode' } });
  await call('POST', `/api/contacts/${id}/events`, { body: { type: 'digits', digits: '1' } });
  await call('GET', '/api/agents/bilal.khan/caller-id?to=%2B13125550100');
  await call('GET', '/api/agents/bilal.khan/caller-id?to=911');
  await call('POST', '/api/agents/bilal.khan/pending-callback/prompt');
  await call('POST', `/api/contacts/${id}/events`, { body: { type: 'digits', digits: '3125550166#' } });
  await call('PUT', '/api/agents/bilal.khan/pending-callback', { body: { number: '+13125550177' } });
  await call('PUT', '/api/agents/bilal.khan/pending-callback', { body: { number: '911' } });
  await call('DELETE', '/api/agents/bilal.khan/pending-callback');
  await call('DELETE', '/api/agents/bilal.khan/pending-callback');
  await call('POST', '/api/agents/alice.ng/state', { body: { state: 'Available' } });
  await call('POST', '/api/agents/bilal.khan/consult', { body: { to: { agent: 'bilal.khan' } } });
  await call('POST', '/api/agents/bilal.khan/consult', { body: { to: { agent: 'alice.ng' } } });
  await call('POST', '/api/agents/bilal.khan/consult/complete');
  await call('POST', '/api/agents/alice.ng/consult/accept');
  await call('DELETE', '/api/agents/bilal.khan/consult');
  await call('DELETE', '/api/agents/bilal.khan/consult');
  await call('POST', '/api/agents/bilal.khan/transfer', { body: { to: { agent: 'carmen.diaz' } } });
  await call('POST', '/api/agents/bilal.khan/transfer', { body: { to: 'support' } });
  await call('POST', '/api/agents/bilal.khan/hangup');
  await call('POST', '/api/agents/bilal.khan/hangup');
  await call('POST', '/api/agents/bilal.khan/wrap-up', { body: { reason: 'Not in the list' } });
  await call('POST', '/api/agents/bilal.khan/wrap-up', { body: { reason: 'Resolved' } });
  await call('POST', '/api/agents/bilal.khan/wrap-up', { body: { reason: 'Resolved' } });
  await call('POST', `/api/contacts/${id}/events`, { body: { type: 'hangUp' } });

  // A second call: transferred to a number by the agent; offered and declined by another.
  const second = (await call('POST', '/api/contacts', {
    body: { flow: 'to-billing', from: '+12015550198', to: '+12125550101' },
  })) as Exchange & { body: { contactId: string } };
  await eventually(
    () => call('GET', `/api/contacts/${second.body.contactId}`),
    (r) => (r.body as { status: string }).status === 'queued',
  );
  await call('POST', '/api/agents/bilal.khan/reject', { body: { reason: 'busy' } });
  await call('POST', '/api/agents/bilal.khan/reject');
  await call('POST', '/api/agents/bilal.khan/state', { body: { state: 'Available' } });
  await call('POST', '/api/agents/bilal.khan/accept');
  await eventually(
    () => call('GET', `/api/contacts/${second.body.contactId}`),
    (r) => (r.body as { status: string }).status === 'connected',
  );
  await call('POST', '/api/agents/bilal.khan/transfer', {
    body: { to: { number: '+12015550123' }, callerId: 'campaign' },
  });
  await call('POST', '/api/agents/bilal.khan/transfer', {
    body: { to: { number: '+12015550123' }, callerId: 'support' },
  });
  await call('POST', '/api/agents/bilal.khan/wrap-up', { body: { reason: 'Transferred' } });

  // A third call: bilal consults alice, who answers; the consult completes as a warm transfer.
  const third = (await call('POST', '/api/contacts', {
    body: { flow: 'to-billing', from: '+12015550197', to: '+12125550101' },
  })) as Exchange & { body: { contactId: string } };
  await eventually(
    () => call('GET', `/api/contacts/${third.body.contactId}`),
    (r) => (r.body as { status: string }).status === 'queued',
  );
  await call('POST', '/api/agents/bilal.khan/accept');
  await eventually(
    () => call('GET', `/api/contacts/${third.body.contactId}`),
    (r) => (r.body as { status: string }).status === 'connected',
  );
  await call('POST', '/api/agents/bilal.khan/consult', { body: { to: { agent: 'alice.ng' } } });
  await call('POST', '/api/agents/alice.ng/consult/accept');
  await call('GET', '/api/agents/alice.ng');
  await call('POST', '/api/agents/bilal.khan/consult/complete');
  await call('POST', '/api/agents/alice.ng/hangup');
  await call('POST', '/api/agents/alice.ng/wrap-up', { body: { reason: 'Resolved' } });
  await call('POST', '/api/agents/bilal.khan/wrap-up', { body: { reason: 'Transferred' } });

  // Callbacks: a web request, cancelled; an agent's own callback.
  await call('POST', '/api/flows/outbound-whisper/publish');
  const callback = (await call('POST', '/api/callbacks', {
    body: { name: 'Ann', number: '+12015550123', queue: 'billing' },
  })) as Exchange & { body: { id: string } };
  await call('POST', '/api/callbacks', { body: { number: '+12015550123', queue: 'nowhere' } });
  await call('GET', '/api/callbacks');
  await call('DELETE', `/api/callbacks/${callback.body.id}`);
  await call('DELETE', `/api/callbacks/${callback.body.id}`);
  await call('POST', '/api/agents/alice.ng/state', { body: { state: 'Available' } });
  await call('POST', '/api/agents/alice.ng/callbacks', { body: { number: '+12015550124' } });
  await call('POST', '/api/agents/alice.ng/callbacks', { body: { number: 12 } });
  await call('POST', '/api/agents/alice.ng/pending-callback/place');
  await call('PUT', '/api/agents/alice.ng/pending-callback', { body: { number: '+12015550125' } });
  await call('POST', '/api/agents/alice.ng/pending-callback/place', { body: { callerId: 'main' } });
  await call('POST', '/api/sim/clock', { body: { skipSeconds: 1 } });
  await call('POST', '/api/sim/clock', { body: { skipSeconds: 0 } });
}

describe('the API contract', () => {
  it('is kept by every answer of every route, good requests and bad', async () => {
    await useEveryRoute();
    const wrong = exchanges
      .map((exchange) => ({
        exchange: `${exchange.method} ${exchange.url} ${exchange.status}`,
        problems: mismatches(exchange),
      }))
      .filter((entry) => entry.problems.length > 0);
    expect(wrong).toEqual([]);
  });

  it('has a route for every route express serves, each used above with a success', () => {
    const served = new Set(registeredRoutes(t.service.app));
    const contract = new Set(
      Object.values(API_ROUTES as Record<string, RouteSpec>).map((r) => `${r.method} ${r.path}`),
    );
    expect(contract).toEqual(served);
    const succeeded = new Set(
      exchanges
        .filter((e) => e.status < 300)
        .map((e) => routeOf(e)?.[1])
        .map((r) => r && `${r.method} ${r.path}`),
    );
    expect([...served].filter((route) => !succeeded.has(route))).toEqual([]);
  });

  it('catches an answer that breaks it', () => {
    // The check itself: an answer with a missing field, one with a field the contract does not name, and
    // an error with a code the route never gives.
    expect(
      mismatches({
        method: 'POST',
        url: '/api/flows/x/rollback',
        status: 200,
        contentType: 'application/json',
        body: { live: 2, previous: 1 },
      }),
    ).toEqual([expect.stringContaining('previous')]);
    expect(
      mismatches({
        method: 'GET',
        url: '/api/flows/x',
        status: 200,
        contentType: 'application/json',
        body: {},
      }),
    ).not.toEqual([]);
    expect(
      mismatches({
        method: 'GET',
        url: '/api/flows/x',
        status: 409,
        contentType: 'application/json',
        body: { code: 'agent_busy', message: 'm', details: {} },
      }),
    ).not.toEqual([]);
  });
});
