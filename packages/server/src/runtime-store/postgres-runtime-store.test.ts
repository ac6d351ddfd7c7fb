import { randomBytes } from 'node:crypto';
import type { ContactSnapshot } from '@callflow/runtime';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { SecretBox } from '../db/secret-box.js';
import { createTestDatabase } from '../test-support/postgres-server.js';
import { runtimeStoreConformance, snapshotOf } from '../test-support/runtime-store-conformance.js';
import { PostgresRuntimeStore } from './postgres-runtime-store.js';
import { LeaseLostError, type StepWrite } from './runtime-store.js';

const TABLES = [
  'contacts',
  'contact_timers',
  'contact_trace',
  'callbacks',
  'agent_states',
  'queue_entries',
  'agent_offers',
];

runtimeStoreConformance('PostgreSQL', async () => {
  const url = await createTestDatabase(inject('postgresUrl'), 'store');
  const store = await PostgresRuntimeStore.open({ url, poolSize: 12 }, new SecretBox(randomBytes(32)));
  return {
    store,
    dump: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const parts: string[] = [];
        for (const table of TABLES) {
          const { rows } = await client.query(`SELECT t::text AS row FROM ${table} t`);
          parts.push(...rows.map((r: { row: string }) => r.row));
        }
        return parts.join('\n');
      } finally {
        await client.end();
      }
    },
  };
});

describe('a contact step on PostgreSQL', () => {
  let store: PostgresRuntimeStore;
  /** Statements sent to the database (each is one round trip), whatever connection sent them. */
  let statements: string[];

  beforeAll(async () => {
    const url = await createTestDatabase(inject('postgresUrl'), 'trips');
    store = await PostgresRuntimeStore.open({ url, poolSize: 2 }, new SecretBox(randomBytes(32)));
    const send = pg.Client.prototype.query;
    statements = [];
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: never[]) {
      const text = (args[0] as string | { text: string } | undefined) ?? '';
      statements.push(typeof text === 'string' ? text : text.text);
      return (send as (...a: never[]) => unknown).apply(this, args);
    } as never);
  }, 60_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await store.close();
  });

  const step = (id: string, steps: number, callbacks = 0): StepWrite => ({
    contactId: id,
    stored: {
      snapshot: snapshotOf(id, {
        steps,
        timers: [{ id: 't1', at: 1_000 + steps }],
      } as Partial<ContactSnapshot>),
      pending: [],
    },
    callbacks: Array.from({ length: callbacks }, (_, i) => ({
      kind: 'flow' as const,
      requestedBy: 'flow:support',
      request: { id: `${id}-cb${steps}-${i}`, number: '+12015550123', queue: 'support' } as never,
    })),
    trace: [{ seq: steps, at: 1_000 + steps, block: 'menu' }],
  });

  it('is written in one round trip, with its timers, callbacks and trace, fenced', async () => {
    const fence = { contactId: 'k1', owner: 'A', token: 1, until: 10_000 };
    statements.length = 0;
    await store.saveStep(step('k1', 1, 2), fence);
    await store.saveStep(step('k1', 2), fence);
    expect(statements).toHaveLength(2);
    expect((await store.contact('k1'))?.snapshot.steps).toBe(2);
    expect((await store.trace('k1')).map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.callbacks()).map((c) => c.id).sort()).toEqual(['k1-cb1-0', 'k1-cb1-1']);
  });

  it('refuses a stale token in that round trip and writes nothing of the step', async () => {
    const fence = { contactId: 'k2', owner: 'A', token: 1, until: 10_000 };
    await store.saveStep(step('k2', 1), fence);
    const taken = await store.claimContact('k2', 'B', 20_000, 4_000);
    expect(taken?.token).toBe(2);
    statements.length = 0;
    await expect(store.saveStep(step('k2', 2, 1), fence)).rejects.toBeInstanceOf(LeaseLostError);
    expect(statements).toHaveLength(1);
    expect((await store.contact('k2'))?.snapshot.steps).toBe(1);
    expect((await store.trace('k2')).map((e) => e.seq)).toEqual([1]);
    expect(await store.callback('k2-cb2-0')).toBeUndefined();
  });
});
