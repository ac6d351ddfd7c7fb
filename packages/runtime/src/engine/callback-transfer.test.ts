import type { Resources } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../host/acd.js';
import { createSimulator, type Simulator } from '../simulator/simulator.js';
import type { NumberBehaviour } from '../simulator/telephony.js';
import type { Command } from '../types.js';
import { block, flow, say, supportQueueFlow } from './test-support/fixtures.js';
import { salesQueueFlow, transferResources } from './test-support/transfer-fixtures.js';

const CUSTOMER = '+12015550142';
const OUTSIDE = '+14155550123';

function simulator(
  options: {
    agents?: Record<string, AgentState>;
    numbers?: Record<string, NumberBehaviour>;
    r?: Resources;
  } = {},
): Simulator {
  return createSimulator({
    flows: [supportQueueFlow(), salesQueueFlow()],
    resources: options.r ?? transferResources(),
    agents: { alice: 'Available', ...options.agents },
    ...(options.numbers ? { numbers: options.numbers } : {}),
  });
}

/** A web callback alice accepted and whose customer answered: connected to alice. */
function connectedCallback(options: Parameters<typeof simulator>[0] = {}): { sim: Simulator; id: string } {
  const sim = simulator(options);
  const id = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
  sim.agent('alice').accept();
  sim.advance(3);
  expect(sim.snapshot(id)?.status).toBe('connected');
  expect(sim.snapshot(id)?.callback?.phase).toBe('connected');
  return { sim, id };
}

function commands<T extends Command['type']>(sim: Simulator, id: string, type: T) {
  return sim.events
    .filter((e) => e.contactId === id && e.direction === 'command' && e.type === type)
    .map((e) => e.detail as Extract<Command, { type: T }>);
}

/** The customer's leg of the callback reports the end of the call (they hung up). */
function customerHangsUp(sim: Simulator, id: string): void {
  const ref = sim.snapshot(id)?.callback?.dialRef;
  if (!ref) throw new Error('no customer leg');
  sim.send(id, { type: 'dialResult', ref, result: 'completed' });
}

describe('transferring a connected callback: to a queue', () => {
  it('waits there as a call, is offered to the new team and is never dialled again', () => {
    const { sim, id } = connectedCallback();
    const answer = sim.agent('alice').transfer({ queue: 'sales' });
    expect(answer.result).toBe('transferred');
    expect(sim.agent('alice').state).toBe('WrapUp');
    const s = sim.snapshot(id);
    expect(s?.status).toBe('queued');
    expect(s?.queue).toMatchObject({ name: 'sales', exclude: ['alice'] });
    expect(s?.callback).toMatchObject({ phase: 'connected' });
    expect(s?.callback?.agent).toBeUndefined();
    // The request is complete: its expiry is gone with the agent.
    expect(s?.timers.some((t) => t.event === 'callbackExpired')).toBe(false);
    expect(commands(sim, id, 'enqueue').at(-1)).toMatchObject({ queue: 'sales', kind: 'call' });
    expect(sim.heard(id).at(-1)).toBe('Sales will be with you shortly.');
    expect(sim.trace(id).some((e) => e.note?.includes('the callback request is complete'))).toBe(true);

    sim.agent('carol').setState('Available');
    const offer = sim.agent('carol').offer;
    expect(offer).toMatchObject({ queue: 'sales', kind: 'call', title: 'Sales' });
    expect(sim.agent('carol').contactId).toBe(id);
    expect(offer?.popover).toContainEqual({
      label: 'Customer number',
      name: '$callbackNumber',
      value: CUSTOMER,
    });
    expect(offer?.popover).toContainEqual({ label: 'Name', name: 'name', value: 'Dana' });
    sim.agent('carol').accept();
    expect(sim.snapshot(id)).toMatchObject({ status: 'connected', queue: { agent: 'carol' } });
    expect(commands(sim, id, 'bridge').at(-1)).toMatchObject({ agent: 'carol' });
    sim.advance(3600);
    expect(commands(sim, id, 'dial')).toHaveLength(1);
    expect(sim.snapshot(id)?.status).toBe('connected');
  });

  it('ends when the customer hangs up while waiting in the new queue (its queue flow running)', () => {
    const { sim, id } = connectedCallback();
    sim.agent('alice').transfer({ queue: 'sales' });
    expect(sim.snapshot(id)?.stack).toHaveLength(1);
    customerHangsUp(sim, id);
    const s = sim.snapshot(id);
    expect(s).toMatchObject({ status: 'ended', endReason: 'caller hung up' });
    expect(commands(sim, id, 'dequeue').at(-1)).toMatchObject({ queue: 'sales' });
    expect(sim.acd.isQueued(id)).toBe(false);
  });

  it('ends when the customer hangs up on the agent who took the transfer', () => {
    const { sim, id } = connectedCallback({ agents: { carol: 'Available' } });
    sim.agent('alice').transfer({ queue: 'sales' });
    sim.agent('carol').accept();
    customerHangsUp(sim, id);
    expect(sim.snapshot(id)).toMatchObject({ status: 'ended', endReason: 'caller hung up' });
  });

  it('refuses an unknown or full queue; the callback stays with the agent', () => {
    const { sim, id } = connectedCallback();
    expect(sim.agent('alice').transfer({ queue: 'nowhere' })).toEqual({
      result: 'refused',
      reason: 'queue "nowhere" is not in resources',
    });
    sim.acd.enqueue('s1', 'sales', 'sales', 0, 'call');
    sim.acd.enqueue('s2', 'sales', 'sales', 0, 'call');
    expect(sim.agent('alice').transfer({ queue: 'sales' }).reason).toMatch(/queue sales is full/);
    expect(sim.snapshot(id)).toMatchObject({ status: 'connected', callback: { agent: 'alice' } });
    expect(sim.agent('alice').state).toBe('Busy');
  });
});

describe('transferring a connected callback: to an agent', () => {
  it('offers it straight to an Available agent; a RONA puts it in its queue as a call', () => {
    const { sim, id } = connectedCallback({ agents: { bob: 'Available' } });
    sim.agent('bob').setState('Available');
    const answer = sim.agent('alice').transfer({ agent: 'bob' });
    expect(answer).toMatchObject({ result: 'transferred' });
    expect(sim.agent('alice').state).toBe('WrapUp');
    expect(sim.agent('bob').offer).toMatchObject({ queue: 'support', kind: 'call', title: 'Support' });
    expect(sim.agent('bob').contactId).toBe(id);
    sim.advance(16);
    expect(sim.agent('bob').state).toBe('RONA');
    expect(sim.snapshot(id)).toMatchObject({
      status: 'queued',
      queue: { name: 'support', exclude: ['alice'] },
    });
    expect(commands(sim, id, 'enqueue').at(-1)).toMatchObject({ queue: 'support', kind: 'call' });
    sim.agent('dave').setState('Available');
    sim.agent('dave').accept();
    expect(sim.snapshot(id)).toMatchObject({ status: 'connected', queue: { agent: 'dave' } });
    expect(commands(sim, id, 'dial')).toHaveLength(1);
  });

  it.each([
    ['WrapUp', /bob is WrapUp, not Available/],
    ['Busy', /bob is Busy, not Available/],
  ] as const)('refuses a target in %s, and the agent themselves', (state, reason) => {
    const { sim, id } = connectedCallback({ agents: { bob: state } });
    expect(sim.agent('alice').transfer({ agent: 'bob' }).reason).toMatch(reason);
    expect(sim.agent('alice').transfer({ agent: 'alice' }).reason).toMatch(/to themselves/);
    expect(sim.snapshot(id)?.status).toBe('connected');
    expect(sim.agent('alice').state).toBe('Busy');
  });
});

describe('transferring a connected callback: to a number', () => {
  it('dials with the outbound caller ID of its queue (active-call rule) and bridges on answer', () => {
    const { sim, id } = connectedCallback();
    const answer = sim.agent('alice').transfer({ number: '(415) 555-0123' });
    expect(answer.result).toBe('transferred');
    expect(answer.reason).toMatch(/caller ID \+13105550122 \(queue\)/);
    expect(sim.agent('alice').state).toBe('WrapUp');
    expect(sim.snapshot(id)?.status).toBe('transferring');
    expect(commands(sim, id, 'dial').at(-1)).toMatchObject({
      purpose: 'transfer',
      to: OUTSIDE,
      callerId: '+13105550122',
    });
    sim.advance(5);
    expect(sim.snapshot(id)?.status).toBe('transferred');
  });

  it('goes to its queue as a call when the number is busy, and stops dialling if the customer hangs up', () => {
    const busy = connectedCallback({ numbers: { [OUTSIDE]: 'busy' } });
    busy.sim.agent('alice').transfer({ number: OUTSIDE });
    busy.sim.advance(2);
    expect(busy.sim.snapshot(busy.id)).toMatchObject({ status: 'queued', queue: { name: 'support' } });
    expect(commands(busy.sim, busy.id, 'enqueue').at(-1)).toMatchObject({ kind: 'call' });

    const ringing = connectedCallback({ numbers: { [OUTSIDE]: 'noAnswer' } });
    ringing.sim.agent('alice').transfer({ number: OUTSIDE });
    customerHangsUp(ringing.sim, ringing.id);
    expect(ringing.sim.snapshot(ringing.id)).toMatchObject({ status: 'ended', endReason: 'caller hung up' });
    expect(commands(ringing.sim, ringing.id, 'cancelDial')).toHaveLength(1);
  });

  it('refuses a number outside the country allowlist', () => {
    const { sim, id } = connectedCallback();
    const abroad = sim.agent('alice').transfer({ number: '+442079460000' });
    expect(abroad.result).toBe('refused');
    expect(abroad.reason).toMatch(/^cannot dial \+442079460000: /);
    expect(commands(sim, id, 'dial')).toHaveLength(1);
    expect(sim.snapshot(id)?.status).toBe('connected');
  });
});

describe("transferring an agent's own callback", () => {
  it('takes the caller ID of the queue it was placed for, and can go to a queue', () => {
    const toNumber = simulator();
    const own = toNumber.agentCallback({ agent: 'alice', number: CUSTOMER, queue: 'support' });
    toNumber.advance(3);
    expect(toNumber.snapshot(own)?.status).toBe('connected');
    const answer = toNumber.agent('alice').transfer({ number: OUTSIDE });
    expect(answer.result).toBe('transferred');
    expect(commands(toNumber, own, 'dial').at(-1)).toMatchObject({
      purpose: 'transfer',
      callerId: '+13105550122',
    });
    expect(toNumber.agent('alice').state).toBe('WrapUp');

    const toQueue = simulator({ agents: { carol: 'Available' } });
    const other = toQueue.agentCallback({ agent: 'alice', number: CUSTOMER, queue: 'support' });
    toQueue.advance(3);
    expect(toQueue.agent('alice').transfer({ queue: 'sales' }).result).toBe('transferred');
    expect(toQueue.agent('carol').offer).toMatchObject({ queue: 'sales', kind: 'call' });
    expect(toQueue.agent('carol').contactId).toBe(other);
  });
});

describe('a callback that is not connected yet', () => {
  it('is refused while the customer is being dialled, with the reason', () => {
    const sim = simulator({ numbers: { [CUSTOMER]: 'noAnswer' } });
    const id = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    sim.agent('alice').accept();
    expect(sim.snapshot(id)?.callback?.phase).toBe('dialling');
    expect(sim.agent('alice').transfer({ queue: 'sales' })).toEqual({
      result: 'refused',
      reason: `the callback is not connected yet (${CUSTOMER} is being dialled): it can be transferred once the customer answers`,
    });
    expect(sim.snapshot(id)?.callback).toMatchObject({ phase: 'dialling', agent: 'alice' });
  });

  it('is refused during the outbound whisper', () => {
    const r = transferResources();
    r.queues.support = { ...r.queues.support!, outboundWhisperFlow: 'outbound' };
    const outbound = flow('outbound', 'outbound-whisper', 'say', {
      say: block('playPrompt', say('Calling the customer back now.'), { success: 'go', error: 'go' }),
      go: block('endFlow'),
    });
    const sim = createSimulator({ flows: [outbound], resources: r, agents: { alice: 'Available' } });
    const id = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    sim.agent('alice').accept();
    expect(sim.snapshot(id)?.callback?.phase).toBe('whisper');
    expect(sim.agent('alice').transfer({ agent: 'bob' }).reason).toMatch(
      /^the callback is not connected yet \(the outbound whisper is playing\)/,
    );
  });

  it('is not the agent’s to transfer while it is only offered', () => {
    const sim = simulator({ agents: { alice: 'Offline' } });
    const id = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    sim.agent('alice').setState('Available');
    expect(sim.agent('alice').offer?.kind).toBe('callback');
    sim.send(id, { type: 'agentTransfer', agent: 'alice', target: { queue: 'sales' } });
    expect(sim.trace(id).at(-1)?.ignored).toBe('the contact is not connected to agent alice');
  });
});
