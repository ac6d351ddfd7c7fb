import { describe, expect, it } from 'vitest';
import { resources } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import type { AgentState } from './acd.js';
import { AGENT_NOT_AVAILABLE, AgentNotAvailableError } from './agent-readiness.js';

const CUSTOMER = '+12015550142';

function center(state: AgentState) {
  return createSimulator({ flows: [], resources: resources(), agents: { alice: state } });
}

function refusal(run: () => unknown): AgentNotAvailableError {
  try {
    run();
  } catch (error) {
    if (error instanceof AgentNotAvailableError) return error;
    throw error;
  }
  throw new Error('the call was placed');
}

describe("an agent's own call (agent-initiated callback)", () => {
  it.each(['Offline', 'RONA', 'WrapUp'] as const)(
    'is refused to a %s agent, and nothing is placed',
    (state) => {
      const sim = center(state);
      const error = refusal(() => sim.agentCallback({ agent: 'alice', number: CUSTOMER, queue: 'support' }));
      expect(error).toMatchObject({ code: AGENT_NOT_AVAILABLE, agent: 'alice', state });
      expect(sim.agent('alice').state).toBe(state);
      expect(sim.agent('alice').contactId).toBeUndefined();
      expect(sim.events.filter((e) => e.type === 'dial')).toEqual([]);
    },
  );

  it('is refused to an agent who has a contact offered to them', () => {
    const sim = center('Available');
    const first = sim.webCallback({ name: 'Ann', number: CUSTOMER, queue: 'support' });
    expect(sim.agent('alice').offer?.ref).toBeDefined();
    expect(sim.agent('alice').contactId).toBe(first);
    const error = refusal(() => sim.agentCallback({ agent: 'alice', number: '+12015550143' }));
    expect(error.reason).toBe('alice has a contact offered to them');
    expect(sim.agent('alice').contactId).toBe(first);
  });

  it.each(['Available', 'Busy'] as const)('is placed by a %s agent, who is Busy on it', (state) => {
    const sim = center(state);
    const id = sim.agentCallback({ agent: 'alice', number: CUSTOMER, queue: 'support' });
    expect(sim.agent('alice')).toMatchObject({ state: 'Busy', contactId: id });
  });
});
