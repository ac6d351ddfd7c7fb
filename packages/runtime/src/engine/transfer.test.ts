import { describe, expect, it } from 'vitest';
import type { AgentState } from '../host/acd.js';
import { createSimulator, type Simulator } from '../simulator/simulator.js';
import type { NumberBehaviour } from '../simulator/telephony.js';
import { step } from '../standard-engine.js';
import type { Command } from '../types.js';
import { parseSnapshot, serializeSnapshot } from './contact.js';
import { menuFlow, supportQueueFlow } from './test-support/fixtures.js';
import { salesQueueFlow, transferResources } from './test-support/transfer-fixtures.js';

const CALLER = '+12015550199';
const OUTSIDE = '+14155550123';

function connected(
  options: {
    agents?: Record<string, AgentState>;
    numbers?: Record<string, NumberBehaviour>;
    persist?: boolean;
  } = {},
): { sim: Simulator; id: string } {
  const main = menuFlow();
  main.variables = { note: { type: 'string', agentViewable: true, label: 'Note' } };
  const sim = createSimulator({
    flows: [main, supportQueueFlow(), salesQueueFlow()],
    resources: transferResources(),
    agents: { alice: 'Available', ...options.agents },
    ...(options.numbers ? { numbers: options.numbers } : {}),
    ...(options.persist ? { persist: true } : {}),
  });
  const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100', variables: { note: 'VIP' } });
  sim.advance(2);
  sim.press(id, '2');
  sim.agent('alice').accept();
  expect(sim.snapshot(id)?.status).toBe('connected');
  return { sim, id };
}

function commands(sim: Simulator, id: string, type: Command['type']): Command[] {
  return sim.events
    .filter((e) => e.contactId === id && e.direction === 'command' && e.type === type)
    .map((e) => e.detail as Command);
}

describe('agent transfers: to a queue', () => {
  it('releases the agent, keeps the variables, runs the new queue flow and offers to the new team', () => {
    const { sim, id } = connected();
    const answer = sim.agent('alice').transfer({ queue: 'sales' });
    expect(answer.result).toBe('transferred');
    const s = sim.snapshot(id);
    expect(s?.status).toBe('queued');
    expect(s?.queue).toMatchObject({ name: 'sales', exclude: ['alice'] });
    expect(s?.variables.note).toBe('VIP');
    expect(sim.agent('alice').state).toBe('WrapUp');
    expect(sim.agent('alice').contactId).toBeUndefined();
    expect(sim.heard(id).at(-1)).toBe('Sales will be with you shortly.');
    sim.agent('carol').setState('Available');
    expect(sim.agent('carol').offer).toMatchObject({ queue: 'sales', title: 'Sales' });
    expect(sim.agent('carol').contactId).toBe(id);
    expect(sim.agent('carol').offer?.popover).toEqual([{ label: 'Note', name: 'note', value: 'VIP' }]);
  });

  it('passes over the agent who transferred it while another agent is free, also after RONA', () => {
    const { sim, id } = connected({ agents: { dave: 'Available' } });
    // alice and dave are both free in support: dave gets it, alice is passed over.
    sim.agent('alice').transfer({ queue: 'support' });
    expect(sim.agent('dave').offer).toMatchObject({ queue: 'support' });
    expect(sim.agent('dave').contactId).toBe(id);
    sim.agent('alice').wrapUp('transferred');
    expect(sim.agent('alice').state).toBe('Available');
    expect(sim.agent('alice').offer).toBeUndefined();
    expect(sim.snapshot(id)?.queue?.exclude).toEqual(['alice']);
    // dave lets it ring (RONA): alice is the only agent free now, so it is offered to her rather than wait.
    sim.agent('dave').ignore();
    expect(sim.agent('dave').state).toBe('RONA');
    expect(sim.agent('alice').contactId).toBe(id);
    expect(sim.snapshot(id)?.queue?.offer?.agent).toBe('alice');
  });

  it('offers the contact to the transferring agent when no other agent can take it', () => {
    // alice is the only support agent who is not Offline.
    const { sim, id } = connected();
    sim.agent('alice').transfer({ queue: 'support' });
    expect(sim.agent('alice').offer).toBeUndefined();
    sim.agent('alice').wrapUp('transferred');
    expect(sim.agent('alice').contactId).toBe(id);
    expect(sim.agent('alice').offer).toMatchObject({ queue: 'support' });
    sim.agent('alice').accept();
    expect(sim.snapshot(id)?.queue?.agent).toBe('alice');
  });

  it('passes over only the agent who transferred it to the queue, not an agent who transferred it earlier', () => {
    const { sim, id } = connected({ agents: { dave: 'Available' } });
    // alice -> dave -> queue support, with alice free again by then.
    sim.agent('alice').transfer({ agent: 'dave' });
    sim.agent('dave').accept();
    expect(sim.snapshot(id)?.queue?.agent).toBe('dave');
    sim.agent('alice').wrapUp('transferred');
    sim.agent('dave').transfer({ queue: 'support' });
    expect(sim.snapshot(id)?.queue?.exclude).toEqual(['dave']);
    expect(sim.agent('alice').contactId).toBe(id);
    expect(sim.agent('alice').offer).toMatchObject({ queue: 'support' });
  });

  it('the engine takes an offer the ACD makes to the excluded agent (the ACD decides who is free)', () => {
    const { sim, id } = connected();
    sim.agent('alice').transfer({ queue: 'support' });
    const before = sim.snapshot(id);
    if (!before) throw new Error('no snapshot');
    const result = step(sim.env, before, { type: 'agentAvailable', agent: 'alice' });
    expect(result.commands).toContainEqual(expect.objectContaining({ type: 'offerToAgent', agent: 'alice' }));
  });

  it('refuses an unknown queue and a full queue; the contact stays with the agent', () => {
    const { sim, id } = connected();
    expect(sim.agent('alice').transfer({ queue: 'nowhere' })).toEqual({
      result: 'refused',
      reason: 'queue "nowhere" is not in resources',
    });
    // Two contacts already wait in sales (its capacity is 2).
    sim.acd.enqueue('s1', 'sales', 'sales', 0, 'call');
    sim.acd.enqueue('s2', 'sales', 'sales', 0, 'call');
    const answer = sim.agent('alice').transfer({ queue: 'sales' });
    expect(answer.result).toBe('refused');
    expect(answer.reason).toMatch(/queue sales is full \(2 waiting, capacity 2\)/);
    expect(sim.snapshot(id)?.status).toBe('connected');
    expect(sim.agent('alice').state).toBe('Busy');
  });
});

describe('agent transfers: to an agent', () => {
  it('offers the contact straight to an Available agent, who accepts it', () => {
    const { sim, id } = connected({ agents: { carol: 'Available' } });
    const answer = sim.agent('alice').transfer({ agent: 'carol' });
    expect(answer.result).toBe('transferred');
    expect(sim.agent('alice').state).toBe('WrapUp');
    const offer = sim.agent('carol').offer;
    expect(offer).toMatchObject({ agent: 'carol', queue: 'support', title: 'Support', timeoutSeconds: 15 });
    expect(sim.agent('carol').contactId).toBe(id);
    expect(offer?.popover).toEqual([{ label: 'Note', name: 'note', value: 'VIP' }]);
    expect(sim.snapshot(id)?.status).toBe('offered');
    sim.agent('carol').accept();
    expect(sim.snapshot(id)?.status).toBe('connected');
    expect(sim.snapshot(id)?.queue?.agent).toBe('carol');
    expect(sim.agent('carol').state).toBe('Busy');
  });

  it('RONA sends the contact back to the queue it came through, passing over the transferring agent', () => {
    const { sim, id } = connected({ agents: { carol: 'Available', dave: 'Available' } });
    sim.agent('alice').transfer({ agent: 'carol' });
    sim.agent('alice').wrapUp();
    sim.advance(16);
    expect(sim.agent('carol').state).toBe('RONA');
    const s = sim.snapshot(id);
    expect(s?.queue).toMatchObject({ name: 'support', exclude: ['alice'] });
    // alice and dave are free: dave is offered it, alice is passed over.
    expect(sim.agent('dave').contactId).toBe(id);
    expect(s?.queue?.offer?.agent).toBe('dave');
    expect(sim.agent('alice').offer).toBeUndefined();
  });

  it.each([
    ['WrapUp', /carol is WrapUp, not Available/],
    ['Busy', /carol is Busy, not Available/],
    ['RONA', /carol is RONA, not Available/],
    ['Offline', /carol is Offline, not Available/],
  ] as const)('refuses a target in %s', (state, reason) => {
    const { sim, id } = connected({ agents: { carol: state } });
    const answer = sim.agent('alice').transfer({ agent: 'carol' });
    expect(answer.result).toBe('refused');
    expect(answer.reason).toMatch(reason);
    expect(sim.snapshot(id)?.status).toBe('connected');
    expect(sim.agent('alice').state).toBe('Busy');
    expect(sim.agent('carol').offer).toBeUndefined();
    expect(sim.trace(id).at(-1)?.note).toMatch(/refused: agent carol is/);
  });

  it('refuses an unknown agent, the agent themselves, and an agent being offered another contact', () => {
    const { sim } = connected({ agents: { dave: 'Available' } });
    expect(sim.agent('alice').transfer({ agent: 'zoe' }).reason).toBe('agent "zoe" is not in resources');
    expect(sim.agent('alice').transfer({ agent: 'alice' }).reason).toMatch(/to themselves/);
    const other = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
    sim.advance(2);
    sim.press(other, '2');
    expect(sim.agent('dave').offer).toBeDefined();
    expect(sim.agent('dave').contactId).toBe(other);
    expect(sim.agent('alice').transfer({ agent: 'dave' }).reason).toMatch(/being offered another contact/);
  });
});

describe('agent transfers: to a number', () => {
  it('dials with the queue outbound caller ID (active-call rule), releases the agent, bridges on answer', () => {
    const { sim, id } = connected();
    const answer = sim.agent('alice').transfer({ number: '(415) 555-0123' });
    expect(answer.result).toBe('transferred');
    expect(sim.agent('alice').state).toBe('WrapUp');
    expect(sim.snapshot(id)?.status).toBe('transferring');
    const dial = commands(sim, id, 'dial').at(-1);
    expect(dial).toMatchObject({ purpose: 'transfer', to: OUTSIDE, callerId: '+13105550122' });
    const traced = sim.trace(id).find((e) => e.event === 'agentTransfer' && e.callerId);
    expect(traced?.callerId).toMatchObject({ number: '+13105550122', rule: 'queue' });
    expect(traced?.callerId?.reason).toMatch(/active call/);
    sim.advance(5);
    const s = sim.snapshot(id);
    expect(s?.status).toBe('transferred');
    expect(s?.transfer).toBeUndefined();
    expect(commands(sim, id, 'bridge').at(-1)).toMatchObject({
      dialRef: dial && 'ref' in dial ? dial.ref : '',
    });
    expect(commands(sim, id, 'hangup')).toEqual([]);
  });

  it.each([
    ['busy', 'busy'],
    ['noAnswer', 'no answer'],
    ['fail', 'the call failed'],
  ] as const)('goes back to the queue it came from when the number is %s', (behaviour, why) => {
    const { sim, id } = connected({ numbers: { [OUTSIDE]: behaviour } });
    const since = sim.snapshot(id)?.queue?.since;
    sim.agent('alice').transfer({ number: OUTSIDE });
    sim.advance(40);
    const s = sim.snapshot(id);
    expect(s?.status === 'queued' || s?.status === 'offered').toBe(true);
    expect(s?.queue).toMatchObject({ name: 'support', since });
    expect(s?.timers.some((t) => t.event === 'transferNoAnswer')).toBe(false);
    expect(sim.trace(id).some((e) => e.note?.includes(`${OUTSIDE}: ${why}; back to queue support`))).toBe(
      true,
    );
    expect(sim.heard(id)).toContain('You are number 1 in the queue.');
  });

  it('refuses a number that cannot be dialled or is outside the country allowlist', () => {
    const { sim, id } = connected();
    const short = sim.agent('alice').transfer({ number: '12' });
    expect(short.result).toBe('refused');
    expect(short.reason).toMatch(/^cannot dial 12: /);
    const abroad = sim.agent('alice').transfer({ number: '+442079460000' });
    expect(abroad.result).toBe('refused');
    expect(abroad.reason).toMatch(/GB|allow/i);
    expect(commands(sim, id, 'dial')).toEqual([]);
    expect(sim.snapshot(id)?.status).toBe('connected');
  });

  it('stops dialling when the caller hangs up meanwhile', () => {
    const { sim, id } = connected({ numbers: { [OUTSIDE]: 'noAnswer' } });
    sim.agent('alice').transfer({ number: OUTSIDE });
    sim.hangUp(id);
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(commands(sim, id, 'cancelDial')).toHaveLength(1);
  });
});

describe('agent transfers: validity and persistence', () => {
  it('ignores a transfer from an agent the contact is not connected to, with the reason', () => {
    const { sim, id } = connected({ agents: { dave: 'Available' } });
    sim.send(id, { type: 'agentTransfer', agent: 'dave', target: { queue: 'sales' } });
    expect(sim.trace(id).at(-1)?.ignored).toBe('the contact is not connected to agent dave');
    expect(sim.snapshot(id)?.status).toBe('connected');
    expect(sim.agent('dave').transfer({ queue: 'sales' })).toEqual({
      result: 'refused',
      reason: 'dave has no connected contact',
    });
  });

  it('ignores a transfer while the contact is still queued', () => {
    const sim = createSimulator({ flows: [menuFlow(), supportQueueFlow()], resources: transferResources() });
    const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    sim.send(id, { type: 'agentTransfer', agent: 'alice', target: { queue: 'sales' } });
    expect(sim.trace(id).at(-1)?.ignored).toBe('the contact is not connected to agent alice');
  });

  it('survives a JSON round trip mid-transfer (exclusion, direct offer, number dial)', () => {
    for (const target of [{ queue: 'support' }, { agent: 'carol' }, { number: OUTSIDE }] as const) {
      const live = connected({ agents: { carol: 'Available' }, numbers: { [OUTSIDE]: 'busy' } });
      const stored = connected({
        agents: { carol: 'Available' },
        numbers: { [OUTSIDE]: 'busy' },
        persist: true,
      });
      for (const { sim } of [live, stored]) {
        sim.agent('alice').transfer(target);
        sim.agent('alice').wrapUp();
        sim.advance(20);
      }
      const a = live.sim.snapshot(live.id);
      expect(stored.sim.snapshot(stored.id)).toEqual(a);
      expect(stored.sim.trace(stored.id)).toEqual(live.sim.trace(live.id));
      expect(a?.queue?.exclude ?? []).toEqual('number' in target ? [] : ['alice']);
    }
  });

  it('a snapshot parsed back mid-dial still takes the dial result', () => {
    const { sim, id } = connected({ numbers: { [OUTSIDE]: 'noAnswer' } });
    sim.agent('alice').transfer({ number: OUTSIDE });
    const s = sim.snapshot(id);
    if (!s?.transfer) throw new Error('no transfer in progress');
    const restored = parseSnapshot(serializeSnapshot(s));
    expect(restored.transfer).toEqual(s.transfer);
    const r = step(sim.env, restored, { type: 'dialResult', ref: s.transfer.dialRef, result: 'answered' });
    expect(r.snapshot.status).toBe('transferred');
  });
});
