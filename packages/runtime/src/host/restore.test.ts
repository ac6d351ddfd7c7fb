import type { Resources } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { flowSource } from '../engine/flow-source.js';
import { block, flow, menuFlow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator, type Simulator } from '../simulator/simulator.js';
import { SimulatedTelephony } from '../simulator/telephony.js';
import type { Command, ContactSnapshot, TraceEntry } from '../types.js';
import { SimpleAcd } from './acd.js';
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

/** What a durable host kept when it stopped: each contact's snapshot and the commands it still waits on. */
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
function restart(contacts: RestoredContact[], limit: number, now: number) {
  const clock = new VirtualClock(now);
  const env = {
    flows: flowSource([menuFlow(), transferFlow()]),
    resources: center(limit),
    now: () => clock.now(),
  };
  // Agent states come back from the store too: alice was busy on a contact when the host stopped.
  const acd = new SimpleAcd(env.resources, now, { alice: 'Busy', bob: 'Available' });
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
});
