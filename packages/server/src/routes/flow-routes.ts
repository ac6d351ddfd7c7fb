import { type Flow, type FlowSummary, summarizeFlow } from '@callflow/model';
import type { Express } from 'express';
import { ApiError } from '../http/api-error.js';
import { checkFields, param, preconditionsOf, requireObjectBody } from '../http/request.js';
import { dependencyView, type FlowService } from '../publishing/flow-service.js';

/** A publish note is a line or two about why, not a document. */
const MAX_NOTE_LENGTH = 500;

function versionParam(value: string): number {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) {
    throw new ApiError(400, 'invalid_version', `"${value}" is not a version number (1, 2, 3...).`);
  }
  return version;
}

export function flowRoutes(app: Express, flows: FlowService): void {
  app.get('/api/flows', async (_req, res) => {
    const [items, stored] = await Promise.all([flows.list(), flows.store.list()]);
    const summaries = new Map(stored.map((s) => [s.id, summaryOf(s.flow)]));
    // The designer lints against these (module interfaces, invoked modules) without loading every flow.
    res.json(items.map((item) => ({ ...item, summary: summaries.get(item.id) ?? null })));
  });

  app.get('/api/flows/:id', async (req, res) => {
    const stored = await flows.get(param(req, 'id'));
    res.set('ETag', stored.etag).json({ flow: stored.flow, etag: stored.etag });
  });

  app.get('/api/flows/:id/tests', async (req, res) => {
    const id = param(req, 'id');
    const files = await flows.store.tests(id);
    if (!files) throw new ApiError(404, 'flow_not_found', `There is no flow "${id}".`, { id });
    res.json({ flowId: id, files });
  });

  // The whole document: the designer reads the file (with its etag), appends a scenario, writes it back.
  app.put('/api/flows/:id/tests/:file', async (req, res) => {
    const id = param(req, 'id');
    const file = param(req, 'file');
    const body = requireObjectBody(req, 'the flow test document');
    const result = await flows.saveTest(id, file, body, preconditionsOf(req));
    res
      .status(result.created ? 201 : 200)
      .set('ETag', result.etag)
      .json({ file, etag: result.etag, problems: result.problems });
  });

  app.put('/api/flows/:id', async (req, res) => {
    const body = requireObjectBody(req, 'the flow');
    const result = await flows.save(param(req, 'id'), body, preconditionsOf(req));
    res
      .status(result.created ? 201 : 200)
      .set('ETag', result.etag)
      .json({ etag: result.etag, problems: result.problems });
  });

  app.delete('/api/flows/:id', async (req, res) => {
    await flows.remove(param(req, 'id'), preconditionsOf(req));
    res.status(204).end();
  });

  app.post('/api/flows/:id/validate', async (req, res) => {
    const body =
      req.body === undefined || isEmptyObject(req.body) ? undefined : requireObjectBody(req, 'a flow');
    res.json({ problems: await flows.validate(param(req, 'id'), body) });
  });

  app.post('/api/flows/:id/publish', async (req, res) => {
    const body =
      req.body === undefined || isEmptyObject(req.body)
        ? {}
        : checkFields<{ withDependencies?: boolean; note?: string }>(
            requireObjectBody(req, '{ withDependencies, note }'),
            {
              withDependencies: { type: 'boolean' },
              note: { type: 'string', maxLength: MAX_NOTE_LENGTH },
            },
          );
    const note = body.note?.trim();
    const ifMatch = req.get('if-match');
    const result = await flows.publish(param(req, 'id'), req.principal?.name ?? 'unknown', {
      ...(ifMatch ? { ifMatch } : {}),
      ...(body.withDependencies ? { withDependencies: true } : {}),
      ...(note ? { note } : {}),
    });
    res.status(201).json(result);
  });

  app.get('/api/flows/:id/dependencies', async (req, res) => {
    const id = param(req, 'id');
    const closure = await flows.dependencies(id);
    res.json({
      flowId: id,
      dependencies: closure.map(dependencyView),
      // What "publish with dependencies" would make live along with the flow.
      toPublish: closure.filter((entry) => entry.live === null).map((entry) => entry.flowId),
    });
  });

  app.get('/api/flows/:id/versions', async (req, res) => {
    const id = param(req, 'id');
    const versions = flows.published.versions(id);
    if (versions.length === 0 && !(await flows.store.get(id))) {
      throw new ApiError(404, 'flow_not_found', `There is no flow "${id}".`, { id });
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

  app.get('/api/flows/:id/versions/:version', (req, res) => {
    const found = flows.version(param(req, 'id'), versionParam(param(req, 'version')));
    res.json({
      version: found.version,
      publishedAt: found.publishedAt,
      publishedBy: found.publishedBy,
      note: found.note,
      live: found.live,
      flow: found.flow,
    });
  });

  app.post('/api/flows/:id/rollback', (req, res) => {
    const body = checkFields<{ version: number }>(requireObjectBody(req, '{ version }'), {
      version: { type: 'integer', required: true },
    });
    res.json(flows.rollback(param(req, 'id'), versionParam(String(body.version))));
  });
}

/** Null for a file that is not JSON or lacks an id or type: there is nothing to lint against. */
function summaryOf(flow: unknown): FlowSummary | null {
  if (typeof flow !== 'object' || flow === null) return null;
  const { id, type } = flow as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string') return null;
  return summarizeFlow(flow as Flow);
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}
