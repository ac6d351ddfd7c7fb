import { describe, expect, it } from 'vitest';
import { menuFlow, resources, supportQueueFlow } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';

/** A caller waiting in support, offered to alice; bob (also in support) is Available too. */
function offeredToAlice() {
  const sim = createSimulator({
    flows: [menuFlow(), supportQueueFlow()],
    resources: resources(),
    agents: { alice: 'Available', bob: 'Available' },
  });
  const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
  sim.advance(2);
  sim.press(id, '2');
  expect(sim.agent('alice').contactId).toBe(id);
  return { sim, id };
}

describe('an agent leaving with an offer on screen', () => {
  it.each(['Offline', 'Busy'] as const)(
    'going %s declines it: the contact is offered to the next agent at once',
    (state) => {
      const { sim, id } = offeredToAlice();
      sim.agent('alice').setState(state);
      expect(sim.agent('alice')).toMatchObject({ state, offer: undefined, contactId: undefined });
      expect(sim.snapshot(id)?.queue?.offer?.agent).toBe('bob');
      expect(sim.agent('bob').contactId).toBe(id);
    },
  );

  it('going Offline leaves the contact waiting in its queue when nobody else is free', () => {
    const { sim, id } = offeredToAlice();
    sim.agent('bob').setState('Offline');
    sim.agent('alice').setState('Offline');
    expect(sim.snapshot(id)?.status).toBe('queued');
    expect(sim.snapshot(id)?.queue?.offer).toBeUndefined();
    // Its offer timer is gone with the offer: alice is not turned RONA later.
    sim.advance(60);
    expect(sim.agent('alice').state).toBe('Offline');
  });
});
