// Twilio webhook round trip: a signed <Gather> webhook over loopback HTTP, through signature check, the
// engine step with its SQLite transaction, and the TwiML answer — at a steady closed-loop load of several
// callers. Bounded by a webhook count and a time cap. Twilio allows 15 s per answer; callflow's own
// budget is that of a contact event (p50 10 ms, p99 50 ms over HTTP). The callers (a FakeTwilio that
// signs every webhook) run in a worker thread (support.mjs: runLoadInWorker), not on the service's loop.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FakeTwilio } from '@callflow/adapter-twilio/testing';
import { createService, loadConfig } from '@callflow/server';
import { copySampleFlows, loadClient, percentile, pingPongFlow, runLoadInWorker } from './support.mjs';

const TOKEN = 'bench-admin-token-0123456789';
const AUTH_TOKEN = 'bench-twilio-auth-token';
const PUBLIC_URL = 'https://voice.example.com/twilio';
const BENCH_NUMBER = '+12125550177';
const CALLERS = 4;
const MAX_WEBHOOKS = 2000;
const MAX_SECONDS = 20;
const PRESSES_PER_CALL = 50;
const P50_BUDGET_MS = 10;
const P99_BUDGET_MS = 50;

const pingPong = pingPongFlow('bench-twilio', 'Bench Twilio ping-pong');

/** The load (in the worker): CALLERS calls pressing 1 at each <Gather>, one webhook at a time each. */
async function gatherLoad({ base }) {
  const send = loadClient(base);
  const fake = new FakeTwilio({
    authToken: AUTH_TOKEN,
    publicUrl: PUBLIC_URL,
    transport: (path, form, headers) =>
      send('POST', path, new URLSearchParams(form).toString(), {
        ...headers,
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
  });
  const samples = [];
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const caller = async (n) => {
    while (samples.length < MAX_WEBHOOKS && Date.now() < deadline) {
      const contact = await fake.incomingCall(`+1202555${String(1000 + n).slice(-4)}`, BENCH_NUMBER);
      for (let i = 0; i < PRESSES_PER_CALL && samples.length < MAX_WEBHOOKS && Date.now() < deadline; i++) {
        const started = performance.now();
        await fake.press(contact, '1');
        samples.push(performance.now() - started);
      }
      await fake.hangUp(contact);
      fake.calls.delete(contact);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CALLERS }, (_, n) => caller(n)));
  const seconds = (performance.now() - started) / 1000;
  send.close();
  return { samples, seconds };
}

if (!isMainThread && workerData?.load === 'twilio-gather') {
  parentPort?.postMessage(await gatherLoad(workerData));
}

export async function run() {
  const { work, flowsDir } = copySampleFlows('callflow-bench-twilio-');
  const resourcesFile = join(flowsDir, 'resources.json');
  const resources = JSON.parse(readFileSync(resourcesFile, 'utf8'));
  resources.numbers.bench = { number: BENCH_NUMBER, displayName: 'Bench', inboundFlow: 'bench-twilio' };
  writeFileSync(resourcesFile, `${JSON.stringify(resources, null, 2)}\n`);
  const config = loadConfig(
    [],
    {
      CALLFLOW_TOKEN: TOKEN,
      CALLFLOW_PORT: '0',
      CALLFLOW_FLOWS_DIR: flowsDir,
      CALLFLOW_DATA_DIR: join(work, 'data'),
      CALLFLOW_LOG_LEVEL: 'silent',
      CALLFLOW_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      CALLFLOW_TWILIO_PUBLIC_URL: PUBLIC_URL,
    },
    { flowsDir, editorDist: join(work, 'no-editor') },
  );
  const service = await createService(config);
  const base = `http://127.0.0.1:${await service.listen()}`;
  const api = async (method, path, body, extra = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
  try {
    await api('PUT', '/api/flows/bench-twilio', pingPong, { 'If-None-Match': '*' });
    await api('POST', '/api/flows/bench-twilio/publish');
    const { samples, seconds } = await runLoadInWorker(import.meta.url, { load: 'twilio-gather', base });
    const sorted = samples.sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    return {
      title: 'Twilio webhooks (signed <Gather> round trip over loopback HTTP)',
      rows: [
        { metric: 'webhooks answered', value: samples.length, unit: '' },
        {
          metric: 'throughput',
          value: samples.length / seconds,
          unit: 'webhooks/s',
          note: 'callers in a worker thread (node:http, kept-alive connections), each webhook signed',
        },
        {
          metric: `p50 round trip (${CALLERS} callers)`,
          value: p50,
          unit: 'ms',
          budget: P50_BUDGET_MS,
          ok: p50 <= P50_BUDGET_MS,
        },
        {
          metric: `p99 round trip (${CALLERS} callers)`,
          value: p99,
          unit: 'ms',
          budget: P99_BUDGET_MS,
          ok: p99 <= P99_BUDGET_MS,
        },
        {
          metric: 'max round trip (Twilio allows 15,000 ms)',
          value: sorted.at(-1) ?? 0,
          unit: 'ms',
          budget: 15000,
          ok: (sorted.at(-1) ?? 0) < 15000,
        },
      ],
    };
  } finally {
    await service.close();
    rmSync(work, { recursive: true, force: true });
  }
}
