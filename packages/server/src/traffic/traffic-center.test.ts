import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer, type ChildService, call, startChildService } from '../test-support/child-service.js';
import { createTestDatabase } from '../test-support/postgres-server.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

/** A menu: 1 says goodbye, anything else waits (a minute) for the caller. */
const FLOW = {
  formatVersion: 1,
  id: 'center-traffic',
  name: 'center-traffic',
  type: 'inbound',
  start: 'menu',
  blocks: {
    menu: {
      type: 'menu',
      settings: { prompt: { text: 'Press 1' }, options: [{ digit: '1' }], timeoutSeconds: 60, retries: 0 },
      next: { '1': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    },
    bye: { type: 'disconnect', settings: {} },
  },
};

let work: string;
const processes: ChildService[] = [];

beforeAll(async () => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-traffic-'));
  cpSync(SAMPLE_FLOWS, join(work, 'flows'), { recursive: true });
  const databaseUrl = await createTestDatabase(inject('postgresUrl'), 'traffic');
  const key = randomBytes(32).toString('hex');
  for (let i = 0; i < 2; i += 1) {
    processes.push(
      await startChildService(join(work, 'flows'), join(work, `data-${i}`), {
        CALLFLOW_DATABASE_URL: databaseUrl,
        CALLFLOW_SECRET_KEY: key,
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  if (work) rmSync(work, { recursive: true, force: true });
});

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('where calls go, in a center kept in PostgreSQL', () => {
  it('answers the same counts from every process, for the calls the leader ran', async () => {
    const [a, b] = processes as [ChildService, ChildService];
    await until(async () => {
      for (const p of processes) {
        const health = (await call(p.url, 'GET', '/healthz'))?.body as { center?: { state: string } };
        if (health?.center?.state === 'leading') return true;
      }
      return undefined;
    });
    expect((await call(a.url, 'PUT', `/api/flows/${FLOW.id}`, FLOW, { 'If-None-Match': '*' }))?.status).toBe(
      201,
    );
    expect((await call(a.url, 'POST', `/api/flows/${FLOW.id}/publish`))?.status).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = await call(b.url, 'POST', '/api/contacts', { flow: FLOW.id, to: '+12125550101' });
      expect(started?.status).toBe(201);
      const id = (started?.body as { contactId: string } | undefined)?.contactId ?? '';
      ids.push(id);
      await until(async () => {
        const res = await call(b.url, 'GET', `/api/contacts/${id}`);
        const body = res?.body as { block?: string; timers?: unknown[] };
        return body?.block === 'menu' && (body.timers?.length ?? 0) > 0 ? true : undefined;
      });
    }
    const [pressing, ...hangingUp] = ids as [string, string, string];
    await call(a.url, 'POST', `/api/contacts/${pressing}/events`, { type: 'digits', digits: '1' });
    for (const id of hangingUp) await call(a.url, 'POST', `/api/contacts/${id}/events`, { type: 'hangUp' });
    await until(async () => {
      const res = await call(a.url, 'GET', `/api/contacts/${pressing}`);
      return (res?.body as { status?: string })?.status === 'ended' ? true : undefined;
    });

    for (const p of processes) {
      const res = await call(p.url, 'GET', `/api/flows/${FLOW.id}/traffic`);
      expect(res?.status).toBe(200);
      expect(res?.body).toMatchObject({
        flowId: FLOW.id,
        version: 1,
        calls: 3,
        blocks: {
          menu: { entered: 3, outcomes: { '1': 1 }, hungUp: 2, left: 0, ended: 0, inBlock: 0 },
          bye: { entered: 1, outcomes: {}, hungUp: 0, ended: 1 },
        },
      });
    }
  });
});
