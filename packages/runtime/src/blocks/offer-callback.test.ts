import { describe, expect, it } from 'vitest';
import { callbackQueueFlow, menuFlow, resources } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';

const CALLER = '+12015550199';

function queuedCaller() {
  const sim = createSimulator({ flows: [menuFlow(), callbackQueueFlow()], resources: resources() });
  const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
  sim.advance(2);
  sim.press(id, '2');
  sim.advance(1);
  return { sim, id, outcome: () => sim.trace(id).find((t) => t.block === 'offer' && t.outcome)?.outcome };
}

describe('offerCallback', () => {
  it('confirms the caller’s own number and takes accepted', () => {
    const { sim, id, outcome } = queuedCaller();
    sim.press(id, '1');
    sim.advance(1);
    sim.press(id, '1');
    expect(sim.heard(id)).toContain(`Press 1 to be called back on ${CALLER}, or 2 for another number.`);
    expect(outcome()).toBe('accepted');
    expect(sim.snapshot(id)?.system.callbackNumber).toBe(CALLER);
  });

  it('takes timeout when the caller does not answer the offer', () => {
    const { sim, outcome } = queuedCaller();
    sim.advance(20);
    expect(outcome()).toBe('timeout');
  });

  it('takes invalidNumber for a number keyed in outside the allowed countries', () => {
    const { sim, id, outcome } = queuedCaller();
    sim.press(id, '1');
    sim.press(id, '2');
    sim.press(id, '+442079460958#');
    expect(outcome()).toBe('invalidNumber');
  });
});
