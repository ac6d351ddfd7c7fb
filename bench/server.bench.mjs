// Runtime-service budgets: the HTTP round trip of a contact event (POST /api/contacts/:id/events, with
// the engine step and its SQLite transaction) at a steady closed-loop load on loopback, and the latency
// of a publish (schema + lint + a numbered version in SQLite). Bounded by a request count and a time cap.
// The clients run in a worker thread (support.mjs: runLoadInWorker), not on the service's event loop.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createService, loadConfig } from '@callflow/server';
import { copySampleFlows, loadClient, percentile, pingPongFlow, runLoadInWorker } from './support.mjs';

const TOKEN = 'bench-admin-token-0123456789';
const CONCURRENCY = 4;
const MAX_EVENTS = 3000;
const MAX_SECONDS = 20;
/** Events per contact before a new one starts (the engine ends a flow run after 1,000 steps). */
const EVENTS_PER_CONTACT = 60;
const PUBLISHES = 20;
const EVENT_P50_BUDGET_MS = 10;
const EVENT_P99_BUDGET_MS = 50;
const PUBLISH_BUDGET_MS = 250;
/** docs/architecture.md#budgets: p99 event handling under 5 ms. */
const STEP_P99_BUDGET_MS = 5;

const pingPong = pingPongFlow('bench-ping-pong', 'Bench ping-pong');

/** A JSON API client: answers the parsed body, throws on an error status. */
function apiClient(base) {
  const send = loadClient(base, { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' });
  const call = async (method, path, body, headers) => {
    const res = await send(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.status === 204 ? null : JSON.parse(res.text);
  };
  call.close = send.close;
  return call;
}

const startContact = async (call) =>
  (await call('POST', '/api/contacts', { flow: 'bench-ping-pong', from: '+12015550123', to: '+12125550101' }))
    .contactId;

/** The load (in the worker): CONCURRENCY callers pressing 1, each waiting for the answer before the next. */
async function contactEventLoad({ base }) {
  const call = apiClient(base);
  const latencies = [];
  const deadline = Date.now() + MAX_SECONDS * 1000;
  let sent = 0;
  const caller = async () => {
    let contactId = await startContact(call);
    let used = 0;
    while (sent < MAX_EVENTS && Date.now() < deadline) {
      if (used === EVENTS_PER_CONTACT) {
        await call('POST', `/api/contacts/${contactId}/events`, { type: 'hangUp' });
        contactId = await startContact(call);
        used = 0;
      }
      sent += 1;
      used += 1;
      const started = performance.now();
      await call('POST', `/api/contacts/${contactId}/events`, { type: 'digits', digits: '1' });
      latencies.push(performance.now() - started);
    }
  };
  const loadStarted = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, caller));
  const seconds = (performance.now() - loadStarted) / 1000;
  call.close();
  return { latencies, seconds };
}

if (!isMainThread && workerData?.load === 'contact-events') {
  parentPort?.postMessage(await contactEventLoad(workerData));
}

export async function run() {
  const { work, flowsDir } = copySampleFlows('callflow-bench-server-');
  const config = loadConfig(
    [],
    {
      CALLFLOW_TOKEN: TOKEN,
      CALLFLOW_PORT: '0',
      CALLFLOW_FLOWS_DIR: flowsDir,
      CALLFLOW_DATA_DIR: join(work, 'data'),
      CALLFLOW_LOG_LEVEL: 'silent',
      // A load test measures latency, not the write limit.
      CALLFLOW_WRITES_PER_MINUTE: '0',
    },
    { flowsDir, editorDist: join(work, 'no-editor') },
  );
  const service = await createService(config);
  const base = `http://127.0.0.1:${await service.listen()}`;
  const call = apiClient(base);
  try {
    await call('PUT', '/api/flows/bench-ping-pong', pingPong, { 'If-None-Match': '*' });
    await call('POST', '/api/flows/bench-ping-pong/publish');

    const { latencies, seconds } = await runLoadInWorker(import.meta.url, { load: 'contact-events', base });
    latencies.sort((a, b) => a - b);

    // The same step without HTTP: engine step + SQLite transaction, what the host does per event.
    const stepTimes = [];
    const deadline = Date.now() + MAX_SECONDS * 1000;
    let direct = await startContact(call);
    for (let i = 0; i < MAX_EVENTS && Date.now() < deadline; i += 1) {
      if (i % EVENTS_PER_CONTACT === EVENTS_PER_CONTACT - 1) {
        service.host.send(direct, { type: 'hangUp' });
        direct = await startContact(call);
      }
      const started = performance.now();
      service.host.send(direct, { type: 'digits', digits: '1' });
      stepTimes.push(performance.now() - started);
    }
    stepTimes.sort((a, b) => a - b);

    // Its dependencies (modules, queue and whisper flows) go live once; each timed publish then checks
    // the whole closure against what is live, as every publish does.
    await call('POST', '/api/flows/support-inbound/publish', { withDependencies: true });
    const publishTimes = [];
    for (let i = 0; i < PUBLISHES; i += 1) {
      const started = performance.now();
      await call('POST', '/api/flows/support-inbound/publish');
      publishTimes.push(performance.now() - started);
    }
    publishTimes.sort((a, b) => a - b);

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const publishP50 = percentile(publishTimes, 50);
    return {
      title: 'Runtime service (HTTP on loopback)',
      rows: [
        {
          metric: `contact event round trip p50 (${CONCURRENCY} clients)`,
          value: p50,
          unit: 'ms',
          budget: EVENT_P50_BUDGET_MS,
          ok: p50 <= EVENT_P50_BUDGET_MS,
        },
        {
          metric: `contact event round trip p99 (${CONCURRENCY} clients)`,
          value: p99,
          unit: 'ms',
          budget: EVENT_P99_BUDGET_MS,
          ok: p99 <= EVENT_P99_BUDGET_MS,
        },
        {
          metric: 'contact events handled',
          value: latencies.length / seconds,
          unit: 'events/s',
          note: `${latencies.length} events in ${seconds.toFixed(1)} s from clients in a worker thread (node:http, kept-alive connections), each persisted in SQLite before the answer`,
        },
        {
          metric: 'event step + SQLite transaction p99 (in process, no HTTP)',
          value: percentile(stepTimes, 99),
          unit: 'ms',
          budget: STEP_P99_BUDGET_MS,
          ok: percentile(stepTimes, 99) <= STEP_P99_BUDGET_MS,
          note: `p50 ${percentile(stepTimes, 50).toFixed(2)} ms over ${stepTimes.length} events`,
        },
        {
          metric: 'publish (schema + lint + version) p50',
          value: publishP50,
          unit: 'ms',
          budget: PUBLISH_BUDGET_MS,
          ok: publishP50 <= PUBLISH_BUDGET_MS,
          note: `support-inbound, ${PUBLISHES} publishes`,
        },
      ],
    };
  } finally {
    call.close();
    await service.close();
    rmSync(work, { recursive: true, force: true });
  }
}
