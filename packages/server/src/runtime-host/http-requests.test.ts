import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
let crm: Server;
let crmUrl: string;
beforeEach(async () => {
  t = await startTestService();
  crm = createServer((_req, res) =>
    res.setHeader('Content-Type', 'application/json').end('{"name":"Ann Lee"}'),
  );
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
  const got = await t.api().get('/api/resources').expect(200);
  const resources = { ...got.body.resources, httpAllowlist: allow ? ['127.0.0.1'] : [] };
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
