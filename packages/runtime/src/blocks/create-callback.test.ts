import { describe, expect, it } from 'vitest';
import { callbackQueueFlow, menuFlow, resources } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';

describe('createCallback', () => {
  it('creates a callback request in the queue for the confirmed number, and takes success', () => {
    const sim = createSimulator({ flows: [menuFlow(), callbackQueueFlow()], resources: resources() });
    const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    sim.advance(1);
    sim.press(id, '1');
    sim.advance(1);
    sim.press(id, '1');
    sim.advance(10);
    expect(sim.trace(id).find((t) => t.block === 'create')?.outcome).toBe('success');
    const created = sim.events.find((e) => e.type === 'createCallback')?.detail as {
      request: { id: string; number: string; queue: string; maxAttempts: number };
    };
    expect(created.request).toMatchObject({ number: '+12015550199', queue: 'support', maxAttempts: 2 });
    expect(sim.acd.isQueued(created.request.id)).toBe(true);
    expect(sim.heard(id).at(-1)).toBe('We will call you back.');
  });
});
