import { describe, expect, it } from 'vitest';
import { block, flow, menuFlow, resources, supportQueueFlow } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { end, run } from './test-support/run-block.js';

describe('transferToQueue', () => {
  it('queues the contact in the working queue and runs the queue’s customer-queue flow', () => {
    const sim = createSimulator({ flows: [menuFlow(), supportQueueFlow()], resources: resources() });
    const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    expect(sim.snapshot(id)?.status).toBe('queued');
    expect(sim.snapshot(id)?.queue?.name).toBe('support');
    expect(sim.snapshot(id)?.stack.map((f) => f.kind)).toEqual(['main', 'customerQueue']);
  });

  it('takes error without a working queue, and atCapacity when the queue is full', () => {
    const none = flow('n', 'inbound', 't', {
      t: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
      bye: end(),
    });
    expect(run(none).outcome('t')).toBe('error');
    const full = resources();
    full.queues.support = { ...full.queues.support!, maxContacts: 0 };
    const f = flow('f', 'inbound', 'q', {
      q: block('setWorkingQueue', { queue: 'support' }, { success: 't', error: 'bye' }),
      t: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
      bye: end(),
    });
    expect(run(f, { resources: full }).outcome('t')).toBe('atCapacity');
  });
});
