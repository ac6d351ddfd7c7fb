import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.js';
import {
  menuFlow,
  resources,
  resourcesWithWhispers,
  supportQueueFlow,
  whisperFlows,
} from './test-support/fixtures.js';

const CALLER = '+12015550199';

function queued(options: { agents?: Record<string, 'Available' | 'Offline'> } = {}) {
  const sim = createSimulator({
    flows: [menuFlow(), supportQueueFlow(), ...whisperFlows()],
    resources: resourcesWithWhispers(),
    ...(options.agents ? { agents: options.agents } : {}),
  });
  const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
  sim.advance(2);
  sim.press(id, '2');
  return { sim, id };
}

describe('queues, offers and whispers', () => {
  it('plays the customer-queue flow while the caller waits (position, then hold music, looping)', () => {
    const { sim, id } = queued();
    sim.advance(70);
    expect(sim.snapshot(id)?.status).toBe('queued');
    const heard = sim.heard(id);
    // status (3 s) + hold (30 s) per round: rounds start at 2, 35 and 68 s.
    expect(heard.filter((t) => t === 'You are number 1 in the queue.')).toHaveLength(3);
    expect(heard).toContain('hold music');
  });

  it('offers the contact to an Available agent with the popover, then whispers and bridges', () => {
    const { sim, id } = queued();
    sim.advance(5);
    const alice = sim.agent('alice');
    alice.setState('Available');
    expect(alice.offer).toMatchObject({
      type: 'offerToAgent',
      queue: 'support',
      title: 'Support',
      kind: 'call',
    });
    expect(alice.contactId).toBe(id);
    alice.accept();
    expect(sim.heard(id, 'agent')).toEqual([`Support call from ${CALLER}.`]);
    sim.advance(5);
    expect(sim.heard(id).at(-1)).toBe('You are now connected to alice.');
    sim.advance(5);
    const s = sim.snapshot(id);
    expect(s?.status).toBe('connected');
    expect(s?.stack).toEqual([]);
    // The customer-queue flow's hold timer went with it.
    expect(s?.timers).toEqual([]);
    expect(
      sim.events.some((e) => e.type === 'bridge' && (e.detail as { agent?: string }).agent === 'alice'),
    ).toBe(true);
    expect(alice.state).toBe('Busy');
  });

  it('offers to the agent idle longest first', () => {
    const { sim, id: first } = queued();
    sim.agent('bob').setState('Available');
    // bob is offered at once; a second caller goes to alice, who became available later.
    expect(sim.agent('bob').offer).toBeDefined();
    expect(sim.agent('bob').contactId).toBe(first);
    const sim2 = createSimulator({
      flows: [menuFlow(), supportQueueFlow()],
      resources: resources(),
      agents: { alice: 'Available', bob: 'Available' },
    });
    sim2.advance(30);
    sim2.agent('alice').setState('Offline');
    sim2.agent('alice').setState('Available');
    const id = sim2.startCall({ flow: 'main', to: '+1' });
    sim2.advance(2);
    sim2.press(id, '2');
    expect(sim2.agent('bob').offer).toBeDefined();
    expect(sim2.agent('bob').contactId).toBe(id);
    expect(sim2.agent('alice').offer).toBeUndefined();
  });

  it('RONA: an ignored offer sets the agent to RONA and the contact goes to the next agent', () => {
    const { sim, id } = queued();
    sim.agent('alice').setState('Available');
    sim.agent('alice').ignore();
    expect(sim.agent('alice').state).toBe('RONA');
    expect(sim.snapshot(id)?.status).toBe('queued');
    sim.agent('bob').setState('Available');
    expect(sim.agent('bob').offer).toBeDefined();
    expect(sim.agent('bob').contactId).toBe(id);
  });

  it('RONA after the offer timeout, by the engine timer', () => {
    const { sim, id } = queued();
    sim.agent('alice').setState('Available');
    sim.advance(16);
    expect(sim.agent('alice').state).toBe('RONA');
    expect(sim.snapshot(id)?.status).toBe('queued');
    expect(sim.trace(id).some((t) => t.note?.includes('did not answer in time'))).toBe(true);
  });

  it('keeps the place in the queue after RONA', () => {
    const sim = createSimulator({ flows: [menuFlow(), supportQueueFlow()], resources: resources() });
    const first = sim.startCall({ flow: 'main', to: '+1', contactId: 'first' });
    sim.advance(2);
    sim.press(first, '2');
    sim.advance(10);
    const second = sim.startCall({ flow: 'main', to: '+1', contactId: 'second' });
    sim.advance(2);
    sim.press(second, '2');
    sim.agent('alice').setState('Available');
    expect(sim.agent('alice').offer?.ref.startsWith('first')).toBe(true);
    sim.agent('alice').ignore();
    sim.agent('bob').setState('Available');
    expect(sim.agent('bob').offer?.ref.startsWith('first')).toBe(true);
  });

  it('takes atCapacity when the queue is full', () => {
    const r = resources();
    r.queues.support = { ...r.queues.support!, maxContacts: 1 };
    const sim = createSimulator({ flows: [menuFlow(), supportQueueFlow()], resources: r });
    const a = sim.startCall({ flow: 'main', to: '+1' });
    const b = sim.startCall({ flow: 'main', to: '+1' });
    sim.advance(2);
    sim.press(a, '2');
    sim.press(b, '2');
    expect(sim.trace(b).some((t) => t.block === 'transfer' && t.outcome === 'atCapacity')).toBe(true);
  });

  it('a caller who hangs up in the queue leaves it and is never offered', () => {
    const { sim, id } = queued();
    sim.hangUp(id);
    expect(sim.acd.isQueued(id)).toBe(false);
    sim.agent('alice').setState('Available');
    expect(sim.agent('alice').offer).toBeUndefined();
    expect(sim.snapshot(id)?.status).toBe('ended');
  });

  it('a caller who hangs up while offered frees the agent without RONA', () => {
    const { sim, id } = queued();
    sim.agent('alice').setState('Available');
    sim.hangUp(id);
    expect(sim.agent('alice').state).toBe('Available');
    expect(sim.agent('alice').offer).toBeUndefined();
  });

  it('the agent goes to wrap-up when the call ends, and takes the next call after wrap-up', () => {
    const { sim, id } = queued();
    sim.agent('alice').setState('Available');
    sim.agent('alice').accept();
    sim.advance(20);
    sim.agent('alice').hangUp();
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.agent('alice').state).toBe('WrapUp');
    const next = sim.startCall({ flow: 'main', to: '+1' });
    sim.advance(2);
    sim.press(next, '2');
    expect(sim.agent('alice').offer).toBeUndefined();
    sim.agent('alice').wrapUp('resolved');
    expect(sim.agent('alice').offer).toBeDefined();
    expect(sim.agent('alice').contactId).toBe(next);
  });
});

describe('blocks left without an outcome', () => {
  it('names in the trace the blocks a call leaves when an agent takes it (traffic counts read it)', () => {
    const { sim, id } = queued();
    sim.advance(5);
    sim.agent('alice').setState('Available');
    sim.agent('alice').accept();
    sim.advance(10);
    expect(sim.snapshot(id)?.status).toBe('connected');
    const left = sim.trace(id).flatMap((e) => e.left ?? []);
    // The customer-queue flow goes when the agent accepts; the caller's own flow once connected.
    expect(left).toEqual([
      { flowId: 'support-queue', block: 'hold' },
      { flowId: 'main', block: 'transfer' },
    ]);
  });

  it('names none for a call that hangs up where it waits (the hang-up closes the block)', () => {
    const { sim, id } = queued();
    sim.advance(5);
    sim.hangUp(id);
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.trace(id).some((e) => e.left)).toBe(false);
  });
});
