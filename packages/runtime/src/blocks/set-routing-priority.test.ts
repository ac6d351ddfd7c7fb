import { describe, expect, it } from 'vitest';
import { block, flow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { end } from './test-support/run-block.js';

/** Queues the caller in `queue`, first setting the routing `settings` when given. */
const caller = (id: string, queue: string, settings?: Record<string, unknown>) =>
  flow(id, 'inbound', settings ? 'route' : 'set', {
    ...(settings ? { route: block('setRoutingPriority', settings, { success: 'set' }) } : {}),
    set: block('setWorkingQueue', { queue }, { success: 'queue', error: 'bye' }),
    queue: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
    bye: end(),
  });

/** Waits in the queue's flow, then raises the contact's priority (a caller who waited too long). */
const raising = flow('support-queue', 'customer-queue', 'hold', {
  hold: block('playHoldAudio', { durationSeconds: 60 }, { success: 'raise' }),
  raise: block('setRoutingPriority', { raiseBy: 5 }, { success: 'wait' }),
  wait: block('playHoldAudio', { durationSeconds: 600 }, { success: 'wait' }),
});

/** bob is the one agent of both support and sales; he goes Available once both callers wait. */
function twoCallers(first: ReturnType<typeof caller>, second: ReturnType<typeof caller>, gap = 60) {
  // sales takes one contact at most in the fixtures: room for this test's one.
  const r = resources();
  r.queues.sales = { ...r.queues.sales!, maxContacts: 5 };
  const sim = createSimulator({ resources: r, flows: [first, second, raising], agents: { bob: 'Offline' } });
  const a = sim.startCall({ flow: first.id, from: '+12015550191', to: '+12015550100' });
  sim.advance(gap);
  const b = sim.startCall({ flow: second.id, from: '+12015550192', to: '+12015550100' });
  sim.agent('bob').setState('Available');
  const offered = sim.snapshot(a)?.status === 'offered' ? a : sim.snapshot(b)?.status === 'offered' ? b : '';
  return { sim, a, b, offered };
}

describe('setRoutingPriority', () => {
  it('the agent of two queues is offered the higher-priority contact first, though it came later', () => {
    const { a, b, offered } = twoCallers(
      caller('plain', 'sales'),
      caller('vip', 'support', { priority: 10 }),
    );
    expect(offered).toBe(b);
    // Without the block the earlier caller goes first (the control).
    const control = twoCallers(caller('plain', 'sales'), caller('later', 'support'));
    expect(control.offered).toBe(control.a);
    expect(a).not.toBe(b);
  });

  it('at equal priority the longest wait counting credited queue time goes first', () => {
    // b joins 60 s after a with 120 s credited: it has "waited" 60 s longer.
    const credited = twoCallers(
      caller('plain', 'sales'),
      caller('credited', 'support', { addQueueSeconds: 120 }),
    );
    expect(credited.offered).toBe(credited.b);
    // 30 s of credit is not enough to pass a contact that joined a minute earlier.
    const short = twoCallers(
      caller('plain', 'sales'),
      caller('credited', 'support', { addQueueSeconds: 30 }),
    );
    expect(short.offered).toBe(short.a);
    // Higher priority still wins over any credit.
    const both = twoCallers(
      caller('first', 'sales', { priority: 1 }),
      caller('credited', 'support', { addQueueSeconds: 3600 }),
    );
    expect(both.offered).toBe(both.a);
  });

  it('in a customer-queue flow re-orders the waiting caller at once, and the popover shows the queue data', () => {
    const r = resources();
    r.queues.sales = { ...r.queues.sales!, maxContacts: 5 };
    const sim = createSimulator({
      resources: r,
      flows: [caller('early', 'sales'), caller('late', 'support'), raising],
      agents: { bob: 'Offline' },
    });
    const early = sim.startCall({ flow: 'early', from: '+12015550191', to: '+12015550100' });
    sim.advance(30);
    const late = sim.startCall({ flow: 'late', from: '+12015550192', to: '+12015550100' });
    sim.advance(65); // the support queue's flow raised late's priority after 60 s of waiting
    expect(sim.snapshot(late)?.routing).toEqual({ priority: 5, creditSeconds: 0 });
    expect(sim.snapshot(early)?.routing).toBeUndefined();
    sim.agent('bob').setState('Available');
    expect(sim.snapshot(late)?.status).toBe('offered');
    expect(sim.snapshot(early)?.status).toBe('queued');
    expect(sim.agent('bob').offer?.popover).toEqual([
      { label: 'Routing priority', name: '$routingPriority', value: 5 },
      { label: 'Time in queue', name: '$queueSeconds', value: '65 s' },
    ]);
    expect(JSON.stringify(sim.trace(late))).toContain(
      'priority 0 -> 5, queue time credit 0 s; re-ordered in the queue',
    );
  });

  it('raiseBy stays within 0 to 100, credits add up, and $routingPriority reads the priority', () => {
    const f = flow('main', 'inbound', 'one', {
      one: block('setRoutingPriority', { priority: 95, addQueueSeconds: 60 }, { success: 'two' }),
      two: block('setRoutingPriority', { raiseBy: 10, addQueueSeconds: 30 }, { success: 'say' }),
      say: block('playPrompt', say('Priority {{$routingPriority}}.'), { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const sim = createSimulator({ resources: resources(), flows: [f] });
    const id = sim.startCall({ flow: 'main', from: '+12015550191', to: '+12015550100' });
    expect(sim.heard(id)).toContain('Priority 100.');
    expect(sim.snapshot(id)?.routing).toEqual({ priority: 100, creditSeconds: 90 });
  });
});
