import { lintResources, type Resources } from '@callflow/model';
import { serviceRoutes as API } from '@callflow/model/api-contract';
import type { Express } from 'express';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';
import { preconditionsOf } from '../http/request.js';
import type { EventBus } from '../ops/event-bus.js';
import { resourcesSchemaProblems } from '../store/flow-checks.js';
import type { FlowStore } from '../store/flow-store.js';

export function resourceRoutes(app: Express, store: FlowStore, events: EventBus): void {
  route(app, API.getResources, async (_input, _req, res) => {
    const stored = await store.getResources();
    if (stored.etag) res.set('ETag', stored.etag);
    res.json({ resources: stored.resources ?? null, etag: stored.etag, problems: stored.problems });
  });

  route(app, API.saveResources, async ({ body }, req, res) => {
    const schema = resourcesSchemaProblems(body);
    // Names that refer to nothing and the agent rules (a default number not allowed...) are checked
    // once the shape is right, as `callflow validate` does.
    const problems = schema.some((p) => p.severity === 'error')
      ? schema
      : [...schema, ...lintResources(body as unknown as Resources)];
    if (problems.some((p) => p.severity === 'error')) {
      throw apiError(
        'invalid_resources',
        'The resources do not pass the resources schema and checks; nothing was saved.',
        {
          problems,
        },
      );
    }
    const { etag } = await store.saveResources(body as unknown as Resources, preconditionsOf(req));
    events.publish({ type: 'resources.saved', etag });
    res.set('ETag', etag).json({ etag, problems });
  });
}
