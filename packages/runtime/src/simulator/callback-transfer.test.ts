import { describe, expect, it } from 'vitest';
import { resources, supportQueueFlow } from '../engine/test-support/fixtures.js';
import { createSimulator } from './simulator.js';

const CUSTOMER = '+12015550142';
const OTHER = '+12015550143';

/** A center with one line: a connected callback takes it. */
function oneLineCenter(persist = false) {
  const base = resources();
  return createSimulator({
    flows: [supportQueueFlow()],
    resources: resources({ account: { ...base.account, maxConcurrentCalls: 1 } }),
    agents: { alice: 'Available' },
    persist,
  });
}

describe('a transferred callback in the simulated center', () => {
  it.each([
    ['in memory', false],
    ['stored between steps', true],
  ])(
    'keeps its line while it waits as a call, and is offered although the center is full (%s)',
    (_how, persist) => {
      const sim = oneLineCenter(persist);
      const id = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
      sim.agent('alice').accept();
      sim.advance(3);
      expect(sim.capacity()).toMatchObject({ liveCalls: 1, atCapacity: true });
      // Another request waits for a free line behind it.
      const waiting = sim.webCallback({ name: 'Eve', number: OTHER, queue: 'support' });

      expect(sim.agent('alice').transfer({ queue: 'support' }).result).toBe('transferred');
      expect(sim.capacity()).toMatchObject({ liveCalls: 1, atCapacity: true });
      // The customer is on the line already: bob is offered the call at once, with no line to spare.
      sim.agent('bob').setState('Available');
      expect(sim.agent('bob').offer).toMatchObject({ kind: 'call', title: 'Support' });
      expect(sim.agent('bob').contactId).toBe(id);
      sim.agent('bob').accept();
      expect(sim.snapshot(id)).toMatchObject({ status: 'connected', queue: { agent: 'bob' } });
      expect(sim.snapshot(waiting)?.status).toBe('queued');

      // The customer hangs up on bob: the line is free and the waiting request goes.
      sim.hangUp(id);
      expect(sim.snapshot(id)?.status).toBe('ended');
      expect(sim.capacity().liveCalls).toBe(0);
      expect(sim.agent('bob').state).toBe('WrapUp');
      sim.agent('alice').wrapUp();
      expect(sim.agent('alice').offer).toMatchObject({ kind: 'callback', title: 'Callback' });
      expect(sim.agent('alice').contactId).toBe(waiting);
    },
  );
});
