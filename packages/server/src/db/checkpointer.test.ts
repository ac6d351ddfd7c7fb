import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/flows.js';
import { startCheckpointer } from './checkpointer.js';
import { type Db, openDatabase } from './database.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callflow-checkpoint-'));
  db = openDatabase(dir);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const databaseFileSize = () => statSync(join(dir, 'callflow.db')).size;

/** Rows of about 40 KB, one transaction each: far below the 1,000 WAL pages of SQLite's own checkpoints. */
function writeRows(count: number): void {
  const write = db.prepare('INSERT INTO agent_states (name, state, changed_at) VALUES (?, ?, ?)');
  for (let i = 0; i < count; i += 1) write.run(`agent-${i}`, 'x'.repeat(40_000), new Date().toISOString());
}

describe('background WAL checkpoints', () => {
  it('copies committed transactions into the database file from another thread', async () => {
    const checkpointer = startCheckpointer(db);
    try {
      const before = databaseFileSize();
      writeRows(20);
      // Nothing on this connection checkpoints: the file grows only by the worker's checkpoints.
      const after = await eventually(
        async () => databaseFileSize(),
        (size) => size > before + 20 * 40_000,
      );
      expect(after).toBeGreaterThan(before + 20 * 40_000);
    } finally {
      await checkpointer.stop();
    }
  });

  it('stops cleanly and leaves every committed row readable after a reopen', async () => {
    const checkpointer = startCheckpointer(db);
    writeRows(5);
    await checkpointer.stop();
    await checkpointer.stop();
    db.close();
    db = openDatabase(dir);
    expect(db.prepare('SELECT COUNT(*) AS n FROM agent_states').get()).toEqual({ n: 5 });
  });
});
