// The service against bare baselines, side by side in one run (issue 13's speed figures): contact events
// through the service (dist/main.js, as `npm start` runs it) against a bare express + better-sqlite3
// endpoint committing one 2 KB row per request; GET /api/flows against a bare express endpoint answering
// the same JSON from memory; and the service's resident memory under a sustained load. Each server is a
// child process; the clients are raw kept-alive sockets in a worker thread (http-load.mjs). Baseline and
// service take turns, round after round, so that the shared machine's load falls on both alike; a
// ratio is the median over rounds of the service's figure over the baseline's of the same round.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { closedLoop, expectOk, requestBytes } from './http-load.mjs';
import { copySampleFlows, percentile, pingPongFlow, REPO_ROOT, runLoadInWorker } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TOKEN = 'bench-admin-token-0123456789';
const ROUNDS = 3;
const SECONDS = 4;
const MEMORY_SECONDS = 60;
const EVENTS_RATIO_BUDGET = 0.6;
const FLOWS_RATIO_BUDGET = 0.8;
const P99_BUDGET_MS = 30;
const RSS_BUDGET_MB = 200;
/** "Flat": the peak of the last third of the memory load over that of its middle third. */
const RSS_GROWTH_BUDGET_MB = 20;
/** Events a contact takes before it hangs up and a new one starts (the engine ends a run at 1,000 steps). */
const EVENTS_PER_CONTACT = 500;
/** The memory load: short calls, so that many contacts come and go (each leaves a call log behind). */
const EVENTS_PER_SHORT_CALL = 20;

/**
 * The figures of this bench before the changes that followed it (issue 13), and what each bought where
 * it was measured apart; the rows above are the figures now.
 */
const BEFORE = [
  'Before (this bench, 2026-12-07 23:30 UTC, load average 4 to 18 on the 2 cores): contact events 0.12× the baseline at 10 connections (274 against 1,986 req/s, p99 182 ms), p99 740 ms at 50 connections; GET /api/flows 0.09× (324 against 3,985 req/s); resident memory 131 MB before the 60 s load and 276 MB at its end, still growing (23 MB from the middle third to the last).',
  'GET /api/flows kept as text until a flow, the resources file or a version changes: 0.09× to 0.44× (measured alone, before the per-request trims below); it had read, linted and serialised every flow per request.',
  'The call log kept as JSON text within 8 MiB and 50,000 entries (was 100,000 objects): heap after 2,000 short calls 51 MB to 40 MB, resident memory 252 MB to 195 MB (in process, no HTTP, after a full GC).',
  'The rows above and the figures before were measured on the same shared 2 cores under different loads from other work (the load average is noted with the ratios and the memory): ratios within one run hold, rates across runs do not; the memory load ran at about the same rate both times (202 req/s).',
  'Measured together in the rows above: the snapshot read once per step instead of four times, contact views taking flows by version without a query for the live one, configured tokens hashed once, the failed-authentication gate without a store call per request, security headers set directly, nonces from a pooled random buffer, an empty pending list sealed once.',
];

const AUTH = { Authorization: `Bearer ${TOKEN}` };
const JSON_HEADERS = { ...AUTH, 'Content-Type': 'application/json' };

// -- the clients (in the worker) ------------------------------------------------------------------------

const clients = {
  /** The bare endpoint: a small JSON body per request, as a contact event is. */
  baselineEvents: () => async (connection, index) => {
    const bytes = requestBytes(
      'POST',
      '/events',
      { 'Content-Type': 'application/json' },
      JSON.stringify({ contactId: `contact-${index}`, type: 'digits', digits: '1' }),
    );
    return { next: async () => expectOk(await connection.send(bytes), 'POST /events') };
  },
  /** Callers pressing 1 on the ping-pong flow; a new contact every `perContact` events (untimed). */
  contactEvents:
    ({ perContact }) =>
    async (connection) => {
      const start = async () =>
        JSON.parse(
          expectOk(
            await connection.send(
              requestBytes(
                'POST',
                '/api/contacts',
                JSON_HEADERS,
                JSON.stringify({ flow: 'bench-ping-pong', from: '+12015550123', to: '+12125550101' }),
              ),
            ),
            'POST /api/contacts',
          ).body,
        ).contactId;
      const eventBytes = (id, event) =>
        requestBytes('POST', `/api/contacts/${id}/events`, JSON_HEADERS, JSON.stringify(event));
      let contactId = await start();
      let digits = eventBytes(contactId, { type: 'digits', digits: '1' });
      let used = 0;
      return {
        between: async () => {
          if (used < perContact) return 0;
          expectOk(await connection.send(eventBytes(contactId, { type: 'hangUp' })), 'hang-up');
          contactId = await start();
          digits = eventBytes(contactId, { type: 'digits', digits: '1' });
          used = 0;
          return 2;
        },
        next: async () => {
          used += 1;
          expectOk(await connection.send(digits), 'POST /api/contacts/:id/events');
        },
      };
    },
  get:
    ({ path, headers }) =>
    async (connection) => {
      const bytes = requestBytes('GET', path, headers);
      return { next: async () => expectOk(await connection.send(bytes), `GET ${path}`) };
    },
};

if (!isMainThread && workerData?.load === 'service-speed') {
  const { port, connections, seconds, client, options } = workerData;
  const result = await closedLoop({ port, connections, seconds, client: clients[client](options) });
  parentPort?.postMessage(result);
}

// -- the servers (child processes) ----------------------------------------------------------------------

/** Starts a child process and resolves with the port it prints (`pattern`'s first group). */
function startChild(args, env, pattern) {
  const child = spawn(process.execPath, args, {
    cwd: here,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let log = '';
    const read = (chunk) => {
      log += chunk;
      const match = pattern.exec(log);
      if (!match) return;
      child.stdout.removeListener('data', read);
      child.stderr.removeListener('data', read);
      // What the child writes from now on is not read: drained, so that a full pipe never stalls it.
      child.stdout.resume();
      child.stderr.resume();
      resolve({
        port: Number(match[1]),
        pid: child.pid,
        stop: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${log}`)));
  });
}

const startService = (flowsDir, dataDir) =>
  startChild(
    [join(REPO_ROOT, 'packages', 'server', 'dist', 'main.js')],
    {
      CALLFLOW_TOKEN: TOKEN,
      CALLFLOW_PORT: '0',
      CALLFLOW_FLOWS_DIR: flowsDir,
      CALLFLOW_DATA_DIR: dataDir,
      // The service's defaults otherwise (info log to stdout, WAL with synchronous = NORMAL); the write
      // limit is off because a load test measures speed, not the limit.
      CALLFLOW_WRITES_PER_MINUTE: '0',
      CALLFLOW_PUBLISH_ON_FIRST_START: 'off',
    },
    /callflow is running: http:\/\/[^:]+:(\d+)/,
  );

const startBaseline = (dataDir, jsonFile) =>
  startChild([join(here, 'baseline-server.mjs'), dataDir, jsonFile], {}, /listening (\d+)/);

/** Resident memory of a process (MB), from /proc. */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

async function api(port, method, path, body, headers = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { ...JSON_HEADERS, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text;
}

/** One load: requests per second and latency percentiles (ms). */
async function load(port, connections, seconds, client, options = {}) {
  const result = await runLoadInWorker(import.meta.url, {
    load: 'service-speed',
    port,
    connections,
    seconds,
    client,
    options,
  });
  const sorted = result.latencies.sort((a, b) => a - b);
  return {
    rate: result.requests / result.seconds,
    timed: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Baseline and service in turns, ROUNDS times; medians of each side and of the per-round ratios. */
async function sideBySide(baseline, service) {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i += 1) rounds.push({ baseline: await baseline(), service: await service() });
  const of = (side, key) => median(rounds.map((r) => r[side][key]));
  return {
    baseline: { rate: of('baseline', 'rate'), p50: of('baseline', 'p50'), p99: of('baseline', 'p99') },
    service: { rate: of('service', 'rate'), p50: of('service', 'p50'), p99: of('service', 'p99') },
    ratio: median(rounds.map((r) => r.service.rate / r.baseline.rate)),
    rounds: rounds.map((r) => (r.service.rate / r.baseline.rate).toFixed(2)).join(', '),
  };
}

const ms = (v) => `${v.toFixed(1)} ms`;

export async function run(parts = []) {
  const want = (part) => parts.length === 0 || parts.includes(part);
  const { work, flowsDir } = copySampleFlows('callflow-bench-service-speed-');
  const started = [];
  try {
    const service = await startService(flowsDir, join(work, 'data'));
    started.push(service);
    await api(service.port, 'PUT', '/api/flows/bench-ping-pong', pingPongFlow('bench-ping-pong', 'Bench'), {
      'If-None-Match': '*',
    });
    await api(service.port, 'POST', '/api/flows/bench-ping-pong/publish');
    // The baseline answers exactly the JSON the service answers for the list.
    const flowsFile = join(work, 'flows.json');
    writeFileSync(flowsFile, await api(service.port, 'GET', '/api/flows'));
    const baseline = await startBaseline(join(work, 'baseline'), flowsFile);
    started.push(baseline);

    const rows = [];
    const notes = [];
    if (want('events')) {
      const at = async (connections) =>
        sideBySide(
          () => load(baseline.port, connections, SECONDS, 'baselineEvents'),
          () => load(service.port, connections, SECONDS, 'contactEvents', { perContact: EVENTS_PER_CONTACT }),
        );
      const ten = await at(10);
      const fifty = await at(50);
      rows.push(
        {
          metric: 'bare express + SQLite, one 2 KB row committed per request (10 connections, baseline)',
          value: ten.baseline.rate,
          unit: 'req/s',
          note: `p50 ${ms(ten.baseline.p50)}, p99 ${ms(ten.baseline.p99)}; at 50 connections ${fifty.baseline.rate.toFixed(0)} req/s, p99 ${ms(fifty.baseline.p99)}`,
        },
        {
          metric: 'contact events through the service (10 connections)',
          value: ten.service.rate,
          unit: 'req/s',
          note: `p50 ${ms(ten.service.p50)}, p99 ${ms(ten.service.p99)}; each event stepped and its step committed to SQLite before the answer; a new contact every ${EVENTS_PER_CONTACT} events (its start and hang-up counted, not timed)`,
        },
        {
          metric: 'contact events: service / bare express + SQLite',
          value: ten.ratio,
          unit: '×',
          budget: EVENTS_RATIO_BUDGET,
          ok: ten.ratio >= EVENTS_RATIO_BUDGET,
          note: `median of the rounds' ratios (${ten.rounds}); load average ${loadavg()[0].toFixed(1)} on the machine at the end`,
        },
        {
          metric: 'contact event p99 at 50 connections',
          value: fifty.service.p99,
          unit: 'ms',
          budget: P99_BUDGET_MS,
          ok: fifty.service.p99 <= P99_BUDGET_MS,
          note: `${fifty.service.rate.toFixed(0)} req/s (${fifty.ratio.toFixed(2)}× the baseline's, rounds ${fifty.rounds}), p50 ${ms(fifty.service.p50)}; the baseline's p99 ${ms(fifty.baseline.p99)}`,
        },
      );
    }
    if (want('flows')) {
      const flows = await sideBySide(
        () => load(baseline.port, 10, SECONDS, 'get', { path: '/flows', headers: {} }),
        () => load(service.port, 10, SECONDS, 'get', { path: '/api/flows', headers: AUTH }),
      );
      const bytes = readFileSync(flowsFile).length;
      rows.push(
        {
          metric: 'bare express answering the flow list from memory (10 connections, baseline)',
          value: flows.baseline.rate,
          unit: 'req/s',
          note: `the same ${(bytes / 1024).toFixed(1)} KB of JSON the service answers; p99 ${ms(flows.baseline.p99)}`,
        },
        {
          metric: 'GET /api/flows (10 connections)',
          value: flows.service.rate,
          unit: 'req/s',
          note: `p99 ${ms(flows.service.p99)}; authenticated (bearer token), with the service's security headers`,
        },
        {
          metric: 'GET /api/flows: service / bare express',
          value: flows.ratio,
          unit: '×',
          budget: FLOWS_RATIO_BUDGET,
          ok: flows.ratio >= FLOWS_RATIO_BUDGET,
          note: `median of the rounds' ratios (${flows.rounds})`,
        },
      );
    }
    if (want('memory')) {
      // A service of its own, started fresh: its memory owes nothing to the figures above.
      const fresh = await startService(flowsDir, join(work, 'data-memory'));
      started.push(fresh);
      await api(fresh.port, 'POST', '/api/flows/bench-ping-pong/publish');
      const samples = [];
      const before = rssMb(fresh.pid);
      const sampler = setInterval(() => samples.push(rssMb(fresh.pid)), 1000);
      const loaded = await load(fresh.port, 10, MEMORY_SECONDS, 'contactEvents', {
        perContact: EVENTS_PER_SHORT_CALL,
      });
      clearInterval(sampler);
      const third = Math.floor(samples.length / 3);
      const peak = Math.max(...samples);
      const growth = Math.max(...samples.slice(2 * third)) - Math.max(...samples.slice(third, 2 * third));
      rows.push(
        {
          metric: `service resident memory, peak over ${MEMORY_SECONDS} s of contact events`,
          value: peak,
          unit: 'MB',
          budget: RSS_BUDGET_MB,
          ok: peak <= RSS_BUDGET_MB,
          note: `${before.toFixed(0)} MB before the load (a service started for it), ${samples[samples.length - 1]?.toFixed(0)} MB at its end; ${loaded.rate.toFixed(0)} req/s on 10 connections, a new contact every ${EVENTS_PER_SHORT_CALL} events (about ${Math.round((loaded.rate * MEMORY_SECONDS) / (EVENTS_PER_SHORT_CALL + 2))} contacts); load average ${loadavg()[0].toFixed(1)} at the end`,
        },
        {
          metric: 'service resident memory growth, last third of the load over the middle third (peaks)',
          value: growth,
          unit: 'MB',
          budget: RSS_GROWTH_BUDGET_MB,
          ok: growth <= RSS_GROWTH_BUDGET_MB,
          note: `sampled every second: ${samples.map((s) => s.toFixed(0)).join(' ')}`,
        },
      );
    }
    notes.push(
      `Servers in child processes; clients raw kept-alive sockets in a worker thread of the bench process, on the same cores as the servers. ${ROUNDS} rounds of ${SECONDS} s per side, baseline and service in turns. \`npm run bench -- service-speed:events\` (or :flows, :memory) runs one part.`,
      ...BEFORE,
    );
    return { title: 'Service against bare baselines (side by side)', rows, notes };
  } finally {
    for (const s of started) await s.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
