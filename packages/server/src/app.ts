import { serviceRoutes as API } from '@callflow/model/api-contract';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { ResourceUsage } from './center/resource-usage.js';
import type { ServerConfig } from './config.js';
import { errorHandler, notFoundHandler, toApiError } from './http/api-error-handler.js';
import { route } from './http/contract-route.js';
import { documentBodies, JSON_TYPES } from './http/document-body.js';
import { openApiDocument } from './openapi/document.js';
import type { EventBus } from './ops/event-bus.js';
import { redactUrl } from './ops/logger.js';
import type { ServiceMetrics } from './ops/metrics.js';
import type { FlowService } from './publishing/flow-service.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { flowRoutes } from './routes/flow-routes.js';
import { promptRoutes } from './routes/prompt-routes.js';
import { resourceRoutes } from './routes/resource-routes.js';
import { serveEditor } from './routes/static-editor.js';
import { usageRoutes } from './routes/usage-routes.js';
import { agentEventFilter } from './security/agent-events.js';
import { authenticate } from './security/auth.js';
import { corsFor, securityHeaders } from './security/headers.js';
import { hostAllowlist } from './security/host-check.js';
import { authFailureLimit, StreamCounter, writeLimit } from './security/limits.js';
import { authorize } from './security/route-roles.js';
import { PromptFiles } from './store/prompt-files.js';

export interface AppServices {
  config: ServerConfig;
  logger: Logger;
  metrics: ServiceMetrics;
  events: EventBus;
  flows: FlowService;
  /** Registers the runtime routes (contacts, callbacks, agents); absent in store-only tests. */
  runtimeRoutes?: (app: Express) => void;
  /** Whether the service is ready (store open, contacts restored): /healthz says 503 until then. */
  health: () => { ok: boolean; [key: string]: unknown };
  /** The contacts an agent is offered or on (its event stream carries their events); none without a host. */
  agentContacts?: (agent: string) => readonly string[];
  /** Open SSE streams, closed on shutdown so that server.close() can finish. */
  trackStream: (close: () => void) => () => void;
}

export function createApp(services: AppServices): Express {
  const { config, logger, metrics, events, flows } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(hostAllowlist(config.allowedHosts));
  app.use(securityHeaders);
  app.use(corsFor(config.corsOrigins));
  app.use(metrics.httpTimer());
  app.use((req, res, next) => {
    // The request log is at debug level: its line (and the timing it needs) costs nothing when off.
    const logRequests = logger.isLevelEnabled('debug');
    const started = logRequests ? process.hrtime.bigint() : 0n;
    res.on('finish', () => {
      if (res.statusCode >= 400)
        metrics.errorsTotal.inc({ code: String(res.locals.errorCode ?? res.statusCode) });
      if (!logRequests) return;
      logger.debug(
        {
          method: req.method,
          url: redactUrl(req.originalUrl),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          who: req.principal?.name,
        },
        'request',
      );
    });
    next();
  });

  route(app, API.health, (_input, _req, res) => {
    const health = services.health();
    res.status(health.ok ? 200 : 503).json(health);
  });

  const failures = authFailureLimit(config.limits);
  const auth = authenticate(config.tokens, failures);
  app.use(['/api', '/metrics'], failures.gate, auth);
  app.use(authorize());
  app.use('/api', writeLimit(config.limits));
  app.use(documentBodies(config.bodyLimit));
  app.use('/api', express.json({ limit: config.bodyLimit, strict: true, type: JSON_TYPES }));

  route(app, API.metrics, async (_input, _req, res) => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  route(app, API.openApi, (_input, _req, res) => {
    res.json(openApiDocument);
  });
  const usage = new ResourceUsage(flows.store, events);
  flowRoutes(app, flows, usage);
  resourceRoutes(app, flows.store, events);
  promptRoutes(app, new PromptFiles(flows.store.dir));
  usageRoutes(app, usage);
  catalogRoutes(app);
  const contactsOf = services.agentContacts ?? (() => []);
  eventRoutes(app, events, services.trackStream, new StreamCounter(config.limits.streamsPerToken), (req) =>
    req.principal?.role === 'agent' ? agentEventFilter(req.principal.agent ?? '', contactsOf) : undefined,
  );
  services.runtimeRoutes?.(app);

  app.use('/api', notFoundHandler);
  serveEditor(app, config.editorDist);
  app.use(notFoundHandler);
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.locals.errorCode = toApiError(error).code;
    next(error);
  });
  app.use(errorHandler(logger));
  return app;
}
