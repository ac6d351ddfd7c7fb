import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

const tierFlow = (tier = 'silver') =>
  flow(
    'c',
    'inbound',
    'check',
    {
      check: block(
        'checkVariable',
        {
          rules: [
            { outcome: 'gold', when: { variable: 'tier', operator: 'equals', value: { value: 'gold' } } },
            { outcome: 'silver', when: { variable: 'tier', operator: 'equals', value: { value: 'silver' } } },
          ],
        },
        { gold: 'bye', silver: 'bye', noMatch: 'bye', error: 'bye' },
      ),
      bye: end(),
    },
    { variables: { tier: { type: 'string', default: tier } } },
  );

describe('checkVariable', () => {
  it('takes the outcome of the first rule that holds, reading the declared default', () => {
    expect(run(tierFlow()).outcome('check')).toBe('silver');
  });

  it('takes noMatch when no rule holds', () => {
    expect(run(tierFlow('bronze')).outcome('check')).toBe('noMatch');
  });
});
