import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer, type ChildService, call, startChildService } from '../test-support/child-service.js';
import { createTestDatabase } from '../test-support/postgres-server.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

/** A menu that asks again on any key, and waits long enough to outlive a takeover. */
const MENU_FLOW = {
  formatVersion: 1,
  id: 'log-menu',
  name: 'log-menu',
  type: 'inbound',
  start: 'menu',
  blocks: {
    menu: {
      type: 'menu',
      settings: {
        prompt: { text: 'Press 1 to leave' },
        options: [{ digit: '1' }],
        timeoutSeconds: 60,
        retries: 0,
      },
      next: { '1': 'bye', timeout: 'bye', noMatch: 'menu', error: 'bye' },
    },
    bye: { type: 'disconnect', settings: {} },
  },
};

interface LogAnswer {
  logId: string | null;
  entries: { seq: number; direction: string; type: string; detail: Record<string, unknown> }[];
}

let work: string;
let databaseUrl: string;
const processes: ChildService[] = [];

beforeAll(async () => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-center-log-'));
  cpSync(SAMPLE_FLOWS, join(work, 'flows'), { recursive: true });
  databaseUrl = await createTestDatabase(inject('postgresUrl'), 'calllog');
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  if (work) rmSync(work, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const state = async (p: ChildService) =>
  ((await call(p.url, 'GET', '/healthz'))?.body as { center?: { state: string } } | undefined)?.center?.state;

describe('the call log of a center on PostgreSQL', () => {
  it('survives the kill -9 of the process that ran the call: the next leader answers it whole, and goes on', async () => {
    const key = randomBytes(32).toString('hex');
    const start = (index: number) =>
      startChildService(join(work, 'flows'), join(work, `data-${index}`), {
        CALLFLOW_DATABASE_URL: databaseUrl,
        CALLFLOW_SECRET_KEY: key,
        CALLFLOW_PUBLISH_ON_FIRST_START: index === 0 ? 'on' : 'off',
      });
    const first = await start(0);
    processes.push(first);
    await until('the first process to lead', async () =>
      (await state(first)) === 'leading' ? true : undefined,
    );
    const second = await start(1);
    processes.push(second);
    await until('the second to find its leader', async () =>
      (await call(second.url, 'GET', '/api/contacts'))?.status === 200 ? true : undefined,
    );
    const put = await call(second.url, 'PUT', `/api/flows/${MENU_FLOW.id}`, MENU_FLOW, {
      'If-None-Match': '*',
    });
    expect(put?.status, JSON.stringify(put?.body)).toBe(201);
    expect((await call(second.url, 'POST', `/api/flows/${MENU_FLOW.id}/publish`))?.status).toBe(201);

    // The call runs on the leader (the second process forwards to it); a key is logged.
    const started = await call(second.url, 'POST', '/api/contacts', {
      flow: MENU_FLOW.id,
      to: '+12125550101',
    });
    expect(started?.status, JSON.stringify(started?.body)).toBe(201);
    const id = (started?.body as { contactId: string } | undefined)?.contactId ?? '';
    await call(second.url, 'POST', `/api/contacts/${id}/events`, { type: 'digits', digits: '5' });
    const before = (await call(second.url, 'GET', `/api/contacts/${id}/log`))?.body as LogAnswer;
    expect(before.entries.some((e) => e.type === 'digits')).toBe(true);
    // A call that ended before the kill: the next leader never runs it, and reads its log from the store.
    const ended = await call(second.url, 'POST', '/api/contacts', { flow: MENU_FLOW.id, to: '+12125550101' });
    const endedId = (ended?.body as { contactId: string } | undefined)?.contactId ?? '';
    await call(second.url, 'POST', `/api/contacts/${endedId}/events`, { type: 'digits', digits: '1' });
    const endedLog = (await call(second.url, 'GET', `/api/contacts/${endedId}/log`))?.body as LogAnswer;
    expect(endedLog.entries.length).toBeGreaterThan(0);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // The leader writes the log behind the steps: wait until every entry read is stored, then kill it.
      await until('the log to be stored', async () => {
        const { rows } = await db.query('SELECT count(*)::int AS n FROM contact_log WHERE contact_id = $1', [
          id,
        ]);
        const { rows: others } = await db.query(
          'SELECT count(*)::int AS n FROM contact_log WHERE contact_id = $1',
          [endedId],
        );
        return rows[0].n >= before.entries.length && others[0].n >= endedLog.entries.length
          ? true
          : undefined;
      });
      // Stored sealed, as the snapshots are: nothing of an entry is in the clear.
      const { rows: stored } = await db.query<{ entry: string }>(
        'SELECT entry FROM contact_log WHERE contact_id = $1',
        [id],
      );
      for (const row of stored) expect(row.entry).not.toContain('digits');
    } finally {
      await db.end();
    }
    await first.kill9();
    await until('the second process to lead', async () =>
      (await state(second)) === 'leading' ? true : undefined,
    );
    // The call goes on at the new leader, a key first (logged there before anyone reads the log).
    await call(second.url, 'POST', `/api/contacts/${id}/events`, { type: 'digits', digits: '7' });

    const after = (await call(second.url, 'GET', `/api/contacts/${id}/log`))?.body as LogAnswer;
    expect(after.logId).toBe(before.logId);
    expect(after.entries.slice(0, before.entries.length)).toEqual(before.entries);
    // Its log goes on with it, numbered on from where it was.
    const more = (await call(second.url, 'GET', `/api/contacts/${id}/log?after=${before.entries.length}`))
      ?.body as LogAnswer;
    expect(more.logId).toBe(before.logId);
    expect(more.entries[0]?.seq).toBeGreaterThan(before.entries.length);
    expect(more.entries.some((e) => e.type === 'digits' && e.detail.digits === '7')).toBe(true);
    const endedAfter = (await call(second.url, 'GET', `/api/contacts/${endedId}/log`))?.body as LogAnswer;
    expect(endedAfter).toMatchObject({ logId: endedLog.logId, entries: endedLog.entries });
  }, 120_000);
});
