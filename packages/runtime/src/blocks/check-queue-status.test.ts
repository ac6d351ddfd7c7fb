import { describe, expect, it } from 'vitest';
import { block, flow, resources } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { end, run } from './test-support/run-block.js';

const rule = (outcome: string, variable: string, operator: string, value: unknown) => ({
  outcome,
  when: { variable, operator, value: { value } },
});

/** Checks `queue` (or the working queue, set to support first) and ends whichever rule holds. */
const checking = (settings: Record<string, unknown>) =>
  flow('c', 'inbound', 'set', {
    set: block('setWorkingQueue', { queue: 'support' }, { success: 'check', error: 'bye' }),
    check: block('checkQueueStatus', settings, {
      open: 'bye',
      closed: 'bye',
      busy: 'bye',
      noMatch: 'bye',
      error: 'bye',
    }),
    bye: end(),
  });

describe('checkQueueStatus', () => {
  it('branches on the working queue’s staffing: no agent online, then one available', () => {
    const f = checking({
      rules: [
        rule('closed', 'agentsStaffed', 'equals', 0),
        rule('open', 'agentsAvailable', 'greaterThan', 0),
      ],
    });
    expect(run(f).outcome('check')).toBe('closed');
    expect(run(f, { agents: { alice: 'Available' } }).outcome('check')).toBe('open');
    // Online but not working (missed an offer) is not staffed.
    expect(run(f, { agents: { alice: 'RONA' } }).outcome('check')).toBe('closed');
    const online = checking({ rules: [rule('open', 'agentsOnline', 'equals', 1)] });
    expect(run(online, { agents: { alice: 'RONA' } }).outcome('check')).toBe('open');
  });

  it('reads a named queue’s agents: sales is staffed by bob only', () => {
    const f = checking({ queue: 'sales', rules: [rule('open', 'agentsOnline', 'equals', 1)] });
    expect(run(f, { agents: { alice: 'Available' } }).outcome('check')).toBe('noMatch');
    expect(run(f, { agents: { bob: 'Busy' } }).outcome('check')).toBe('open');
  });

  it('sees the contacts waiting, the oldest one’s age and the estimated wait, noted in the trace', () => {
    const waiter = flow('w', 'inbound', 's', {
      s: block('setWorkingQueue', { queue: 'sales' }, { success: 'q', error: 'bye' }),
      q: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
      bye: end(),
    });
    const f = checking({
      queue: 'sales',
      rules: [
        {
          outcome: 'busy',
          when: {
            all: [
              { variable: 'contactsInQueue', operator: 'equals', value: { value: 1 } },
              { variable: 'oldestContactAgeSeconds', operator: 'greaterThanOrEqual', value: { value: 90 } },
              { variable: 'estimatedWaitSeconds', operator: 'greaterThan', value: { variable: 'limit' } },
            ],
          },
        },
      ],
    });
    f.variables = { limit: { type: 'integer', default: 300 } };
    const sim = createSimulator({ flows: [waiter, f], resources: resources(), agents: { bob: 'Busy' } });
    sim.startCall({ flow: 'w', from: '+12015550199', to: '+12015550100' });
    const early = sim.startCall({ flow: 'c', from: '+12015550198', to: '+12015550100' });
    sim.advance(90);
    const late = sim.startCall({ flow: 'c', from: '+12015550197', to: '+12015550100' });
    const taken = (id: string) => sim.trace(id).find((t) => t.block === 'check');
    expect(taken(early)?.outcome).toBe('noMatch');
    expect(taken(late)?.outcome).toBe('busy');
    // One contact waiting for the one staffed agent, 180 s each: one joining now would wait 360 s.
    expect(JSON.stringify(taken(late))).toContain(
      'queue \\"sales\\": agentsOnline 1, agentsStaffed 1, agentsAvailable 0, contactsInQueue 1, oldestContactAgeSeconds 90, estimatedWaitSeconds 360',
    );
  });

  it('takes error without a queue, or for a queue resources do not have', () => {
    const none = flow('n', 'inbound', 'check', {
      check: block(
        'checkQueueStatus',
        { rules: [rule('open', 'agentsOnline', 'greaterThan', 0)] },
        { open: 'bye', noMatch: 'bye', error: 'bye' },
      ),
      bye: end(),
    });
    expect(run(none).outcome('check')).toBe('error');
    const unknown = checking({ queue: 'billing', rules: [rule('open', 'agentsOnline', 'greaterThan', 0)] });
    expect(run(unknown).outcome('check')).toBe('error');
  });
});
