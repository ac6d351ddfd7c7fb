import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../db/database.js';
import { SecretBox } from '../db/secret-box.js';
import { runtimeStoreConformance } from '../test-support/runtime-store-conformance.js';
import { SqliteRuntimeStore } from './sqlite-runtime-store.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

runtimeStoreConformance('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'callflow-store-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  return {
    store: new SqliteRuntimeStore(db, new SecretBox(randomBytes(32))),
    dump: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return readFileSync(join(dir, DATABASE_FILE)).toString('latin1');
    },
  };
});
