import { defineBlock, outcome } from '../block-definition.js';
import { ALL_FLOWS, arr, obj } from './common.js';

export interface PercentShare {
  outcome: string;
  percent: number;
}

export interface DistributeByPercentageSettings {
  shares: PercentShare[];
}

/** The shares as written, skipping malformed entries (settings may come from a broken file). */
export function percentShares(settings: unknown): PercentShare[] {
  return arr(obj(settings)?.shares).flatMap((s) => {
    const share = obj(s);
    return typeof share?.outcome === 'string' && typeof share.percent === 'number'
      ? [{ outcome: share.outcome, percent: share.percent }]
      : [];
  });
}

export const distributeByPercentage = defineBlock<DistributeByPercentageSettings>({
  type: 'distributeByPercentage',
  title: 'Distribute by percentage',
  group: 'logic',
  icon: '%',
  description: 'Sends a share of the contacts to each outcome (A/B tests, gradual rollouts).',
  docs: "Draws one outcome per contact: each share's `outcome` is taken by `percent` percent of the contacts, at random and independently of earlier contacts. The shares must add up to 100 and name distinct outcomes (lint CF210, CF211); a share of 0 is never taken. The service draws uniformly at random; the simulator and flow tests draw from their seeded random source, so the same seed takes the same outcome every run. The trace notes the draw and the outcome taken.",
  flowTypes: ALL_FLOWS,
  settingsSchema: {
    type: 'object',
    properties: {
      shares: {
        description:
          'Shares of contacts (2 to 10); their percents add up to 100 (CF210) and their outcomes are distinct (CF211).',
        type: 'array',
        minItems: 2,
        maxItems: 10,
        items: {
          type: 'object',
          properties: {
            outcome: {
              description:
                'Outcome taken by this share: a name starting with a lower-case letter, at most 40 characters. Wire it in `next`.',
              type: 'string',
              pattern: '^[a-z][A-Za-z0-9]*$',
              maxLength: 40,
            },
            percent: {
              description:
                'Percent of contacts (0 to 100) that take this outcome, drawn at random per contact; 0 is never taken.',
              type: 'number',
              minimum: 0,
              maximum: 100,
            },
          },
          required: ['outcome', 'percent'],
          additionalProperties: false,
        },
      },
    },
    required: ['shares'],
    additionalProperties: false,
  },
  outcomeNames: ['<share outcome>'],
  outcomes: (s) => {
    // A name written twice (CF211) is one outcome.
    const names = [...new Set(percentShares(s).map((share) => share.outcome))];
    return names.map((name) => {
      const percent = percentShares(s)
        .filter((share) => share.outcome === name)
        .reduce((sum, share) => sum + share.percent, 0);
      return outcome(name, `${name} (${percent}%)`);
    });
  },
  terminal: false,
  waits: () => false,
  defaults: () => ({
    shares: [
      { outcome: 'a', percent: 50 },
      { outcome: 'b', percent: 50 },
    ],
  }),
  summary: (s) =>
    percentShares(s)
      .map((share) => `${share.outcome} ${share.percent}%`)
      .join(' / '),
  references: () => [],
  form: [{ key: 'shares', label: 'Shares', widget: 'percentShares' }],
});
