import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '@callflow/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ChildService, call, startChildService } from '../test-support/child-service.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

/** A chain of menus: each key moves the contact one block on, so its step count keeps growing. */
function chainFlow(id: string, length: number, timeoutSeconds: number): Record<string, unknown> {
  const blocks: Record<string, unknown> = {};
  for (let i = 1; i <= length; i += 1) {
    const next = i === length ? 'bye' : `m${i + 1}`;
    blocks[`m${i}`] = {
      type: 'menu',
      settings: { prompt: { text: `Menu ${i}` }, options: [{ digit: '1' }], timeoutSeconds, retries: 0 },
      next: { '1': next, timeout: 'timed-out', noMatch: 'bye', error: 'bye' },
    };
  }
  blocks['timed-out'] = { type: 'disconnect', settings: {} };
  blocks.bye = { type: 'disconnect', settings: {} };
  return { formatVersion: 1, id, name: id, type: 'inbound', start: 'm1', blocks };
}

const SEED = 20261120;
const CYCLES = 3;

interface Acked {
  steps: number;
}

type Answer = { status: number; body: unknown } | undefined;

/**
 * Every answer the service gave while it was being killed, by what it may be: a request cut off by the
 * kill has no answer (counted apart); any answer other than the expected ones is a failure, listed.
 */
class Answers {
  readonly unexpected: string[] = [];
  readonly byStatus = new Map<number, number>();
  cutOff = 0;

  /** True when the answer is `expected[0]` (the success the caller goes on with). */
  take(
    request: string,
    res: Answer,
    expected: readonly { status: number; code?: string }[],
  ): res is NonNullable<Answer> {
    if (res === undefined) {
      this.cutOff += 1;
      return false;
    }
    this.byStatus.set(res.status, (this.byStatus.get(res.status) ?? 0) + 1);
    const code = (res.body as { code?: unknown } | null)?.code;
    if (!expected.some((e) => e.status === res.status && (e.code === undefined || e.code === code)))
      this.unexpected.push(`${request}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.status === expected[0]?.status;
  }
}

const CREATED = [{ status: 201 }] as const;
// Keys for a contact whose chain has ended (its last menu, or its 1-second timeout) are refused as such.
const STEPPED = [{ status: 200 }, { status: 409, code: 'contact_ended' }] as const;

let work: string;
let flowsDir: string;
let dataDir: string;
let service: ChildService | undefined;

beforeAll(() => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-crash-'));
  flowsDir = join(work, 'flows');
  dataDir = join(work, 'data');
  cpSync(SAMPLE_FLOWS, flowsDir, { recursive: true });
}, 60_000);

afterAll(async () => {
  await service?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function setUp(url: string): Promise<void> {
  for (const [id, timeout] of [
    ['chain-flow', 60],
    ['quick-timeout', 1],
  ] as const) {
    const flow = chainFlow(id, id === 'chain-flow' ? 8 : 1, timeout);
    const put = await call(url, 'PUT', `/api/flows/${id}`, flow, { 'If-None-Match': '*' });
    expect(put?.status).toBe(201);
    expect((await call(url, 'POST', `/api/flows/${id}/publish`))?.status).toBe(201);
  }
}

describe('crash recovery (kill -9 at random moments)', () => {
  it('continues every contact from its last acknowledged step and keeps every callback request', async () => {
    const random = seededRandom(SEED); // deterministic, so a failure can be replayed
    const contacts = new Map<string, Acked>();
    const callbacks = new Set<string>();
    const answers = new Answers();
    service = await startChildService(flowsDir, dataDir);
    await setUp(service.url);

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const url = service.url;
      let running = true;
      const worker = async (): Promise<void> => {
        while (running) {
          const dice = random();
          const known = [...contacts.keys()];
          if (dice < 0.3 || known.length === 0) {
            const res = await call(url, 'POST', '/api/contacts', {
              flow: 'chain-flow',
              from: '+12015550123',
              to: '+12125550101',
            });
            if (answers.take('POST /api/contacts', res, CREATED))
              contacts.set((res.body as { contactId: string }).contactId, { steps: 0 });
          } else if (dice < 0.45) {
            const res = await call(url, 'POST', '/api/callbacks', {
              name: `c${cycle}`,
              number: '+12015550123',
              queue: 'billing',
            });
            if (answers.take('POST /api/callbacks', res, CREATED))
              callbacks.add((res.body as { id: string }).id);
          } else {
            const id = known[Math.floor(random() * known.length)] as string;
            const res = await call(url, 'POST', `/api/contacts/${id}/events`, {
              type: 'digits',
              digits: '1',
            });
            if (answers.take(`POST /api/contacts/${id}/events`, res, STEPPED))
              contacts.set(id, { steps: (res.body as { state: { steps: number } }).state.steps });
          }
        }
      };
      // One request of each kind per cycle for sure; the workers add a random mix on top.
      const seededCall = await call(url, 'POST', '/api/contacts', { flow: 'chain-flow', to: '+12125550101' });
      if (answers.take('POST /api/contacts', seededCall, CREATED))
        contacts.set((seededCall.body as { contactId: string }).contactId, { steps: 0 });
      const seededCallback = await call(url, 'POST', '/api/callbacks', {
        number: '+12015550123',
        queue: 'billing',
      });
      if (answers.take('POST /api/callbacks', seededCallback, CREATED))
        callbacks.add((seededCallback.body as { id: string }).id);
      const workers = [worker(), worker(), worker()];
      await new Promise((r) => setTimeout(r, 300 + Math.floor(random() * 500)));
      if (cycle === CYCLES - 1) {
        // A contact whose 1-second menu timer falls due while the service is down.
        const res = await call(url, 'POST', '/api/contacts', { flow: 'quick-timeout', to: '+12125550101' });
        if (res?.status !== 201) throw new Error(`cannot start the timer contact: ${res?.status}`);
        contacts.set((res.body as { contactId: string }).contactId, { steps: 0 });
      }
      await service.kill9();
      running = false;
      await Promise.all(workers);
      if (cycle === CYCLES - 1) await new Promise((r) => setTimeout(r, 1500));
      service = await startChildService(flowsDir, dataDir);
    }

    const url = service.url;
    // Every request the service answered got an answer it may give; only the ones the kill cut off
    // have none (one per worker and cycle at most is typical, but the kill decides).
    expect(answers.unexpected, `answers by status: ${JSON.stringify([...answers.byStatus])}`).toEqual([]);
    expect(answers.byStatus.get(201) ?? 0).toBeGreaterThanOrEqual(2 * CYCLES);
    expect(answers.byStatus.get(200) ?? 0).toBeGreaterThan(0);
    expect(contacts.size).toBeGreaterThanOrEqual(CYCLES + 1);
    expect(callbacks.size).toBeGreaterThanOrEqual(CYCLES);
    for (const [id, acked] of contacts) {
      const res = await call(url, 'GET', `/api/contacts/${id}`);
      expect(res?.status, `contact ${id} lost`).toBe(200);
      const state = res?.body as { steps: number; status: string; flowId: string; block: string | null };
      expect(state.steps, `contact ${id} went back`).toBeGreaterThanOrEqual(acked.steps);
      if (state.flowId === 'quick-timeout') {
        // Its deadline passed while the service was down: the restored timer fired at once.
        const after = await waitFor(url, id, (s) => s.status === 'ended');
        expect(after.status).toBe('ended');
      } else if (state.status !== 'ended') {
        const next = await call(url, 'POST', `/api/contacts/${id}/events`, { type: 'digits', digits: '1' });
        expect(next?.status).toBe(200);
        const trace = await call(url, 'GET', `/api/contacts/${id}/trace`);
        expect(
          (next?.body as { state: { steps: number } } | undefined)?.state.steps,
          JSON.stringify([state, next?.body, trace?.body]),
        ).toBeGreaterThan(state.steps);
      }
    }
    const listed = await call(url, 'GET', '/api/callbacks');
    const ids = new Set(((listed?.body ?? []) as { id: string }[]).map((c) => c.id));
    for (const id of callbacks) expect(ids.has(id), `callback ${id} lost`).toBe(true);
  }, 90_000);
});

describe('graceful shutdown (SIGTERM)', () => {
  it('exits 0 and the next start continues the contacts it had', async () => {
    const current = service ?? (await startChildService(flowsDir, dataDir));
    const started = await call(current.url, 'POST', '/api/contacts', {
      flow: 'chain-flow',
      to: '+12125550101',
    });
    if (started?.status !== 201) throw new Error(`cannot start a contact: ${started?.status}`);
    const id = (started.body as { contactId: string }).contactId;
    const before = await waitFor(current.url, id, (s) => s.steps > 0);
    const exit = new Promise<number | null>((resolve) => current.child.once('exit', (code) => resolve(code)));
    current.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    service = await startChildService(flowsDir, dataDir);
    const after = await call(service.url, 'GET', `/api/contacts/${id}`);
    expect(after?.status).toBe(200);
    expect((after?.body as { steps: number } | undefined)?.steps).toBeGreaterThanOrEqual(before.steps);
  }, 60_000);
});

async function waitFor(
  url: string,
  id: string,
  done: (s: { status: string; steps: number }) => boolean,
): Promise<{ status: string; steps: number }> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const res = await call(url, 'GET', `/api/contacts/${id}`);
    const state = res?.body as { status: string; steps: number };
    if (done(state) || Date.now() > deadline) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
}
