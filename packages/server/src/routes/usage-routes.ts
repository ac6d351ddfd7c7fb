import { usageRoutes as API } from '@callflow/model/api-contract';
import type { Express } from 'express';
import type { ResourceUsage } from '../center/resource-usage.js';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';

/** Where-used, safe renames and deletions of resources (flows' own deletion guard is in flow-routes). */
export function usageRoutes(app: Express, usage: ResourceUsage): void {
  route(app, API.resourceUsages, async ({ params: { kind, name } }, _req, res) => {
    res.json({ kind, name, ...(await usage.usages({ kind, name })) });
  });

  route(app, API.flowUsages, async ({ params: { id } }, _req, res) => {
    res.json({ kind: 'flow', name: id, ...(await usage.usages({ kind: 'flow', name: id })) });
  });

  route(app, API.renamePreview, async ({ params: { kind, name }, body }, _req, res) => {
    res.json(await usage.previewRename(kind, name, body.to));
  });

  route(app, API.rename, async ({ params: { kind, name }, body }, _req, res) => {
    if (!body.etags) {
      throw apiError(
        'precondition_required',
        'Send "etags": the etag of every file the rename preview listed, by file name.',
      );
    }
    res.json(await usage.applyRename(kind, name, body.to, body.etags));
  });

  route(app, API.deleteResource, async ({ params: { kind, name }, query }, req, res) => {
    const ifMatch = req.get('if-match');
    const result = await usage.deleteResource(kind, name, {
      ...(ifMatch ? { ifMatch } : {}),
      force: query.force,
    });
    res.set('ETag', result.etag).json(result);
  });
}
