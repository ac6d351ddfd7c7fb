/** Where calls go: per block and outcome counts from the service's traces (docs/api.md "Where calls go"). */
import { z } from 'zod';
import { READERS } from './roles.js';
import { defineRoute } from './route.js';

/** The longest period one request may ask for: traces are kept for the retention (7 days by default). */
export const MAX_TRAFFIC_PERIOD_DAYS = 92;

const count = z.number().int().nonnegative();

export const blockTraffic = z
  .strictObject({
    entered: count.meta({
      description: 'Times a call entered the block in the period (a call that comes back counts again).',
    }),
    outcomes: z
      .record(z.string(), count)
      .meta({ description: 'Of those, how many left by each outcome (outcomes never taken are absent).' }),
    hungUp: count.meta({ description: 'The caller hung up while in the block.' }),
    left: count.meta({
      description:
        'Left without an outcome while the block waited: connected to an agent, moved to another queue.',
    }),
    ended: count.meta({
      description: 'The contact ended in the block otherwise: a disconnect, an agent’s hang-up, an error.',
    }),
    inBlock: count.meta({ description: 'Still in the block now.' }),
    time: z
      .strictObject({
        count: count.meta({ description: 'Visits that are over (those the times are of).' }),
        totalMs: count,
        meanMs: count,
        p90Ms: count.meta({ description: 'Nine visits in ten took at most this long (nearest rank).' }),
      })
      .meta({ description: 'Time from entering the block to leaving it.' }),
  })
  .meta({ id: 'BlockTraffic' });

export const flowTraffic = z
  .strictObject({
    flowId: z.string(),
    version: z.number().int(),
    from: z.string().meta({ format: 'date-time' }),
    to: z.string().meta({ format: 'date-time' }),
    calls: count.meta({ description: 'Calls that entered at least one block of the version in the period.' }),
    blocks: z
      .record(z.string(), blockTraffic)
      .meta({ description: 'By block id; blocks no call entered in the period are absent.' }),
  })
  .meta({ id: 'FlowTraffic', description: 'Counts only: no caller, number or variable value.' });

export type FlowTraffic = z.output<typeof flowTraffic>;
export type BlockTraffic = z.output<typeof blockTraffic>;

export const trafficQuery = z.object({
  from: z.string().optional().meta({
    description: 'Start of the period (ISO 8601 date-time, inclusive); default 24 hours before `to`.',
  }),
  to: z.string().optional().meta({
    description: 'End of the period (ISO 8601 date-time, exclusive); default now (the service’s clock).',
  }),
  version: z.string().optional().meta({ description: 'A published version; default the live one.' }),
});

export const trafficRoutes = {
  flowTraffic: defineRoute({
    method: 'GET',
    path: '/api/flows/:id/traffic',
    roles: READERS,
    rolesNote: 'counts only, as the traces every role here may read already; not agents',
    summary:
      'Where calls went in a published version over a period: per block, calls that entered, took each outcome, hung up there, and the time they spent, counted from the traces.',
    params: z.object({
      id: z.string().meta({
        description: 'Flow id (the file is `<id>.flow.json`): lower-case words joined by hyphens.',
        pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
      }),
    }),
    query: trafficQuery,
    responses: { 200: { description: 'OK', schema: flowTraffic } },
    errors: [
      'invalid_flow_id',
      'invalid_query',
      'invalid_period',
      'invalid_version',
      'flow_not_found',
      'flow_not_published',
      'version_not_found',
    ],
  }),
} as const;
