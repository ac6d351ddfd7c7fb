import { describe, expect, it } from 'vitest';
import { block, flow, menuFlow, resources, supportQueueFlow } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { end, run } from './test-support/run-block.js';

describe('playQueueStatus', () => {
  it('tells a queued caller their position', () => {
    const sim = createSimulator({ flows: [menuFlow(), supportQueueFlow()], resources: resources() });
    const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    sim.advance(5);
    expect(sim.heard(id)).toContain('You are number 1 in the queue.');
  });

  it('takes error for a contact that is not in a queue', () => {
    const f = flow('s', 'inbound', 'status', {
      status: block('playQueueStatus', { say: 'both' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    expect(run(f).outcome('status')).toBe('error');
  });
});
