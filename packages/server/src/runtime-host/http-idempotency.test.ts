import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ChildService, call, startChildService } from '../test-support/child-service.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

/** Two HTTP-request steps, then a menu that waits (the contact stays up). */
function twoLookups(base: string): Record<string, unknown> {
  const lookup = (path: string, next: string) => ({
    type: 'httpRequest',
    settings: {
      method: 'POST',
      url: `${base}${path}`,
      body: { amount: { value: 10 } },
      timeoutSeconds: 10,
      maxResponseBytes: 1000,
    },
    next: { success: next, error: next, timeout: next },
  });
  return {
    formatVersion: 1,
    id: 'two-lookups',
    name: 'Two lookups',
    type: 'inbound',
    start: 'charge',
    blocks: {
      charge: lookup('/charge', 'receipt'),
      receipt: lookup('/receipt', 'wait'),
      wait: {
        type: 'menu',
        settings: { prompt: { text: 'Done.' }, options: [{ digit: '1' }], timeoutSeconds: 60, retries: 0 },
        next: { '1': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
      },
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

interface Hit {
  path: string;
  key: string | undefined;
}

/** A receiver that records every request's key; the first `/charge` is never answered (the crash comes first). */
class Receiver {
  readonly hits: Hit[] = [];
  readonly #waiters: { path: string; count: number; resolve: () => void }[] = [];
  readonly #held: ServerResponse[] = [];
  readonly server: Server = createServer((req: IncomingMessage, res) => {
    req.resume();
    const path = req.url ?? '';
    const key = req.headers['idempotency-key'];
    this.hits.push({ path, key: typeof key === 'string' ? key : undefined });
    for (const w of [...this.#waiters]) if (this.of(w.path).length >= w.count) w.resolve();
    if (path === '/charge' && this.of('/charge').length === 1) this.#held.push(res);
    else res.setHeader('Content-Type', 'application/json').end('{"ok":true}');
  });

  of(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  /** Resolves once `count` requests to `path` have arrived (a signal, not a sleep). */
  arrived(path: string, count: number): Promise<void> {
    if (this.of(path).length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ path, count, resolve }));
  }

  close(): Promise<void> {
    for (const res of this.#held) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let work: string;
let service: ChildService | undefined;
const receiver = new Receiver();

beforeAll(async () => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-idempotency-'));
  cpSync(SAMPLE_FLOWS, join(work, 'flows'), { recursive: true });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await receiver.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const start = () => startChildService(join(work, 'flows'), join(work, 'data'));

describe('HTTP requests sent again after a crash', () => {
  it('carry the same Idempotency-Key as the first attempt; other steps and contacts have their own', {
    timeout: 90_000,
  }, async () => {
    service = await start();
    const base = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    const got = await call(service.url, 'GET', '/api/resources');
    const { resources, etag } = (got?.body ?? {}) as { resources: Record<string, unknown>; etag: string };
    const put = await call(
      service.url,
      'PUT',
      '/api/resources',
      { ...resources, httpAllowlist: ['127.0.0.1'] },
      { 'If-Match': etag },
    );
    expect(put?.status).toBe(200);
    expect(
      (await call(service.url, 'PUT', '/api/flows/two-lookups', twoLookups(base), { 'If-None-Match': '*' }))
        ?.status,
    ).toBe(201);
    expect((await call(service.url, 'POST', '/api/flows/two-lookups/publish'))?.status).toBe(201);

    const first = await call(service.url, 'POST', '/api/contacts', {
      flow: 'two-lookups',
      to: '+12125550101',
    });
    expect(first?.status).toBe(201);
    const contact = (first?.body as { contactId?: string } | undefined)?.contactId ?? '';
    await receiver.arrived('/charge', 1);
    // The service dies before the answer comes: the request may or may not have been carried out.
    await service.kill9();
    service = await start();
    await receiver.arrived('/charge', 2);
    await receiver.arrived('/receipt', 1);

    const [attempt, retry] = receiver.of('/charge');
    expect(attempt?.key).toMatch(/^callflow:.+:\d+$/);
    expect(attempt?.key).toContain(contact);
    expect(retry?.key).toBe(attempt?.key);
    expect(receiver.of('/receipt')[0]?.key).not.toBe(attempt?.key);

    const second = await call(service.url, 'POST', '/api/contacts', {
      flow: 'two-lookups',
      to: '+12125550101',
    });
    expect(second?.status).toBe(201);
    await receiver.arrived('/charge', 3);
    const other = receiver.of('/charge')[2]?.key;
    expect(other).toBeDefined();
    expect(other).not.toBe(attempt?.key);
  });
});
