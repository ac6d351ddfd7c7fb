import { type MessagePort, workerData } from 'node:worker_threads';
import { SecretBox } from '../db/secret-box.js';
import { PostgresRuntimeStore } from './postgres-runtime-store.js';

interface BridgeData {
  url: string;
  key: Uint8Array;
  poolSize: number;
  port: MessagePort;
  /** [0]: set to 1 when an answer is posted (the waiting thread wakes on it). */
  signal: Int32Array;
}

interface Call {
  id: number;
  method: string;
  args: unknown[];
}

/**
 * The PostgreSQL side of the synchronous bridge (postgres-bridge.ts): one store, one call at a time.
 * Each answer is posted on the port and then signalled, so the service's thread, waiting on the
 * signal, reads it synchronously.
 */
const data = workerData as BridgeData;
const storeReady = PostgresRuntimeStore.open(
  { url: data.url, poolSize: data.poolSize },
  new SecretBox(Buffer.from(data.key)),
);

data.port.on('message', async ({ id, method, args }: Call) => {
  let answer: { value?: unknown; error?: { message: string; code?: string; fence?: unknown } };
  try {
    const store = (await storeReady) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const run = store[method];
    if (typeof run !== 'function') throw new Error(`no store method ${method}`);
    answer = { value: await run.apply(store, args) };
  } catch (error) {
    const e = error as { message?: string; code?: string; fence?: unknown };
    answer = { error: { message: String(e?.message ?? error), code: e?.code, fence: e?.fence } };
  }
  data.port.postMessage({ id, ...answer });
  Atomics.store(data.signal, 0, 1);
  Atomics.notify(data.signal, 0);
});
