import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.js';
import { menuFlow, resources, supportQueueFlow } from './test-support/fixtures.js';

function connected() {
  const main = menuFlow();
  main.variables = {
    note: { type: 'string', agentViewable: true, agentEditable: true, label: 'Note', default: '' },
    tier: { type: 'string', agentViewable: true, label: 'Tier', default: 'basic' },
    pin: { type: 'string', secure: true, agentEditable: true, agentViewable: true },
  };
  main.popover = ['tier', 'note', 'pin'];
  const sim = createSimulator({
    flows: [main, supportQueueFlow()],
    resources: resources(),
    agents: { alice: 'Available', bob: 'Available' },
  });
  const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
  sim.advance(2);
  sim.press(id, '2');
  return { sim, id };
}

const answers = (sim: ReturnType<typeof connected>['sim']) =>
  sim.events.filter((e) => e.type === 'variableUpdate' && e.direction === 'command').map((e) => e.detail);

describe('call-associated data edited by agents', () => {
  it('shows the popover in admin order without secure variables', () => {
    const { sim, id } = connected();
    const agent = sim.agent('alice').offer ? sim.agent('alice') : sim.agent('bob');
    expect(agent.contactId).toBe(id);
    expect(agent.offer?.popover).toEqual([
      { label: 'Tier', name: 'tier', value: 'basic' },
      { label: 'Note', name: 'note', value: '' },
    ]);
  });

  it('first save wins; the second agent is told the value now held', () => {
    const { sim, id } = connected();
    const agent = sim.agent('alice').offer ? 'alice' : 'bob';
    sim.agent(agent).accept();
    sim.advance(5);
    sim.agent(agent).editVariable('note', 'wants a refund', 0);
    sim.send(id, { type: 'updateVariable', agent: 'supervisor', name: 'note', value: 'angry', version: 0 });
    expect(answers(sim)).toEqual([
      expect.objectContaining({ agent, result: 'saved', version: 1, value: 'wants a refund' }),
      expect.objectContaining({
        agent: 'supervisor',
        result: 'conflict',
        version: 1,
        value: 'wants a refund',
      }),
    ]);
    expect(sim.snapshot(id)?.variables.note).toBe('wants a refund');
  });

  it('refuses edits of variables that are not agent editable, and values over 256 characters', () => {
    const { sim, id } = connected();
    sim.send(id, { type: 'updateVariable', agent: 'alice', name: 'tier', value: 'gold', version: 0 });
    sim.send(id, {
      type: 'updateVariable',
      agent: 'alice',
      name: 'note',
      value: 'x'.repeat(257),
      version: 0,
    });
    expect(answers(sim).map((a) => (a as { result: string }).result)).toEqual(['refused', 'refused']);
    expect(sim.snapshot(id)?.variables.tier).toBeUndefined();
  });

  it('never tells a conflicting agent the value of a secure variable, and never traces it', () => {
    const { sim, id } = connected();
    sim.send(id, { type: 'updateVariable', agent: 'alice', name: 'pin', value: '4321', version: 0 });
    sim.send(id, { type: 'updateVariable', agent: 'bob', name: 'pin', value: '9999', version: 0 });
    const conflict = answers(sim)[1] as { result: string; value?: unknown };
    expect(conflict.result).toBe('conflict');
    expect(conflict.value).toBeUndefined();
    expect(JSON.stringify(sim.trace(id))).not.toContain('4321');
  });
});
