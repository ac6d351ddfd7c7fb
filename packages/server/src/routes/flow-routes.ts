import { type Flow, type FlowSummary, summarizeFlow } from '@callflow/model';
import { flowRoutes as API } from '@callflow/model/api-contract';
import type { Express } from 'express';
import type { ResourceUsage } from '../center/resource-usage.js';
import { apiError } from '../http/api-error.js';
import { CachedJson } from '../http/cached-json.js';
import { route } from '../http/contract-route.js';
import { preconditionsOf } from '../http/request.js';
import { dependencyView, type FlowService } from '../publishing/flow-service.js';
import { ifMatchSatisfied } from '../store/etag.js';

function versionNumber(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw apiError('invalid_version', `"${value}" is not a version number (1, 2, 3...).`);
  }
  return value;
}

export function flowRoutes(app: Express, flows: FlowService, usage: ResourceUsage): void {
  // The list is read on every designer start and after every change: kept as text until the flows, the
  // resources file or the published versions change (each change is counted where it happens).
  const list = new CachedJson(
    () => {
      const files = flows.store.changes();
      const versions = flows.published.changes();
      return files === undefined || versions === undefined ? undefined : `${files}:${versions}`;
    },
    async () => {
      const [items, stored] = await Promise.all([flows.list(), flows.store.list()]);
      const summaries = new Map(stored.map((s) => [s.id, summaryOf(s.flow)]));
      // The designer lints against these (module interfaces, invoked modules) without loading every flow.
      return items.map((item) => ({ ...item, summary: summaries.get(item.id) ?? null }));
    },
  );
  route(app, API.listFlows, async (_input, _req, res) => {
    res.type('application/json').send(await list.text());
  });

  route(app, API.getFlow, async ({ params }, _req, res) => {
    const stored = await flows.get(params.id);
    res.set('ETag', stored.etag).json({ flow: stored.flow, etag: stored.etag });
  });

  route(app, API.flowTests, async ({ params: { id } }, _req, res) => {
    const files = await flows.store.tests(id);
    if (!files) throw apiError('flow_not_found', `There is no flow "${id}".`, { id });
    res.json({ flowId: id, files });
  });

  // The whole document: the designer reads the file (with its etag), appends a scenario, writes it back.
  route(app, API.saveFlowTest, async ({ params: { id, file }, body }, req, res) => {
    const result = await flows.saveTest(id, file, body, preconditionsOf(req));
    res
      .status(result.created ? 201 : 200)
      .set('ETag', result.etag)
      .json({ file, etag: result.etag, problems: result.problems });
  });

  route(app, API.saveFlow, async ({ params, body }, req, res) => {
    const result = await flows.save(params.id, body, preconditionsOf(req));
    res
      .status(result.created ? 201 : 200)
      .set('ETag', result.etag)
      .json({ etag: result.etag, problems: result.problems });
  });

  route(app, API.deleteFlow, async ({ params, query }, req, res) => {
    const preconditions = preconditionsOf(req);
    // Modules, queue flows and whisper flows are named by other flows and queues: ask before breaking
    // them, once the precondition holds (a missing or stale If-Match answers as before: 428, 412).
    const current = preconditions.ifMatch ? await flows.store.get(params.id) : undefined;
    if (
      current &&
      preconditions.ifMatch &&
      ifMatchSatisfied(preconditions.ifMatch, current.etag) &&
      !query.force
    )
      await usage.assertFlowUnused(params.id);
    await flows.remove(params.id, preconditions);
    res.status(204).end();
  });

  route(app, API.validateFlow, async ({ params, body }, _req, res) => {
    res.json({ problems: await flows.validate(params.id, body) });
  });

  route(app, API.publishFlow, async ({ params, body }, req, res) => {
    const note = body?.note?.trim();
    const ifMatch = req.get('if-match');
    const result = await flows.publish(params.id, req.principal?.name ?? 'unknown', {
      ...(ifMatch ? { ifMatch } : {}),
      ...(body?.withDependencies ? { withDependencies: true } : {}),
      ...(note ? { note } : {}),
    });
    res.status(201).json(result);
  });

  route(app, API.flowDependencies, async ({ params: { id } }, _req, res) => {
    const closure = await flows.dependencies(id);
    res.json({
      flowId: id,
      dependencies: closure.map(dependencyView),
      // What "publish with dependencies" would make live along with the flow.
      toPublish: closure.filter((entry) => entry.live === null).map((entry) => entry.flowId),
    });
  });

  route(app, API.flowVersions, async ({ params: { id } }, _req, res) => {
    const versions = flows.published.versions(id);
    if (versions.length === 0 && !(await flows.store.get(id))) {
      throw apiError('flow_not_found', `There is no flow "${id}".`, { id });
    }
    res.json(
      versions.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt,
        publishedBy: v.publishedBy,
        note: v.note,
        live: v.live,
      })),
    );
  });

  route(app, API.flowVersion, ({ params }, _req, res) => {
    const found = flows.version(params.id, params.version);
    res.json({
      version: found.version,
      publishedAt: found.publishedAt,
      publishedBy: found.publishedBy,
      note: found.note,
      live: found.live,
      flow: found.flow,
    });
  });

  route(app, API.rollback, ({ params, body }, _req, res) => {
    res.json(flows.rollback(params.id, versionNumber(body.version)));
  });
}

/** Null for a file that is not JSON or lacks an id or type: there is nothing to lint against. */
function summaryOf(flow: unknown): FlowSummary | null {
  if (typeof flow !== 'object' || flow === null) return null;
  const { id, type } = flow as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string') return null;
  return summarizeFlow(flow as Flow);
}
