import { trafficRoutes as API } from '@callflow/model/api-contract';
import type { Express } from 'express';
import { apiError } from '../http/api-error.js';
import { route } from '../http/contract-route.js';
import type { FlowService } from '../publishing/flow-service.js';
import type { ContactHost } from '../runtime-host/contact-host.js';
import { assertFlowId } from '../store/flow-store.js';
import { trafficPeriod } from '../traffic/traffic-period.js';

const VERSION = /^[1-9][0-9]{0,8}$/;

/**
 * Where calls go: counts from the traces in the store, so any process of a center answers for every
 * process's calls (docs/api.md "Where calls go").
 */
export function trafficRoutes(app: Express, host: ContactHost, flows: FlowService): void {
  route(app, API.flowTraffic, async ({ params: { id }, query }, _req, res) => {
    assertFlowId(id);
    if (query.version !== undefined && !VERSION.test(query.version)) {
      throw apiError(
        'invalid_version',
        `"${query.version.slice(0, 20)}" is not a version number (1, 2, 3...).`,
        {
          value: query.version.slice(0, 20),
        },
      );
    }
    const period = trafficPeriod(query, host.clock.now());
    const versions = flows.published.versions(id);
    if (versions.length === 0) {
      if (!(await flows.store.get(id))) throw apiError('flow_not_found', `There is no flow "${id}".`, { id });
      throw apiError('flow_not_published', `Flow "${id}" has no published version: no call has run it.`, {
        id,
      });
    }
    const version =
      query.version === undefined ? versions.find((v) => v.live)?.version : Number(query.version);
    if (version === undefined || !versions.some((v) => v.version === version)) {
      throw apiError('version_not_found', `Flow "${id}" has no version ${query.version ?? '(live)'}.`, {
        id,
        version: query.version ?? null,
      });
    }
    res.json(host.repository.traffic({ flowId: id, version, ...period }));
  });
}
