import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SecretBox } from '../db/secret-box.js';
import { createTestDatabase } from '../test-support/postgres-server.js';
import { CenterLeader } from './center-leader.js';
import { PostgresRuntimeStore } from './postgres-runtime-store.js';

let url: string;
const leaders: CenterLeader[] = [];

beforeAll(async () => {
  url = await createTestDatabase(inject('postgresUrl'), 'events');
  // The schema (migrations) comes with the store, as in a service process.
  const store = await PostgresRuntimeStore.open({ url, poolSize: 1 }, new SecretBox(randomBytes(32)));
  await store.close();
}, 60_000);

afterAll(async () => {
  await Promise.all(leaders.map((l) => l.close()));
});

function open(): CenterLeader {
  const leader = new CenterLeader(url);
  leaders.push(leader);
  return leader;
}

/** Every event another process hears, in order, and a way to wait for a number of them. */
async function listener(leader: CenterLeader) {
  const heard: { from: string; event: { type: string; n: number; body?: string } }[] = [];
  const waiters: (() => void)[] = [];
  await leader.listen(url, (from, event) => {
    heard.push({ from, event: event as { type: string; n: number; body?: string } });
    for (const w of waiters.splice(0)) w();
  });
  const count = async (n: number) => {
    const deadline = Date.now() + 15_000;
    while (heard.length < n) {
      if (Date.now() > deadline) throw new Error(`heard ${heard.length} of ${n} events`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { heard, count };
}

describe('live events between the processes of a center', () => {
  it('relays events larger than a NOTIFY payload whole, in order with the small ones around them', async () => {
    const sender = open();
    const { heard, count } = await listener(open());
    const big = (n: number, size: number) => ({ type: 'test.big', n, body: 'x'.repeat(size) });
    const events = [
      { type: 'test.small', n: 1 },
      big(2, 20_000),
      { type: 'test.small', n: 3 },
      big(4, 7_600),
      big(5, 300_000),
      { type: 'test.small', n: 6 },
      // The limit is in bytes: two events of 1,500 euro signs are 3,000 characters but 9,000 bytes.
      { type: 'test.big', n: 7, body: '€'.repeat(1_500) },
      { type: 'test.big', n: 8, body: '€'.repeat(1_500) },
    ];
    await Promise.all(events.map((e) => sender.notify('node-a', e)));
    await count(events.length);
    expect(heard.map((h) => h.event.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(heard[7]?.event).toEqual(events[7]);
    expect(heard.every((h) => h.from === 'node-a')).toBe(true);
    expect(heard[1]?.event).toEqual(events[1]);
    expect(heard[4]?.event.body).toHaveLength(300_000);
  });

  it('keeps no large event body longer than the relay needs it', async () => {
    const sender = open();
    const { count } = await listener(open());
    await sender.notify('node-b', { type: 'test.big', n: 1, body: 'y'.repeat(10_000) });
    await count(1);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      // An old body (a listener long gone read it or never will) goes with the next large event.
      await db.query('UPDATE center_events SET created_at = 0');
      await sender.notify('node-b', { type: 'test.big', n: 2, body: 'z'.repeat(10_000) });
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM center_events');
      expect(rows[0]?.n).toBe(1);
    } finally {
      await db.end();
    }
  });
});
