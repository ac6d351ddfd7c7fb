import { describe, expect, it } from 'vitest';
import {
  menuFlow,
  resourcesWithWhispers,
  supportQueueFlow,
  whisperFlows,
} from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';

describe('endFlow', () => {
  it('ends a whisper flow: the next whisper runs, then the agent and the caller are connected', () => {
    const sim = createSimulator({
      flows: [menuFlow(), supportQueueFlow(), ...whisperFlows()],
      resources: resourcesWithWhispers(),
    });
    const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    sim.advance(5);
    const alice = sim.agent('alice');
    alice.setState('Available');
    alice.accept();
    sim.advance(15);
    const ends = sim.trace(id).filter((t) => t.blockType === 'endFlow');
    expect(ends.map((t) => t.flowId)).toEqual(['agent-hello', 'customer-hello']);
    expect(sim.snapshot(id)?.status).toBe('connected');
  });
});
