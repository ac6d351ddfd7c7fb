// Runtime-service budgets: the HTTP round trip of a contact event (POST /api/contacts/:id/events, with
// the engine step and its SQLite transaction) at a steady closed-loop load on loopback, and the latency
// of a publish (schema + lint + a numbered version in SQLite). Bounded by a request count and a time cap.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createService, loadConfig } from '@callflow/server';
import { copySampleFlows, percentile, pingPongFlow } from './support.mjs';

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
/** DESIGN.md: p99 event handling under 5 ms. */
const STEP_P99_BUDGET_MS = 5;

const pingPong = pingPongFlow('bench-ping-pong', 'Bench ping-pong');

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
    },
    { flowsDir, editorDist: join(work, 'no-editor') },
  );
  const service = await createService(config);
  const base = `http://127.0.0.1:${await service.listen()}`;
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const call = async (method, path, body, extra = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = res.status === 204 ? null : await res.json();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    await call('PUT', '/api/flows/bench-ping-pong', pingPong, { 'If-None-Match': '*' });
    await call('POST', '/api/flows/bench-ping-pong/publish');

    const startContact = async () =>
      (
        await call('POST', '/api/contacts', {
          flow: 'bench-ping-pong',
          from: '+12015550123',
          to: '+12125550101',
        })
      ).contactId;
    const latencies = [];
    const deadline = Date.now() + MAX_SECONDS * 1000;
    let sent = 0;
    const worker = async () => {
      let contactId = await startContact();
      let used = 0;
      while (sent < MAX_EVENTS && Date.now() < deadline) {
        if (used === EVENTS_PER_CONTACT) {
          await call('POST', `/api/contacts/${contactId}/events`, { type: 'hangUp' });
          contactId = await startContact();
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
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - loadStarted) / 1000;
    latencies.sort((a, b) => a - b);

    // The same step without HTTP: engine step + SQLite transaction, what the host does per event.
    const stepTimes = [];
    let direct = await startContact();
    for (let i = 0; i < MAX_EVENTS && Date.now() < deadline + MAX_SECONDS * 1000; i += 1) {
      if (i % EVENTS_PER_CONTACT === EVENTS_PER_CONTACT - 1) {
        service.host.send(direct, { type: 'hangUp' });
        direct = await startContact();
      }
      const started = performance.now();
      service.host.send(direct, { type: 'digits', digits: '1' });
      stepTimes.push(performance.now() - started);
    }
    stepTimes.sort((a, b) => a - b);

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
          note: `${latencies.length} events in ${seconds.toFixed(1)} s, each persisted in SQLite before the answer`,
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
    await service.close();
    rmSync(work, { recursive: true, force: true });
  }
}
