import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TO_BILLING } from '../test-support/billing-calls.js';
import { buildServer, type ChildService, call, startChildService } from '../test-support/child-service.js';
import { eventually } from '../test-support/flows.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

let work: string;
let service: ChildService | undefined;
const start = () => startChildService(join(work, 'flows'), join(work, 'data'));

beforeAll(() => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-desk-crash-'));
  cpSync(SAMPLE_FLOWS, join(work, 'flows'), { recursive: true });
}, 120_000);

afterAll(async () => {
  await service?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const BILAL = '/api/agents/bilal.khan';
const ALICE = '/api/agents/alice.ng';

/** The admin token acts for the agents (the child service has only that one). */
async function ok(
  method: string,
  path: string,
  body?: unknown,
  status = 200,
): Promise<Record<string, unknown>> {
  const res = await call(service!.url, method, path, body);
  expect(res?.status, `${method} ${path}: ${JSON.stringify(res?.body)}`).toBe(status);
  return res!.body as Record<string, unknown>;
}

describe('pending callbacks and consults survive kill -9', () => {
  it('the killed service’s successor shows both and places the callback', async () => {
    service = await start();
    await call(service.url, 'PUT', '/api/flows/to-billing', TO_BILLING, { 'If-None-Match': '*' });
    await ok('POST', '/api/flows/to-billing/publish', { withDependencies: true }, 201);
    const { contactId } = await ok(
      'POST',
      '/api/contacts',
      { flow: 'to-billing', from: '+12015550199', to: '+12125550101' },
      201,
    );
    await eventually(
      () => ok('GET', `/api/contacts/${contactId}`),
      (c) => c.status === 'queued',
    );
    await ok('POST', `${BILAL}/state`, { state: 'Available' });
    await ok('POST', `${BILAL}/accept`);
    await eventually(
      () => ok('GET', `/api/contacts/${contactId}`),
      (c) => c.status === 'connected',
    );
    await ok('PUT', `${BILAL}/pending-callback`, { number: '(312) 555-0177' });
    await ok('POST', `${ALICE}/state`, { state: 'Available' });
    await ok('POST', `${BILAL}/consult`, { to: { agent: 'alice.ng' } }, 201);

    await service.kill9();
    service = await start();

    const bilal = await ok('GET', BILAL);
    expect(bilal).toMatchObject({
      state: 'Busy',
      contactId,
      pendingCallback: { contactId, status: 'edited', number: '+13125550177', reason: null },
      consult: { role: 'consulting', to: { agent: 'alice.ng' }, status: 'ringing', contactId },
    });
    expect(await ok('GET', ALICE)).toMatchObject({ state: 'Busy', consult: { role: 'consulted' } });

    const placed = await ok('POST', `${BILAL}/pending-callback/place`, {}, 201);
    expect(placed).toMatchObject({ kind: 'agent', number: '+13125550177' });
    expect(await ok('GET', BILAL)).toMatchObject({ contactId: placed.id, pendingCallback: null });
  }, 120_000);
});
