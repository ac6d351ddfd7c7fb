import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ChildService, call, startChildService } from '../test-support/child-service.js';
import { startTestPostgres, type TestPostgres } from '../test-support/postgres-server.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

let work: string;
let postgres: TestPostgres;
let service: ChildService | undefined;

// Its own PostgreSQL server: this test takes it down, which the run's shared server must never be.
beforeAll(async () => {
  buildServer();
  postgres = await startTestPostgres({ durableCommits: true });
  work = mkdtempSync(join(tmpdir(), 'callflow-outage-'));
  cpSync(SAMPLE_FLOWS, join(work, 'flows'), { recursive: true });
}, 120_000);

afterAll(async () => {
  await service?.stop();
  postgres?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const CALL = { flow: 'support-inbound', to: '+12125550101' };

describe('a center whose database becomes unreachable', () => {
  it('refuses new calls with 503 database_unavailable, and takes calls again once it is back', async () => {
    service = await startChildService(join(work, 'flows'), join(work, 'data'), {
      CALLFLOW_DATABASE_URL: postgres.url,
      CALLFLOW_SECRET_KEY: randomBytes(32).toString('hex'),
      CALLFLOW_PUBLISH_ON_FIRST_START: 'on',
    });
    const url = service.url;

    postgres.down();
    const refused = await call(url, 'POST', '/api/contacts', CALL);
    expect(refused?.status, service.output().slice(-3000)).toBe(503);
    expect(refused?.body).toMatchObject({ code: 'database_unavailable' });
    // Nothing half-done: no contact was started on the service either.
    const listed = await call(url, 'GET', '/api/contacts');
    expect(listed?.body).toEqual([]);

    postgres.up();
    let after: Awaited<ReturnType<typeof call>>;
    const deadline = Date.now() + 30_000;
    do {
      after = await call(url, 'POST', '/api/contacts', CALL);
      if (after?.status === 201 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    } while (after?.status === 503);
    expect(after?.status, JSON.stringify(after?.body)).toBe(201);
    const id = (after?.body as { contactId?: string } | undefined)?.contactId;
    expect((await call(url, 'GET', `/api/contacts/${id}`))?.status).toBe(200);
  }, 120_000);
});
