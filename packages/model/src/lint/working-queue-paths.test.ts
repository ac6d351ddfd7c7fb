import { describe, expect, it } from 'vitest';
import type { Flow } from '../flow.js';
import { block } from './test-support/lint-fixtures.js';
import { workingQueuesOnPaths } from './working-queue-paths.js';

/** Open: support queue, then the transfer; closed: straight to it; hours error: sales, then it. */
function hoursFlow(): Flow {
  return {
    formatVersion: 1,
    id: 'main',
    name: 'Main line',
    type: 'inbound',
    start: 'hours',
    blocks: {
      hours: block(
        'checkHours',
        { hours: 'business' },
        { open: 'set-support', closed: 'transfer', error: 'set-sales' },
      ),
      'set-support': block(
        'setWorkingQueue',
        { queue: 'support' },
        { success: 'transfer', error: 'transfer' },
      ),
      'set-sales': block('setWorkingQueue', { queue: 'sales' }, { success: 'transfer', error: 'bye' }),
      transfer: block(
        'transferToNumber',
        { to: { value: '+12025550143' }, timeoutSeconds: 30, resumeAfterDisconnect: false },
        { busy: 'bye', noAnswer: 'bye', error: 'bye' },
      ),
      bye: block('disconnect', {}),
    },
  };
}

describe('workingQueuesOnPaths', () => {
  it('gives each queue a block can be reached with, and the shortest path to it', () => {
    const at = workingQueuesOnPaths(hoursFlow()).get('transfer');
    expect(at).toEqual([
      { queue: { kind: 'none' }, path: ['hours', 'transfer'] },
      { queue: { kind: 'set', queue: 'support' }, path: ['hours', 'set-support', 'transfer'] },
      { queue: { kind: 'set', queue: 'sales' }, path: ['hours', 'set-sales', 'transfer'] },
    ]);
  });

  it('keeps the previous queue on the error outcome of Set working queue', () => {
    const flow = hoursFlow();
    flow.blocks.hours!.next = { open: 'set-support', closed: 'set-support', error: 'set-support' };
    flow.blocks['set-support']!.next = { success: 'bye', error: 'transfer' };
    expect(workingQueuesOnPaths(flow).get('transfer')).toEqual([
      { queue: { kind: 'none' }, path: ['hours', 'set-support', 'transfer'] },
    ]);
  });

  it('follows loops once per queue and reaches blocks after the loop', () => {
    const flow = hoursFlow();
    flow.blocks.transfer!.next = { busy: 'set-sales', noAnswer: 'bye', error: 'bye' };
    flow.blocks['set-sales']!.next = { success: 'transfer', error: 'bye' };
    const kinds = workingQueuesOnPaths(flow)
      .get('bye')
      ?.map((s) => s.queue);
    expect(kinds).toEqual([
      { kind: 'none' },
      { kind: 'set', queue: 'support' },
      { kind: 'set', queue: 'sales' },
    ]);
  });

  it('in a customer-queue flow the caller waits in a queue, and Set working queue does not change that', () => {
    const flow = { ...hoursFlow(), type: 'customer-queue' as const };
    expect(workingQueuesOnPaths(flow).get('transfer')).toEqual([
      { queue: { kind: 'waiting' }, path: ['hours', 'transfer'] },
    ]);
  });

  it('knows nothing of blocks no path reaches, nor of a flow without its start block', () => {
    const flow = hoursFlow();
    flow.blocks.hours!.next = { open: 'bye', closed: 'bye', error: 'bye' };
    expect(workingQueuesOnPaths(flow).has('transfer')).toBe(false);
    expect(workingQueuesOnPaths({ ...flow, start: 'nowhere' }).size).toBe(0);
  });
});
