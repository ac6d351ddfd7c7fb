import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('setVariables and checkVariable', () => {
  const variables = {
    tier: { type: 'string' as const },
    visits: { type: 'integer' as const, default: 0 },
  };
  it('assigns converted values and branches on the first rule that holds', () => {
    const f = flow(
      'v',
      'inbound',
      'set',
      {
        set: block(
          'setVariables',
          {
            assignments: [
              { variable: 'tier', value: { value: 'gold' } },
              { variable: 'visits', value: { value: '3' } },
            ],
          },
          { success: 'check', error: 'bye' },
        ),
        check: block(
          'checkVariable',
          {
            rules: [
              {
                outcome: 'silver',
                when: { variable: 'tier', operator: 'equals', value: { value: 'silver' } },
              },
              {
                outcome: 'loyal',
                when: {
                  all: [
                    { variable: 'tier', operator: 'equals', value: { value: 'gold' } },
                    { variable: 'visits', operator: 'greaterThan', value: { value: 2 } },
                  ],
                },
              },
            ],
          },
          { silver: 'bye', loyal: 'bye', noMatch: 'bye' },
        ),
        bye: end(),
      },
      { variables },
    );
    const { sim, id, outcome } = run(f);
    expect(outcome('check')).toBe('loyal');
    expect(sim.snapshot(id)?.variables).toMatchObject({ tier: 'gold', visits: 3 });
  });

  it('takes error and leaves the variable unchanged for a value that does not convert', () => {
    const f = flow(
      'v',
      'inbound',
      'set',
      {
        set: block(
          'setVariables',
          { assignments: [{ variable: 'visits', value: { value: 'many' } }] },
          { success: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables },
    );
    const { sim, id, outcome } = run(f);
    expect(outcome('set')).toBe('error');
    expect(sim.snapshot(id)?.variables.visits).toBeUndefined();
    expect(sim.trace(id).find((t) => t.block === 'set')?.note).toMatch(/visits not set/);
  });
});

describe('secure variables', () => {
  it('never quotes a refused value of a secure variable in the trace', () => {
    const f = flow(
      's',
      'inbound',
      'set',
      {
        set: block(
          'setVariables',
          { assignments: [{ variable: 'pin', value: { value: '12ab-secret' } }] },
          { success: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables: { pin: { type: 'integer', secure: true } } },
    );
    const { sim, id, outcome } = run(f);
    expect(outcome('set')).toBe('error');
    expect(JSON.stringify(sim.trace(id))).not.toContain('12ab-secret');
  });
});
