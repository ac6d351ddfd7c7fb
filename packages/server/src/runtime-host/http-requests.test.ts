import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
let crm: Server;
let crmUrl: string;
let crmHits = 0;
/** Names only this test's resolver knows, the way an internal DNS name or an /etc/hosts line would. */
const testNames: Record<string, LookupAddress[]> = {
  'crm.internal': [{ address: '127.0.0.1', family: 4 }],
  'mixed.example': [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.7', family: 4 },
  ],
};
beforeEach(async () => {
  crmHits = 0;
  t = await startTestService({
    service: {
      resolveHost: async (name) => {
        const found = testNames[name];
        if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
        return found;
      },
    },
  });
  crm = createServer((_req, res) => {
    crmHits++;
    res.setHeader('Content-Type', 'application/json').end('{"name":"Ann Lee"}');
  });
  await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
  crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/customer`;
});
afterEach(async () => {
  await t.close();
  await new Promise((resolve) => crm.close(resolve));
});

function lookupFlow(url: string): Record<string, unknown> {
  const wait = (text: string) => ({
    type: 'menu',
    settings: { prompt: { text }, options: [{ digit: '1' }], timeoutSeconds: 60, retries: 0 },
    next: { '1': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
  });
  return {
    formatVersion: 1,
    id: 'lookup-flow',
    name: 'Lookup',
    type: 'inbound',
    start: 'lookup',
    variables: { customerName: { type: 'string' } },
    blocks: {
      lookup: {
        type: 'httpRequest',
        settings: {
          method: 'GET',
          url,
          timeoutSeconds: 5,
          maxResponseBytes: 1000,
          responseMapping: [{ pointer: '/name', variable: 'customerName' }],
        },
        next: { success: 'found', error: 'failed', timeout: 'failed' },
      },
      found: wait('Found'),
      failed: wait('Failed'),
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

async function allowLoopback(allow: boolean): Promise<void> {
  await allowHosts(allow ? ['127.0.0.1'] : []);
}

async function allowHosts(hosts: string[]): Promise<void> {
  const got = await t.api().get('/api/resources').expect(200);
  const resources = { ...got.body.resources, httpAllowlist: hosts };
  await t.api().put('/api/resources').set('If-Match', got.body.etag).send(resources).expect(200);
}

describe('HTTP-request blocks in the runtime host', () => {
  it('calls an allowlisted host and maps the answer into variables; refuses it once the allowlist drops it', async () => {
    await allowLoopback(true);
    await t
      .api()
      .put('/api/flows/lookup-flow')
      .set('If-None-Match', '*')
      .send(lookupFlow(crmUrl))
      .expect(201);
    await t.api().post('/api/flows/lookup-flow/publish').expect(201);
    const first = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'lookup-flow', to: '+12125550101' })
      .expect(201);
    const found = await eventually(
      () => t.api().get(`/api/contacts/${first.body.contactId}`),
      (r) => r.body.block !== 'lookup',
    );
    const trace = await t.api().get(`/api/contacts/${first.body.contactId}/trace`);
    expect(found.body, JSON.stringify(trace.body)).toMatchObject({
      block: 'found',
      variables: { customerName: 'Ann Lee' },
    });

    // The runtime checks the target again: a published flow cannot reach a host the resources no longer allow.
    await allowLoopback(false);
    const second = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'lookup-flow', to: '+12125550101' })
      .expect(201);
    const refused = await eventually(
      () => t.api().get(`/api/contacts/${second.body.contactId}`),
      (r) => r.body.block !== 'lookup',
    );
    expect(refused.body.block).toBe('failed');
  });
});

/** Publishes the lookup flow on `url`, calls it, and answers the block it went to and the trace text. */
async function callLookup(url: string): Promise<{ block: string; trace: string; name: unknown }> {
  const saved = await t.api().get('/api/flows/lookup-flow');
  const put = t.api().put('/api/flows/lookup-flow');
  if (saved.status === 200) put.set('If-Match', saved.body.etag);
  else put.set('If-None-Match', '*');
  await put.send(lookupFlow(url)).expect(saved.status === 200 ? 200 : 201);
  await t.api().post('/api/flows/lookup-flow/publish').expect(201);
  const call = await t
    .api()
    .post('/api/contacts')
    .send({ flow: 'lookup-flow', to: '+12125550101' })
    .expect(201);
  const done = await eventually(
    () => t.api().get(`/api/contacts/${call.body.contactId}`),
    (r) => r.body.block !== 'lookup',
  );
  const trace = await t.api().get(`/api/contacts/${call.body.contactId}/trace`);
  return {
    block: done.body.block,
    trace: JSON.stringify(trace.body),
    name: done.body.variables.customerName,
  };
}

describe('HTTP-request blocks calling a host name (SSRF guard at connect time)', () => {
  it('refuses a name that resolves to a loopback address, without sending anything; allowlisted, it is called', async () => {
    const port = (crm.address() as AddressInfo).port;
    const refused = await callLookup(`http://crm.internal:${port}/customer`);
    expect(refused.block).toBe('failed');
    expect(refused.trace).toContain(
      'request refused: crm.internal resolves to 127.0.0.1 (127.0.0.1 is a loopback address)',
    );
    expect(crmHits).toBe(0);

    await allowHosts(['crm.internal']);
    const allowed = await callLookup(`http://crm.internal:${port}/customer`);
    expect(allowed).toMatchObject({ block: 'found', name: 'Ann Lee' });
    expect(crmHits).toBe(1);
  });

  it('refuses a name when any of its addresses is private (a public one beside it does not help)', async () => {
    const refused = await callLookup('http://mixed.example/customer');
    expect(refused.block).toBe('failed');
    expect(refused.trace).toContain('request refused: mixed.example resolves to 10.0.0.7');
  });
});
