// Pieces the service benchmarks share.
import { cpSync, mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The p-th percentile of an ascending list. */
export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A temporary copy of the sample flows (and room for a data dir) for a service under test. */
export function copySampleFlows(prefix) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const flowsDir = join(work, 'flows');
  cpSync(join(REPO_ROOT, 'flows'), flowsDir, { recursive: true });
  return { work, flowsDir };
}

const menu = (prompt, next) => ({
  type: 'menu',
  settings: { prompt: { text: prompt }, options: [{ digit: '1' }], timeoutSeconds: 60, retries: 0 },
  next: { 1: next, timeout: 'bye', noMatch: 'bye', error: 'bye' },
});

/** Two menus that send the caller to each other on key 1: a contact can take keys for a long time. */
export function pingPongFlow(id, name) {
  return {
    formatVersion: 1,
    id,
    name,
    type: 'inbound',
    start: 'ping',
    blocks: {
      ping: menu('Ping', 'pong'),
      pong: menu('Pong', 'ping'),
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

/**
 * Runs a benchmark's load — its clients — in a worker thread: the module at `moduleUrl` sees `data` as
 * `workerData` and posts one message with its figures. The service keeps its event loop to itself, as
 * it does in production where callers and Twilio are on other machines; on one machine the load still
 * competes with the service for the cores, which is counted in.
 */
export function runLoadInWorker(moduleUrl, data) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(moduleUrl), { workerData: data });
    worker.once('message', (result) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load worker stopped (exit code ${code})`)));
  });
}

/**
 * A lean HTTP/1.1 client for load: node:http over kept-alive connections (TCP_NODELAY, as node sets it).
 * `fetch` costs about four times the CPU per request, which a load generator on the same two cores
 * would take from the service it measures. Answers `{ status, text }`; throws on network errors only.
 */
export function loadClient(base, defaultHeaders = {}) {
  const agent = new Agent({ keepAlive: true });
  const send = (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload = body ?? '';
      const req = request(
        `${base}${path}`,
        {
          method,
          agent,
          headers: { ...defaultHeaders, ...headers, 'Content-Length': Buffer.byteLength(payload) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  send.close = () => agent.destroy();
  return send;
}
