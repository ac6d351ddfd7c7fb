import { describe, expect, it } from 'vitest';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  inboundFlow,
  withBlocks,
} from './test-support/lint-fixtures.js';

const checking = (settings: Record<string, unknown>) =>
  withBlocks(
    inboundFlow(),
    {
      check: block('checkQueueStatus', settings, {
        closed: 'set-queue',
        noMatch: 'set-queue',
        error: 'set-queue',
      }),
    },
    { block: 'greeting', outcome: 'success', to: 'check' },
  );

const closedWhen = (when: Record<string, unknown>, queue?: string) =>
  checking({ ...(queue ? { queue } : {}), rules: [{ outcome: 'closed', when }] });

describe('Check queue status in lint', () => {
  it('takes the queue figures its conditions name as known integers, not undeclared variables', () => {
    const flow = closedWhen({ variable: 'agentsStaffed', operator: 'equals', value: { value: 0 } }, 'sales');
    expectNoProblem(flow, 'CF306');
    expectNoProblem(flow, 'CF307');
  });

  it('reports a figure compared with a value of another type (CF307), at the value', () => {
    const p = expectOneProblem(
      closedWhen({ variable: 'oldestContactAgeSeconds', operator: 'greaterThan', value: { value: 'long' } }),
      { code: 'CF307', path: '/blocks/check/settings/rules/0/when/value/value', blockId: 'check' },
    );
    expect(p.message).toContain('rule 1');
  });

  it('reports a name that is neither a figure nor a declared variable (CF306) and a queue resources lack', () => {
    expectOneProblem(closedWhen({ variable: 'agentsAvailble', operator: 'equals', value: { value: 0 } }), {
      code: 'CF306',
      path: '/blocks/check/settings/rules/0/when/variable',
      blockId: 'check',
    });
    const unknownQueue = closedWhen(
      { variable: 'agentsOnline', operator: 'equals', value: { value: 0 } },
      'billing',
    );
    expectOneProblem(unknownQueue, { code: 'CF300', path: '/blocks/check/settings/queue', blockId: 'check' });
  });
});
