import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.js';

/** How often the background connection copies committed WAL frames into the database file. */
const CHECKPOINT_EVERY_MS = 500;
/**
 * WAL pages after which the service's own connection checkpoints after all (SQLite's default is 1,000):
 * only when the background checkpoints cannot keep up, e.g. under writes that never pause.
 */
const FALLBACK_CHECKPOINT_PAGES = 10_000;

// Runs in the worker (CommonJS, evaluated): its own connection to the same file. PASSIVE checkpoints
// never wait for the service's writes nor block them. While writes keep coming a passive checkpoint
// rarely reaches the end of the WAL, and SQLite then leaves the database file unsynced; the worker
// syncs it itself, so that the checkpoint the service's connection finally runs has little left to
// flush. Both fsyncs happen on this thread.
const WORKER_SOURCE = `
const { openSync, fsyncSync, closeSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000'); // waiting for a lock here never holds up the service
const file = openSync(workerData.file, 'r+');
let copied = 0;
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.checkpointed > 0 && result.checkpointed !== copied) fsyncSync(file);
    copied = result ? result.checkpointed : 0;
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  closeSync(file);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the background checkpoints and closes their connection. */
  stop(): Promise<void>;
}

/**
 * Keeps WAL checkpoints off the event loop. SQLite checkpoints from the connection whose commit fills
 * the WAL past its limit, and a checkpoint fsyncs the WAL and the database file: with the default that
 * landed on one contact step in a few hundred, which then waited milliseconds (on a busy disk, tens) for
 * the disk. A worker thread checkpoints instead; every step is still committed to the WAL before its
 * answer, exactly as before, so what a crash can lose does not change.
 */
export function startCheckpointer(
  db: Db,
  onError: (message: string) => void = () => undefined,
): Checkpointer {
  db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, file: db.name, everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) onError(message.error);
  });
  worker.on('error', (error) => onError(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  return {
    stop: () => {
      stopping ??= (async () => {
        worker.ref(); // an unreferenced worker would let the process exit while this waits for it
        worker.postMessage('stop');
        await exited;
      })();
      return stopping;
    },
  };
}
