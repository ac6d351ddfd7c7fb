import { describe, expect, it } from 'vitest';
import { checkFlowText } from '../check.js';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  inboundFlow,
  withBlocks,
} from './test-support/lint-fixtures.js';

const splitting = (shares: { outcome: string; percent: number }[]) =>
  withBlocks(
    inboundFlow(),
    {
      split: block(
        'distributeByPercentage',
        { shares },
        Object.fromEntries(shares.map((s) => [s.outcome, 'set-queue'])),
      ),
    },
    { block: 'greeting', outcome: 'success', to: 'split' },
  );

describe('CF210 shares add up to 100', () => {
  it('reports shares that add up to less or more than 100, at the shares', () => {
    for (const [a, b, total] of [
      [10, 80, '90'],
      [60, 50, '110'],
    ] as const) {
      const p = expectOneProblem(
        splitting([
          { outcome: 'trial', percent: a },
          { outcome: 'usual', percent: b },
        ]),
        { code: 'CF210', path: '/blocks/split/settings/shares', blockId: 'split' },
      );
      expect(p.message).toContain(`add up to ${total}%`);
    }
  });

  it('accepts 100, decimals included', () => {
    expectNoProblem(
      splitting([
        { outcome: 'a', percent: 33.3 },
        { outcome: 'b', percent: 33.3 },
        { outcome: 'c', percent: 33.4 },
      ]),
      'CF210',
    );
    expectNoProblem(
      splitting([
        { outcome: 'off', percent: 0 },
        { outcome: 'on', percent: 100 },
      ]),
      'CF210',
    );
  });
});

describe('CF211 distinct outcomes', () => {
  it('reports a share naming an outcome another share took, at its outcome', () => {
    const p = expectOneProblem(
      splitting([
        { outcome: 'a', percent: 50 },
        { outcome: 'b', percent: 25 },
        { outcome: 'a', percent: 25 },
      ]),
      { code: 'CF211', path: '/blocks/split/settings/shares/2/outcome', blockId: 'split' },
    );
    expect(p.message).toContain('"a"');
  });
});

describe('Distribute by percentage in the schema', () => {
  it('refuses a share below 0 or above 100, located at the percent', () => {
    const flow = splitting([
      { outcome: 'a', percent: -5 },
      { outcome: 'b', percent: 105 },
    ]);
    const { problems } = checkFlowText(JSON.stringify(flow));
    const ranges = problems.filter((p) => p.code === 'CF105').map((p) => p.path);
    expect(ranges).toEqual(
      expect.arrayContaining([
        '/blocks/split/settings/shares/0/percent',
        '/blocks/split/settings/shares/1/percent',
      ]),
    );
  });

  it('wires one outcome per share, each required (CF202)', () => {
    const flow = splitting([
      { outcome: 'a', percent: 50 },
      { outcome: 'b', percent: 50 },
    ]);
    delete flow.blocks.split!.next!.b;
    const p = expectOneProblem(flow, { code: 'CF202', path: '/blocks/split/next', blockId: 'split' });
    expect(p.data).toEqual({ outcome: 'b' });
  });
});
