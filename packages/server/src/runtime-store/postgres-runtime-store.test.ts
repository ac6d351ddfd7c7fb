import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { SecretBox } from '../db/secret-box.js';
import { createTestDatabase } from '../test-support/postgres-server.js';
import { runtimeStoreConformance } from '../test-support/runtime-store-conformance.js';
import { PostgresRuntimeStore } from './postgres-runtime-store.js';

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
