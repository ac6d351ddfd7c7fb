import { describe, expect, it } from 'vitest';
import { block, flow, menuFlow, resources, say, supportQueueFlow } from '../engine/test-support/fixtures.js';
import type { AgentState } from '../host/acd.js';
import { CENTER_AT_CAPACITY } from '../host/live-calls.js';
import { createSimulator } from './simulator.js';

const CUSTOMER = '+12015550142';
const OTHER = '+12015550143';

/** A center that allows `limit` concurrent calls. */
function center(limit: number, agents: Record<string, AgentState> = {}, persist = false) {
  const base = resources();
  const r = resources({ account: { ...base.account, maxConcurrentCalls: limit } });
  return createSimulator({
    flows: [menuFlow(), supportQueueFlow(), transferFlow()],
    resources: r,
    agents,
    persist,
  });
}

function transferFlow() {
  return flow('transfer', 'inbound', 'out', {
    out: block(
      'transferToNumber',
      { to: { value: '+12015550188' } },
      { busy: 'sorry', noAnswer: 'sorry', error: 'sorry', connected: 'bye' },
    ),
    sorry: block('playPrompt', say('Sorry, we cannot connect you now.'), { success: 'bye', error: 'bye' }),
    bye: block('disconnect'),
  });
}

/** A caller listening to the menu: one live call. */
function caller(sim: ReturnType<typeof center>, id = 'caller') {
  return sim.startCall({ flow: 'main', from: '+12015550177', to: '+12015550100', contactId: id });
}

describe('maximum concurrent calls', () => {
  it('holds a callback whose turn comes at capacity, with the reason code, and offers nothing', () => {
    const sim = center(1);
    caller(sim);
    const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    sim.agent('alice').setState('Available');
    expect(sim.capacity()).toEqual({ limit: 1, liveCalls: 1, atCapacity: true });
    expect(sim.agent('alice').offer).toBeUndefined();
    expect(sim.acd.isQueued(cb)).toBe(true);
    expect(sim.snapshot(cb)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
    const held = sim.trace(cb).filter((t) => t.event === 'centerCapacity');
    expect(held).toHaveLength(1);
    expect(held[0]?.note).toContain(`${CENTER_AT_CAPACITY}: 1 live calls of 1`);
    // Later matches do not repeat the reason in the trace.
    sim.agent('bob').setState('Available');
    expect(sim.trace(cb).filter((t) => t.event === 'centerCapacity')).toHaveLength(1);
  });

  it('places waiting callbacks again in their order when a call ends, one per free line', () => {
    const sim = center(1, { alice: 'Available', bob: 'Available' });
    const live = caller(sim);
    const first = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    const second = sim.webCallback({ name: 'Eve', number: OTHER, queue: 'support' });
    expect(sim.snapshot(first)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
    expect(sim.snapshot(second)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
    sim.hangUp(live);
    // One line is free: the first callback gets it (and keeps it while offered); the second still waits.
    expect(sim.agent('alice').offer?.kind).toBe('callback');
    expect(sim.agent('alice').contactId).toBe(first);
    expect(sim.agent('bob').offer).toBeUndefined();
    expect(sim.snapshot(first)?.callback?.waitReason).toBeUndefined();
    expect(sim.trace(first).at(-2)?.note).toContain('a line is free again');
    expect(sim.snapshot(second)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
    expect(sim.acd.isQueued(second)).toBe(true);
    expect(sim.capacity().atCapacity).toBe(true);
  });

  it('still offers a waiting caller queued behind a held callback (the caller is on the line already)', () => {
    const sim = center(1);
    const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    const live = caller(sim);
    sim.advance(2);
    sim.press(live, '2');
    sim.advance(1);
    expect(sim.snapshot(live)?.status).toBe('queued');
    sim.agent('alice').setState('Available');
    expect(sim.agent('alice').contactId).toBe(live);
    expect(sim.snapshot(cb)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
  });

  it('lets inbound calls arrive at capacity (the carrier delivers them)', () => {
    const sim = center(1);
    caller(sim, 'one');
    caller(sim, 'two');
    expect(sim.snapshot('two')?.status).not.toBe('ended');
    expect(sim.capacity()).toEqual({ limit: 1, liveCalls: 2, atCapacity: true });
  });

  it('refuses an agent-initiated callback at capacity with the reason code', () => {
    const sim = center(1, { alice: 'Available' });
    caller(sim);
    expect(() => sim.agentCallback({ agent: 'alice', number: CUSTOMER })).toThrow(CENTER_AT_CAPACITY);
    expect(sim.agent('alice').state).toBe('Available');
  });

  it('refuses the outbound leg of a transfer to a number: the block takes error', () => {
    const sim = center(1);
    const id = sim.startCall({ flow: 'transfer', from: '+12015550177', to: '+12015550100' });
    sim.advance(1);
    const refused = sim.trace(id).find((t) => t.block === 'out' && t.outcome === 'error');
    expect(refused?.note).toContain(CENTER_AT_CAPACITY);
    expect(sim.events.some((e) => e.contactId === id && e.type === 'dial')).toBe(true);
    expect(sim.heard(id)).toContain('Sorry, we cannot connect you now.');
  });

  it("refuses an agent's transfer to a number: the contact goes back to its queue", () => {
    const sim = center(1, { alice: 'Available' });
    const live = caller(sim);
    sim.advance(2);
    sim.press(live, '2');
    sim.advance(1);
    sim.agent('alice').accept();
    sim.advance(1);
    expect(sim.snapshot(live)?.status).toBe('connected');
    sim.agent('alice').transfer({ number: '+12015550188' });
    sim.advance(1);
    expect(
      sim.trace(live).some((t) => t.error?.code === 'RT106' && t.error.detail.startsWith(CENTER_AT_CAPACITY)),
    ).toBe(true);
    expect(sim.snapshot(live)?.status).not.toBe('transferred');
    expect(sim.capacity().liveCalls).toBe(1);
  });

  it('places the transfer when a line is free, and counts its leg', () => {
    const sim = center(2);
    const id = sim.startCall({ flow: 'transfer', from: '+12015550177', to: '+12015550100' });
    expect(sim.capacity().liveCalls).toBe(2);
    sim.advance(60);
    expect(sim.snapshot(id)?.status).toBe('transferred');
    expect(sim.capacity().liveCalls).toBe(0);
  });

  it('offers a waiting callback when a transfer leg gives its line back', () => {
    const base = resources();
    const sim = createSimulator({
      flows: [transferFlow()],
      resources: resources({ account: { ...base.account, maxConcurrentCalls: 2 } }),
      agents: { alice: 'Available' },
      numbers: { '+12015550188': 'busy' },
    });
    const live = sim.startCall({ flow: 'transfer', from: '+12015550177', to: '+12015550100' });
    const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    expect(sim.snapshot(cb)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
    sim.advance(1);
    // The number was busy: the caller still holds a line, the leg's line is free for the callback.
    expect(sim.snapshot(live)?.status).not.toBe('ended');
    expect(sim.agent('alice').contactId).toBe(cb);
  });

  it('offers a waiting callback at once when the maximum concurrent calls is raised', () => {
    const sim = center(1, { alice: 'Available' });
    caller(sim);
    const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    expect(sim.snapshot(cb)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
    const base = resources();
    sim.updateResources(resources({ account: { ...base.account, maxConcurrentCalls: 2 } }));
    // No other event: the new limit alone lets the callback go.
    expect(sim.agent('alice').contactId).toBe(cb);
    expect(sim.agent('alice').offer?.kind).toBe('callback');
    expect(sim.snapshot(cb)?.callback?.waitReason).toBeUndefined();
    expect(sim.capacity()).toEqual({ limit: 2, liveCalls: 2, atCapacity: true });
  });

  it('offers a waiting callback at once when the engine stops ringing a transfer leg', () => {
    const base = resources();
    const sim = createSimulator({
      flows: [transferFlow()],
      resources: resources({ account: { ...base.account, maxConcurrentCalls: 2 } }),
      agents: { alice: 'Available' },
      // Rings longer than the block waits: the engine gives up (its no-answer timer) and cancels the dial.
      numbers: { '+12015550188': { answer: true, ringSeconds: 120 } },
    });
    const live = sim.startCall({ flow: 'transfer', from: '+12015550177', to: '+12015550100' });
    const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    expect(sim.snapshot(cb)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);
    sim.advance(35);
    expect(sim.trace(live).some((t) => t.block === 'out' && t.outcome === 'noAnswer')).toBe(true);
    // The caller still hears the apology (one line); the leg's line went to the callback at once.
    expect(sim.snapshot(live)?.status).not.toBe('ended');
    expect(sim.agent('alice').contactId).toBe(cb);
  });

  it('keeps the reason on a persisted snapshot, and places nothing without a limit', () => {
    const persisted = center(1, { alice: 'Available' }, true);
    caller(persisted);
    const cb = persisted.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    expect(persisted.snapshot(cb)?.callback?.waitReason).toBe(CENTER_AT_CAPACITY);

    const open = createSimulator({
      flows: [menuFlow()],
      resources: resources(),
      agents: { alice: 'Available' },
    });
    open.startCall({ flow: 'main', from: '+12015550177', to: '+12015550100' });
    const free = open.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    expect(open.agent('alice').contactId).toBe(free);
    expect(open.capacity().atCapacity).toBe(false);
  });
});
