import type { Resources } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { flowSource } from '../engine/flow-source.js';
import { block, flow, menuFlow, resources, say, supportQueueFlow } from '../engine/test-support/fixtures.js';
import { createSimulator, type Simulator } from '../simulator/simulator.js';
import { SimulatedTelephony } from '../simulator/telephony.js';
import type { Command, ContactSnapshot, TraceEntry } from '../types.js';
import { type AgentState, SimpleAcd } from './acd.js';
import { VirtualClock } from './clock.js';
import { HostCore } from './host-core.js';
import { CENTER_AT_CAPACITY } from './live-calls.js';
import type { RestoredContact } from './restore.js';
import { TelephonyRouting } from './telephony-routing.js';

const CUSTOMER = '+12015550142';
const OUTSIDE = '+12015550188';

function center(limit: number): Resources {
  const base = resources();
  return resources({ account: { ...base.account, maxConcurrentCalls: limit } });
}

function transferFlow() {
  return flow('transfer', 'inbound', 'out', {
    out: block(
      'transferToNumber',
      { to: { value: OUTSIDE } },
      { busy: 'sorry', noAnswer: 'sorry', error: 'sorry', connected: 'bye' },
    ),
    sorry: block('playPrompt', say('Sorry, we cannot connect you now.'), { success: 'bye', error: 'bye' }),
    bye: block('disconnect'),
  });
}

/** A Transfer to number that goes on when the called party hangs up (`resumeAfterDisconnect`). */
function transferBackFlow() {
  return flow('transfer-back', 'inbound', 'out', {
    out: block(
      'transferToNumber',
      { to: { value: OUTSIDE }, resumeAfterDisconnect: true },
      { busy: 'bye', noAnswer: 'bye', error: 'bye', connected: 'thanks' },
    ),
    thanks: block('playPrompt', say('Thank you for calling.'), { success: 'bye', error: 'bye' }),
    bye: block('disconnect'),
  });
}

/** Into the support queue with an account number for the popover and a secure PIN beside it. */
function popoverFlow() {
  return flow(
    'popover',
    'inbound',
    'queue',
    {
      queue: block('setWorkingQueue', { queue: 'support' }, { success: 'transfer', error: 'bye' }),
      transfer: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
      bye: block('disconnect'),
    },
    {
      variables: {
        account: { type: 'string', label: 'Account', agentViewable: true },
        pin: { type: 'string', label: 'PIN', agentViewable: true, secure: true },
      },
      popover: ['account', 'pin'],
    },
  );
}

/**
 * What a durable host kept when it stopped: each contact's snapshot and the dials it names (a store that
 * keeps what the snapshot refers to; an answered dial stays named in a connected callback and in a
 * Transfer to number block that waits for the called party to hang up).
 */
function stored(sim: Simulator): RestoredContact[] {
  return sim.contacts().flatMap((id) => {
    const snapshot = sim.snapshot(id) as ContactSnapshot;
    if (snapshot.status === 'ended') return [];
    const refs = new Set([snapshot.callback?.dialRef, snapshot.stack.at(-1)?.wait?.ref]);
    const pending = sim.events
      .filter((e) => e.contactId === id && e.direction === 'command' && e.type === 'dial')
      .map((e) => e.detail as Command)
      .filter((c) => c.type === 'dial' && refs.has(c.ref));
    return [{ snapshot, pending }];
  });
}

/** A host started afresh on the stored contacts, as the service starts after a crash. */
function restart(
  contacts: RestoredContact[],
  limit: number,
  now: number,
  // Agent states come back from the store too: alice was busy on a contact when the host stopped.
  agents: Record<string, AgentState> = { alice: 'Busy', bob: 'Available' },
) {
  const clock = new VirtualClock(now);
  const env = {
    flows: flowSource([menuFlow(), transferFlow(), transferBackFlow(), popoverFlow(), supportQueueFlow()]),
    resources: center(limit),
    now: () => clock.now(),
  };
  const acd = new SimpleAcd(env.resources, now, agents);
  const snapshots = new Map(contacts.map((c) => [c.snapshot.contactId, c.snapshot]));
  const traces: TraceEntry[] = [];
  const telephony = new SimulatedTelephony({ clock, numbers: { [CUSTOMER]: 'answer', [OUTSIDE]: 'answer' } });
  const dialled: string[] = [];
  const core = new HostCore({
    env: { ...env, queues: acd },
    clock,
    acd,
    telephony: new TelephonyRouting({ simulated: telephony }),
    store: {
      load: (id) => snapshots.get(id),
      save: ({ contactId, result }) => {
        snapshots.set(contactId, result.snapshot);
        traces.push(...result.trace);
      },
    },
    http: () => undefined,
  });
  const execute = telephony.execute.bind(telephony);
  telephony.execute = (contactId, command) => {
    if (command.type === 'dial') dialled.push(contactId);
    execute(contactId, command);
  };
  core.restore(contacts, []);
  return { core, clock, acd, dialled, traces, snapshot: (id: string) => snapshots.get(id) };
}

/** Two callers on the line and a callback whose customer was being dialled when the host stopped. */
function callbackBeingDialled(): { contacts: RestoredContact[]; cb: string; now: number } {
  const sim = createSimulator({
    flows: [menuFlow()],
    resources: center(2),
    agents: { alice: 'Available' },
    numbers: { [CUSTOMER]: { answer: true, ringSeconds: 20 } },
  });
  sim.startCall({ flow: 'main', from: '+12015550177', to: '+12015550100', contactId: 'one' });
  const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
  sim.agent('alice').accept();
  sim.advance(1);
  expect(sim.snapshot(cb)?.callback?.phase).toBe('dialling');
  // A caller arrives at capacity (the carrier delivers it): three live calls of two.
  sim.startCall({ flow: 'main', from: '+12015550178', to: '+12015550100', contactId: 'two' });
  expect(sim.capacity().liveCalls).toBe(3);
  return { contacts: stored(sim), cb, now: sim.now() };
}

describe('restore', () => {
  it('does not place a callback call again without a free line: it waits in its queue (CENTER_AT_CAPACITY)', () => {
    const { contacts, cb, now } = callbackBeingDialled();
    const host = restart(contacts, 2, now);
    expect(host.dialled).toEqual([]);
    const s = host.snapshot(cb);
    expect(s?.status).toBe('queued');
    expect(s?.callback).toMatchObject({ phase: 'queued', waitReason: CENTER_AT_CAPACITY, attempts: 0 });
    expect(host.traces.find((t) => t.event === 'centerCapacity')?.note).toMatch(
      new RegExp(`^${CENTER_AT_CAPACITY}: 2 live calls of 2 .*not placed again`),
    );
    expect(host.acd.isQueued(cb)).toBe(true);
    // Its agent is free (wrap-up), and nothing is offered while both lines are taken.
    expect(host.acd.agents.get('alice')).toMatchObject({ state: 'WrapUp', offered: false });
    expect(host.core.capacity()).toEqual({ limit: 2, liveCalls: 2, atCapacity: true });
    expect(host.core.agents.offerOf('bob')).toBeUndefined();
  });

  it('places the callback call again when a line is free for it', () => {
    const { contacts, cb, now } = callbackBeingDialled();
    const host = restart(contacts, 3, now);
    expect(host.dialled).toEqual([cb]);
    expect(host.core.capacity().liveCalls).toBe(3);
    host.clock.advance(5);
    expect(host.snapshot(cb)?.status).toBe('connected');
  });

  it("ends an agent's own callback that cannot be placed again: it has no queue to wait in", () => {
    const sim = createSimulator({
      flows: [menuFlow()],
      resources: center(2),
      agents: { alice: 'Available' },
      numbers: { [CUSTOMER]: { answer: true, ringSeconds: 20 } },
    });
    sim.startCall({ flow: 'main', from: '+12015550177', to: '+12015550100', contactId: 'one' });
    const own = sim.agentCallback({ agent: 'alice', number: CUSTOMER });
    sim.startCall({ flow: 'main', from: '+12015550178', to: '+12015550100', contactId: 'two' });
    expect(sim.snapshot(own)?.callback?.phase).toBe('dialling');
    const host = restart(stored(sim), 2, sim.now());
    expect(host.dialled).toEqual([]);
    expect(host.snapshot(own)).toMatchObject({ status: 'ended' });
    expect(host.snapshot(own)?.endReason).toContain(CENTER_AT_CAPACITY);
    expect(host.acd.agents.get('alice')?.state).toBe('WrapUp');
  });

  it('refuses a transfer to a number again without a free line: the block takes error', () => {
    const sim = createSimulator({
      flows: [transferFlow(), menuFlow()],
      resources: center(2),
      numbers: { [OUTSIDE]: { answer: true, ringSeconds: 20 } },
    });
    const transfer = sim.startCall({ flow: 'transfer', from: '+12015550177', to: '+12015550100' });
    sim.startCall({ flow: 'main', from: '+12015550178', to: '+12015550100', contactId: 'two' });
    const host = restart(stored(sim), 2, sim.now());
    expect(host.dialled).toEqual([]);
    const s = host.snapshot(transfer);
    expect(s?.stack.at(-1)?.block).toBe('sorry');
    expect(host.traces.some((t) => t.outcome === 'error' && t.note?.includes(CENTER_AT_CAPACITY))).toBe(true);
    expect(host.core.capacity().liveCalls).toBe(2);
  });

  it("does not dial a connected callback's customer again: the answered call is still connected", () => {
    const sim = createSimulator({
      flows: [menuFlow()],
      resources: center(3),
      agents: { alice: 'Available' },
      numbers: { [CUSTOMER]: { answer: true, ringSeconds: 3 } },
    });
    const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    sim.agent('alice').accept();
    sim.advance(10);
    expect(sim.snapshot(cb)?.callback?.phase).toBe('connected');
    const contacts = stored(sim);
    expect(contacts[0]?.pending.map((c) => c.type)).toEqual(['dial']);

    const host = restart(contacts, 3, sim.now());
    expect(host.dialled).toEqual([]);
    expect(host.snapshot(cb)).toMatchObject({ status: 'connected', callback: { phase: 'connected' } });
    expect(host.acd.agents.get('alice')).toMatchObject({ state: 'Busy', contactId: cb });
    expect(host.core.capacity().liveCalls).toBe(1);
  });

  it('puts a transferred callback back in its queue as a call: offered at once although the center is full', () => {
    const sim = createSimulator({
      flows: [menuFlow(), supportQueueFlow()],
      resources: center(1),
      agents: { alice: 'Available' },
      numbers: { [CUSTOMER]: { answer: true, ringSeconds: 3 } },
    });
    const cb = sim.webCallback({ name: 'Dana', number: CUSTOMER, queue: 'support' });
    sim.agent('alice').accept();
    sim.advance(10);
    expect(sim.agent('alice').transfer({ queue: 'support' }).result).toBe('transferred');
    expect(sim.snapshot(cb)).toMatchObject({ status: 'queued' });
    expect(sim.capacity()).toMatchObject({ liveCalls: 1, atCapacity: true });

    // bob comes back Available after the restart: the customer already holds the one line.
    const host = restart(stored(sim), 1, sim.now(), { alice: 'WrapUp', bob: 'Available' });
    expect(host.dialled).toEqual([]);
    expect(host.core.agents.offerOf('bob')).toMatchObject({ kind: 'call' });
    expect(host.acd.agents.get('bob')?.contactId).toBe(cb);
  });

  it('does not dial a transfer to a number again once answered: the leg is connected and holds its line', () => {
    const sim = createSimulator({
      flows: [transferBackFlow()],
      resources: center(3),
      numbers: { [OUTSIDE]: { answer: true, ringSeconds: 3 } },
    });
    const call = sim.startCall({ flow: 'transfer-back', from: '+12015550177', to: '+12015550100' });
    sim.advance(10);
    const wait = sim.snapshot(call)?.stack.at(-1)?.wait;
    expect(wait).toMatchObject({ answered: true });
    expect(sim.capacity().liveCalls).toBe(2);

    const host = restart(stored(sim), 3, sim.now());
    expect(host.dialled).toEqual([]);
    // The caller and the connected leg, as before the restart.
    expect(host.core.capacity().liveCalls).toBe(2);
    // The called party hangs up: the leg gives its line back and the flow goes on at `connected`.
    host.core.deliver(call, { type: 'dialResult', ref: String(wait?.ref), result: 'completed' });
    expect(host.snapshot(call)?.stack.at(-1)?.block).toBe('thanks');
    expect(host.core.capacity().liveCalls).toBe(1);
  });

  it('keeps an agent on their own callback after a restart: hanging up and wrapping up work', () => {
    const sim = createSimulator({
      flows: [menuFlow()],
      resources: center(3),
      agents: { alice: 'Available' },
      numbers: { [CUSTOMER]: { answer: true, ringSeconds: 3 } },
    });
    const own = sim.agentCallback({ agent: 'alice', number: CUSTOMER });
    sim.advance(10);
    expect(sim.snapshot(own)).toMatchObject({ status: 'connected', callback: { agent: 'alice' } });
    expect(sim.snapshot(own)?.queue).toBeUndefined();

    const host = restart(stored(sim), 3, sim.now());
    expect(host.dialled).toEqual([]);
    expect(host.acd.agents.get('alice')).toMatchObject({ state: 'Busy', contactId: own });
    host.core.agents.hangUp('alice');
    expect(host.snapshot(own)).toMatchObject({ status: 'ended', endReason: 'agent hung up' });
    expect(host.acd.agents.get('alice')).toMatchObject({ state: 'WrapUp' });
    expect(host.acd.agents.get('alice')?.contactId).toBeUndefined();
    host.core.agents.wrapUp('alice', 'Done');
    expect(host.acd.agents.get('alice')?.state).toBe('Available');
  });

  it('shows an offer made before the restart on the agent desktop, popover included, secure values left out', () => {
    const sim = createSimulator({
      flows: [popoverFlow(), supportQueueFlow()],
      resources: center(3),
      agents: { alice: 'Available' },
    });
    const call = sim.startCall({
      flow: 'popover',
      from: '+12015550177',
      to: '+12015550100',
      variables: { account: 'AC-1042', pin: '9911' },
    });
    const offer = sim.agent('alice').offer;
    expect(sim.agent('alice').contactId).toBe(call);
    expect(offer?.popover).toEqual([{ label: 'Account', name: 'account', value: 'AC-1042' }]);

    // Bob is free after the restart too: the contact stays offered to alice, not to him.
    const host = restart(stored(sim), 3, sim.now(), { alice: 'Available', bob: 'Available' });
    expect(host.core.agents.offerOf('alice')).toEqual(offer);
    expect(JSON.stringify(host.core.agents.offerOf('alice'))).not.toContain('9911');
    expect(host.core.agents.offerOf('bob')).toBeUndefined();
    expect(host.acd.agents.get('bob')).toMatchObject({ offered: false });
    expect(host.traces.filter((t) => t.event === 'agentAvailable')).toEqual([]);
    expect(host.core.agents.accept('alice')).toBe(true);
    expect(host.snapshot(call)?.queue?.agent).toBe('alice');
    expect(host.core.agents.offerOf('alice')).toBeUndefined();
  });
});

describe('routing priority across a restart', () => {
  it('a contact given a higher priority is still offered first by the host started afresh', () => {
    const prio = flow('prio', 'inbound', 'route', {
      route: block('setRoutingPriority', { priority: 10 }, { success: 'queue' }),
      queue: block('setWorkingQueue', { queue: 'support' }, { success: 'transfer', error: 'bye' }),
      transfer: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
      bye: block('disconnect'),
    });
    const sim = createSimulator({
      flows: [menuFlow(), prio, supportQueueFlow()],
      resources: center(5),
      agents: {},
    });
    const early = sim.startCall({ flow: 'main', from: '+12015550177', to: '+12015550100' });
    sim.advance(10);
    sim.press(early, '2');
    sim.advance(60);
    const vip = sim.startCall({ flow: 'prio', from: '+12015550178', to: '+12015550100' });
    expect(sim.snapshot(early)?.status).toBe('queued');
    expect(sim.snapshot(vip)?.status).toBe('queued');
    const { core, snapshot } = restart(stored(sim), 5, sim.now(), { alice: 'Offline', bob: 'Available' });
    core.match();
    expect(snapshot(vip)?.status).toBe('offered');
    expect(snapshot(early)?.status).toBe('queued');
  });
});
