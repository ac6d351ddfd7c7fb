import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type Fence, LeaseLostError } from './runtime-store.js';

/** The database did not answer in time (down, unreachable, or every connection busy). */
export class DatabaseUnavailableError extends Error {
  readonly code = 'database_unavailable';
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface PostgresBridgeOptions {
  url: string;
  /** The key that seals secure values (the worker seals and opens them). */
  key: Uint8Array;
  poolSize?: number;
  /** How long one call may wait for the database before it fails (ms). */
  timeoutMs?: number;
}

/**
 * The runtime host's steps are synchronous: each is written before its commands run, as with SQLite.
 * This bridge gives the host the PostgreSQL store synchronously: a worker thread runs the store, and
 * the service's thread posts a call and waits (Atomics.wait) for its answer. Waiting blocks the event
 * loop for one database round trip per call, exactly as a SQLite write blocks it for one commit; what
 * the host does between steps is unchanged. A call that gets no answer within `timeoutMs` fails with
 * DatabaseUnavailableError, and its step is not carried out.
 */
interface Answer<T> {
  id: number;
  value?: T;
  error?: { message: string; code?: string; fence?: Fence };
}

function open<T>(answer: Answer<T>): T {
  if (answer.error) {
    if (answer.error.code === 'contact_lease_lost' && answer.error.fence)
      throw new LeaseLostError(answer.error.fence);
    if (unreachable(answer.error)) throw new DatabaseUnavailableError(answer.error.message);
    throw new Error(answer.error.message);
  }
  return answer.value as T;
}

export class PostgresBridge {
  readonly #worker: Worker;
  readonly #port;
  readonly #signal = new Int32Array(new SharedArrayBuffer(4));
  readonly #timeoutMs: number;
  #seq = 0;

  constructor(options: PostgresBridgeOptions) {
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#worker = new Worker(new URL('./postgres-bridge-worker.js', import.meta.url), {
      workerData: {
        url: options.url,
        key: options.key,
        poolSize: options.poolSize ?? 4,
        port: port2,
        signal: this.#signal,
      },
      transferList: [port2],
    });
    this.#worker.unref();
  }

  /** Calls a store method and waits for its answer. */
  call<T>(method: string, ...args: unknown[]): T {
    this.#seq += 1;
    const id = this.#seq;
    Atomics.store(this.#signal, 0, 0);
    this.#port.postMessage({ id, method, args });
    const deadline = Date.now() + this.#timeoutMs;
    for (;;) {
      // Answers of calls that timed out may still come: each answer names its call.
      for (
        let message = receiveMessageOnPort(this.#port);
        message;
        message = receiveMessageOnPort(this.#port)
      ) {
        const answer = message.message as Answer<T>;
        if (answer.id === id) return open(answer);
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new DatabaseUnavailableError(
          `The database did not answer within ${this.#timeoutMs} ms (${method}).`,
        );
      Atomics.wait(this.#signal, 0, 0, left);
      Atomics.store(this.#signal, 0, 0);
    }
  }

  async close(): Promise<void> {
    try {
      this.call('close');
    } catch {
      // Closing a store whose database is gone: nothing left to flush.
    }
    await this.#worker.terminate();
  }
}

/** Connection failures (SQLSTATE class 08, shutdown, too many connections, a socket error, a pool timeout). */
function unreachable(error: { message: string; code?: string }): boolean {
  const code = error.code ?? '';
  return (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code === '53300' ||
    /^E[A-Z]+$/.test(code) ||
    /timeout|terminated|connect/i.test(error.message)
  );
}
