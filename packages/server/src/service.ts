import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TwilioRestClient } from '@callflow/adapter-twilio';
import type { Resources } from '@callflow/model';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { CENTER_TIMING, CenterNode } from './center/center-node.js';
import type { ServerConfig } from './config.js';
import { startCheckpointer } from './db/checkpointer.js';
import { DATABASE_FILE, type Db, openDatabase } from './db/database.js';
import { loadSecretKey, SecretBox } from './db/secret-box.js';
import { EventBus } from './ops/event-bus.js';
import { LogHealth } from './ops/log-destination.js';
import { createLogger } from './ops/logger.js';
import { ServiceMetrics } from './ops/metrics.js';
import { type FirstStartReport, publishOnFirstStart } from './publishing/first-start.js';
import { FlowService } from './publishing/flow-service.js';
import { agentRoutes } from './routes/agent-routes.js';
import { callbackRoutes } from './routes/callback-routes.js';
import { contactRoutes } from './routes/contact-routes.js';
import { firstStartRoutes } from './routes/first-start-routes.js';
import { simClockRoutes } from './routes/sim-clock-routes.js';
import { trafficRoutes } from './routes/traffic-routes.js';
import { ContactHost } from './runtime-host/contact-host.js';
import { createGuardedFetch, type HostResolver } from './runtime-host/guarded-fetch.js';
import { RetentionSweep } from './runtime-host/retention-sweep.js';
import { WallClock } from './runtime-host/wall-clock.js';
import { CenterLeader } from './runtime-store/center-leader.js';
import { PostgresBridge } from './runtime-store/postgres-bridge.js';
import { PostgresCallLog } from './runtime-store/postgres-call-log.js';
import { PostgresContactRecords, postgresVersionRows } from './runtime-store/postgres-contact-records.js';
import { PostgresRuntimeStore } from './runtime-store/postgres-runtime-store.js';
import { type AgentSignIn, addStartupAgentTokens } from './security/startup-agent-tokens.js';
import { DocumentFiles } from './store/document-files.js';
import { parseFlowTestText, parseFlowText, parseResourcesText } from './store/flow-checks.js';
import { FlowStore } from './store/flow-store.js';
import { LiveResources } from './store/live-resources.js';
import { PromptFiles } from './store/prompt-files.js';
import { PublishedVersions, sqliteVersionRows } from './store/published-versions.js';
import { createTwilioTelephony, TWILIO_PREFIX } from './telephony/twilio.js';

export interface CallflowService {
  app: Express;
  config: ServerConfig;
  logger: Logger;
  db: Db;
  events: EventBus;
  metrics: ServiceMetrics;
  flows: FlowService;
  host: ContactHost;
  /** What the first start of this data directory published (null on any later start). */
  firstStart: FirstStartReport | null;
  /** The agent desktop tokens made at start-up (only when no token was configured). */
  agentSignIns: AgentSignIn[];
  /** Removes ended contacts past their retention (periodically; `sweep()` runs one now). */
  retention: RetentionSweep;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stops taking requests, persists in-flight contacts, closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger?: Logger;
  /** Default process metrics (event loop, memory); off in tests. */
  defaultMetrics?: boolean;
  /** Seconds the simulated telephony takes to play a prompt (default 0: at once). */
  promptSeconds?: number;
  /** The runtime host's clock (tests start it at a chosen time; it runs at wall speed). */
  clock?: WallClock;
  /** Twilio's REST API stand-in for tests; production builds it from the account SID. */
  twilioClient?: TwilioRestClient;
  /** How the given `logger`'s destination fares (reported by /healthz); kept by the service for its own. */
  logHealth?: LogHealth;
  /** How HTTP-request blocks resolve host names (the system resolver; tests map names of their own). */
  resolveHost?: HostResolver;
}

export async function createService(
  config: ServerConfig,
  options: ServiceOptions = {},
): Promise<CallflowService> {
  // The log's health is known when the service writes it (or the caller says how its logger fares).
  const logHealth = options.logger ? options.logHealth : (options.logHealth ?? new LogHealth());
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, ...(logHealth ? { health: logHealth } : {}) });
  const metrics = new ServiceMetrics({ defaultMetrics: options.defaultMetrics ?? false });
  const events = new EventBus();
  const store = new FlowStore(
    config.flowsDir,
    config.resourcesFile,
    new DocumentFiles(parseFlowText),
    new DocumentFiles(parseResourcesText),
    new DocumentFiles(parseFlowTestText),
  );
  const leftovers = await store.init();
  if (leftovers.length > 0)
    logger.info({ files: leftovers }, 'removed temp files a crash during a save left in the flows directory');
  // No database yet: the first start of this data directory (the sample flows get published below).
  const fresh = !existsSync(join(config.dataDir, DATABASE_FILE));
  const db = openDatabase(config.dataDir, { synchronous: config.dbSync });
  const checkpointer = startCheckpointer(db, (error) =>
    logger.warn({ error }, 'background WAL checkpoint failed; the service checkpoints itself'),
  );
  const secretKey = loadSecretKey(
    { file: config.secretKeyFile, ...(config.secretKey ? { key: config.secretKey } : {}) },
    (message) => logger.warn(message),
  );
  if (secretKey.created)
    logger.info(
      { file: config.secretKeyFile },
      'made the key that seals secure values at rest: back it up apart from the data',
    );
  // A center kept in PostgreSQL (CALLFLOW_DATABASE_URL): versions and contacts live there, shared by
  // every process; SQLite stays the embedded default.
  const postgres = config.databaseUrl
    ? await openPostgres(config.databaseUrl, secretKey.key, logger)
    : undefined;
  const published = new PublishedVersions(
    postgres ? postgresVersionRows(postgres.bridge) : sqliteVersionRows(db),
  );
  const flows = new FlowService(store, published, events, metrics);
  const firstOfCenter = postgres ? published.summaries().size === 0 : fresh;
  const firstStart = firstOfCenter && config.publishOnFirstStart ? await publishOnFirstStart(flows) : null;
  if (firstStart) logger.info(firstStart, 'first start: flows published');

  // The runtime reads resources synchronously at every step; this copy follows the file.
  // A copy of the last good resources file sits in the data directory: a start with a damaged file
  // serves it (degraded) rather than refusing, once the service has run with a good file.
  const live = new LiveResources(store, join(config.dataDir, 'resources.last-good.json'));
  live.onStatus((damage) => {
    if (damage) {
      logger.error(
        { file: damage.file, problems: damage.problems },
        'the resources file is damaged: serving the last good resources until it is fixed',
      );
      events.publish({ type: 'resources.damaged', file: damage.file, problems: damage.problems });
    } else {
      logger.info({ file: config.resourcesFile }, 'the resources file is good again and in use');
      events.publish({ type: 'resources.recovered', file: config.resourcesFile });
    }
  });
  try {
    await live.refresh();
  } catch (error) {
    // A damaged resources file with no last good copy: nothing is running yet; leave the store closed.
    await checkpointer.stop();
    db.close();
    throw error;
  }
  const resources = (): Resources => live.current;
  const agentSignIns = config.startupTokenGenerated
    ? addStartupAgentTokens(config.tokens, Object.keys(live.current.agents ?? {}))
    : [];
  const twilio = config.twilio
    ? await createTwilioTelephony(
        config.twilio,
        resources,
        logger,
        options.twilioClient,
        new PromptFiles(config.flowsDir),
      )
    : undefined;
  if (twilio) metrics.trackTwilioCalls(() => twilio.adapter.retainedCalls());
  const httpClient = createGuardedFetch({
    allowlist: () => live.current.httpAllowlist ?? [],
    ...(options.resolveHost ? { resolve: options.resolveHost } : {}),
  });
  const host = new ContactHost({
    ...(options.clock ? { clock: options.clock } : simulatedClock(config)),
    ...(twilio ? { live: { adapter: twilio.adapter, prefix: TWILIO_PREFIX } } : {}),
    db,
    ...(postgres ? { records: postgres.records, callLogStore: postgres.callLog } : {}),
    secretBox: new SecretBox(secretKey.key),
    published,
    resources,
    events,
    metrics,
    logger,
    promptSeconds: options.promptSeconds ?? config.promptSeconds,
    httpRequests: config.httpRequests,
    fetch: httpClient.fetch,
  });

  // In a center, the process that takes the lead continues the contacts (center/center-node.ts).
  const center = postgres
    ? new CenterNode({
        node: postgres.node,
        leader: postgres.leader,
        store: postgres.store,
        records: postgres.records,
        host,
        events,
        logger,
        lost: () => process.exit(1),
      })
    : undefined;
  // A raised maximum of concurrent calls (or new agents, queues) reaches waiting contacts at once,
  // whether the file changed through the API, by hand or by a `git pull`, not at some later event.
  live.onChange(() => host.resourcesChanged());
  events.subscribe(({ event }) => {
    if (event.type === 'resources.saved' || event.type === 'resources.changedOnDisk') {
      live.refresh().catch((error: unknown) => logger.warn({ error }, 'could not re-read the resources'));
    }
  });

  let state: 'starting' | 'ready' | 'stopping' = 'starting';
  const streams = new Set<() => void>();
  const app = createApp({
    config,
    logger,
    metrics,
    events,
    flows,
    // A failing log is reported, not fatal: the service still takes calls (ok stays true).
    health: () => ({
      ok: state === 'ready',
      state,
      // Degraded, not down: calls go on with the last good resources while the file is damaged.
      ...(live.damage ? { degraded: true } : {}),
      resources: live.damage ? { ok: false, ...live.damage } : { ok: true },
      contacts: host.activeCount,
      ...(center ? { center: { node: postgres?.node, state: center.state } } : {}),
      ...(logHealth ? { log: logHealth.report() } : {}),
    }),
    runtimeRoutes: (a) => {
      if (center) a.use(['/api/contacts', '/api/callbacks', '/api/agents', '/twilio'], center.forward());
      a.use(['/api/contacts', '/api/callbacks', '/api/agents'], live.follow());
      contactRoutes(a, host, flows);
      trafficRoutes(a, host, flows);
      firstStartRoutes(a, firstStart);
      callbackRoutes(a, host, resources);
      agentRoutes(a, host, resources, flows.published);
      simClockRoutes(a, host.clock, config.simClockControl);
      twilio?.mount(a, () => host, live.follow());
    },
    agentContacts: (agent) => host.contactsOfAgent(agent),
    trackStream: (close) => {
      streams.add(close);
      return () => streams.delete(close);
    },
  });
  store.watch((change) => {
    logger.info(change, 'file changed on disk');
    events.publish({ type: change.flowId ? 'flow.changedOnDisk' : 'resources.changedOnDisk', ...change });
  });
  if (!center) {
    const restored = host.restore();
    logger.info(restored, 'contacts restored');
  }
  const retention = new RetentionSweep({
    repository: host.repository,
    retentionMs: config.contactRetentionMs,
    now: () => host.clock.now(),
    logger,
  });
  retention.start();
  state = 'ready';

  let server: Server | undefined;
  let closing: Promise<void> | undefined;

  const service: CallflowService = {
    app,
    config,
    firstStart,
    agentSignIns,
    logger,
    db,
    events,
    metrics,
    flows,
    host,
    retention,
    listen: () =>
      new Promise((resolve, reject) => {
        const { limits } = config;
        const s = createServer(
          {
            headersTimeout: limits.headersTimeoutMs,
            requestTimeout: limits.requestTimeoutMs,
            keepAliveTimeout: limits.keepAliveTimeoutMs,
            // Node checks the two timeouts above on this interval (30 s by default): a slow client
            // would otherwise hold its connection up to that much longer than the limit.
            connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
          },
          app,
        );
        s.maxConnections = limits.maxConnections;
        server = s;
        s.once('error', reject);
        s.listen(config.port, config.host, () => {
          const port = (s.address() as AddressInfo).port;
          if (!center || !postgres) return resolve(port);
          center
            .start(postgres.url, config.nodeUrl ?? `http://127.0.0.1:${port}`)
            .then(() => resolve(port), reject);
        });
      }),
    close: () => {
      closing ??= (async () => {
        state = 'stopping';
        store.unwatch();
        for (const close of [...streams]) close();
        if (server) {
          const s = server;
          const closed = new Promise<void>((resolve) => s.close(() => resolve()));
          s.closeIdleConnections();
          const timer = setTimeout(() => s.closeAllConnections(), config.shutdownTimeoutMs);
          timer.unref();
          await closed;
          clearTimeout(timer);
        }
        retention.stop();
        // The call logs reach the store before the leases are given up (the next leader reads them).
        await postgres?.callLog.flush();
        await center?.stop();
        host.stop();
        await postgres?.close();
        await httpClient.close();
        await checkpointer.stop();
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      })();
      return closing;
    },
  };
  return service;
}

/** The PostgreSQL side of a center process: the steps' bridge, the leases' pool, the lead and its events. */
async function openPostgres(url: string, key: Buffer, logger: Logger) {
  const node = randomUUID();
  // Migrations run (once, under their lock) before the bridge's worker connects.
  const store = await PostgresRuntimeStore.open({ url, poolSize: 2 }, new SecretBox(key));
  const bridge = new PostgresBridge({ url, key });
  const records = new PostgresContactRecords({
    bridge,
    owner: node,
    leaseMs: CENTER_TIMING.leaseMs,
    now: () => Date.now(),
    leaseLost: (error) => {
      logger.fatal(
        { contactId: error.fence.contactId },
        'another process runs this contact now: this one stops',
      );
      process.exit(1);
    },
  });
  const leader = new CenterLeader(url);
  const callLog = new PostgresCallLog(store, bridge, logger);
  return {
    url,
    node,
    store,
    bridge,
    records,
    leader,
    callLog,
    close: async () => {
      await callLog.flush();
      await leader.close();
      await bridge.close();
      await store.close();
    },
  };
}

/** CALLFLOW_SIM_CLOCK_START: the simulated service's clock starts there and runs at wall speed. */
function simulatedClock(config: ServerConfig): { clock?: WallClock } {
  if (config.simClockStart === undefined) return {};
  const offset = config.simClockStart - Date.now();
  return { clock: new WallClock(() => Date.now() + offset) };
}
