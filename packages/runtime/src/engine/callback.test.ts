import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.js';
import type { NumberBehaviour } from '../simulator/telephony.js';
import { block, callbackQueueFlow, flow, menuFlow, resources, say } from './test-support/fixtures.js';

const CALLER = '+12015550199';

function courtesy(numbers: Record<string, NumberBehaviour> = {}) {
  const sim = createSimulator({ flows: [menuFlow(), callbackQueueFlow()], resources: resources(), numbers });
  const waiting = sim.startCall({
    flow: 'main',
    from: '+12015550177',
    to: '+12015550100',
    contactId: 'waiting',
  });
  sim.advance(2);
  sim.press(waiting, '2');
  sim.advance(30);
  const caller = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100', contactId: 'caller' });
  sim.advance(2);
  sim.press(caller, '2');
  return { sim, caller, waiting };
}

describe('courtesy callback', () => {
  it('confirms the caller number, creates the callback and hangs up', () => {
    const { sim, caller } = courtesy();
    sim.advance(1);
    sim.press(caller, '1');
    sim.advance(1);
    sim.press(caller, '1');
    sim.advance(10);
    expect(sim.heard(caller)).toContain(`Press 1 to be called back on ${CALLER}, or 2 for another number.`);
    expect(sim.heard(caller).at(-1)).toBe('We will call you back.');
    expect(sim.snapshot(caller)?.status).toBe('ended');
    const created = sim.events.find((e) => e.type === 'createCallback')?.detail as {
      request: { number: string; id: string };
    };
    expect(created.request.number).toBe(CALLER);
    expect(sim.acd.isQueued(created.request.id)).toBe(true);
  });

  it('takes a new number keyed in, and refuses one outside the allowed countries', () => {
    const { sim, caller } = courtesy();
    sim.press(caller, '1');
    sim.press(caller, '2');
    sim.press(caller, '+442079460958#');
    expect(sim.trace(caller).some((t) => t.block === 'offer' && t.outcome === 'invalidNumber')).toBe(true);
  });

  it('keeps the caller place: offered before a caller who queued later, labelled Callback', () => {
    const sim = createSimulator({ flows: [menuFlow(), callbackQueueFlow()], resources: resources() });
    const first = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100', contactId: 'first' });
    const later = sim.startCall({
      flow: 'main',
      from: '+12015550177',
      to: '+12015550100',
      contactId: 'later',
    });
    sim.advance(2);
    sim.press(first, '2');
    sim.advance(0.5);
    sim.press(later, '2');
    sim.advance(0.5);
    // The callback is created after "later" queued, yet takes the place "first" had.
    sim.press(first, '1');
    sim.press(first, '1');
    sim.advance(5);
    expect(sim.snapshot(first)?.status).toBe('ended');
    sim.agent('alice').setState('Available');
    const offer = sim.agent('alice').offer;
    // The callback "first" created, not "later".
    const created = sim.events.find((e) => e.contactId === first && e.type === 'createCallback')?.detail as
      | { request: { id: string } }
      | undefined;
    expect(created?.request.id).toMatch(new RegExp(`^${first}-callback-`));
    expect(sim.agent('alice').contactId).toBe(created?.request.id);
    expect(offer?.kind).toBe('callback');
    expect(offer?.title).toBe('Callback');
    expect(offer?.popover).toEqual([
      { label: 'Customer number', name: '$callbackNumber', value: CALLER },
      { label: 'Queue', name: '$queueName', value: 'Support' },
      { label: 'DNIS', name: '$dialedNumber', value: '+12015550100' },
    ]);
  });

  it('offers the agent first, then dials the customer with the queue caller ID and connects', () => {
    const { sim, caller } = courtesy();
    sim.press(caller, '1');
    sim.press(caller, '1');
    sim.advance(10);
    sim.agent('bob').setState('Available');
    sim.agent('bob').accept();
    // bob takes the caller who was waiting first; alice gets the callback.
    sim.agent('alice').setState('Available');
    const callbackId = sim.agent('alice').contactId as string;
    expect(sim.agent('alice').offer?.kind).toBe('callback');
    sim.agent('alice').accept();
    const dial = sim.events.find((e) => e.contactId === callbackId && e.type === 'dial')?.detail as {
      to: string;
      callerId: string;
      purpose: string;
    };
    expect(dial).toMatchObject({ to: CALLER, callerId: '+13105550122', purpose: 'callback' });
    expect(sim.trace(callbackId).find((t) => t.callerId)?.callerId?.rule).toBeDefined();
    sim.advance(5);
    expect(sim.snapshot(callbackId)?.status).toBe('connected');
  });

  it('retries after the retry delay when the customer does not answer, then gives up', () => {
    const { sim, caller } = courtesy({ [CALLER]: 'noAnswer' });
    sim.press(caller, '1');
    sim.press(caller, '1');
    sim.advance(10);
    sim.agent('bob').setState('Available');
    sim.agent('bob').accept();
    sim.agent('alice').setState('Available');
    const callbackId = sim.agent('alice').contactId as string;
    sim.agent('alice').accept();
    sim.advance(31);
    expect(sim.snapshot(callbackId)?.callback?.phase).toBe('retryWait');
    expect(sim.agent('alice').state).toBe('WrapUp');
    sim.agent('alice').wrapUp();
    sim.advance(60);
    expect(sim.agent('alice').offer?.kind).toBe('callback');
    sim.agent('alice').accept();
    sim.advance(31);
    const s = sim.snapshot(callbackId);
    expect(s?.status).toBe('ended');
    expect(s?.endReason).toBe('callback not answered after 2 attempt(s)');
  });
});

describe('callback dial deadline', () => {
  it('cancels a dial the adapter never answers for, and counts it as no answer', () => {
    const sim = createSimulator({
      flows: [],
      resources: resources(),
      agents: { alice: 'Available' },
      numbers: { '+12015550142': { answer: true, ringSeconds: 600 } },
    });
    const id = sim.webCallback({ name: 'Dana', number: '+12015550142', queue: 'support' });
    sim.agent('alice').accept();
    sim.advance(36);
    expect(sim.events.some((e) => e.contactId === id && e.type === 'cancelDial')).toBe(true);
    expect(sim.snapshot(id)?.callback?.phase).toBe('retryWait');
    expect(sim.trace(id).some((t) => t.note?.includes('customer noAnswer: back to the queue'))).toBe(true);
  });
});

describe('web and agent-initiated callbacks', () => {
  it('a web callback enters the queue with name and number and is offered as Callback', () => {
    const sim = createSimulator({ flows: [], resources: resources(), agents: { alice: 'Available' } });
    const id = sim.webCallback({ name: 'Dana', number: '(201) 555-0142', queue: 'support' });
    const offer = sim.agent('alice').offer;
    expect(offer?.popover).toContainEqual({ label: 'Name', name: 'name', value: 'Dana' });
    expect(offer?.popover).toContainEqual({
      label: 'Customer number',
      name: '$callbackNumber',
      value: '+12015550142',
    });
    sim.agent('alice').accept();
    sim.advance(5);
    expect(sim.snapshot(id)?.status).toBe('connected');
  });

  it("a web callback takes the queue's callback settings where the request gives none", () => {
    const r = resources();
    r.queues.support = {
      ...r.queues.support!,
      callback: { initialDelaySeconds: 60, maxAttempts: 5, retryDelaySeconds: 120, maxQueueSeconds: 3600 },
    };
    const sim = createSimulator({ flows: [], resources: r });
    const id = sim.webCallback({ name: 'Dana', number: '+12015550142', queue: 'support' });
    expect(sim.snapshot(id)?.callback?.request).toMatchObject({
      initialDelaySeconds: 60,
      maxAttempts: 5,
      retryDelaySeconds: 120,
      maxQueueSeconds: 3600,
    });
  });

  it('refuses a web callback to a number that cannot be dialled', () => {
    const sim = createSimulator({ flows: [], resources: resources() });
    const id = sim.webCallback({ name: 'Eve', number: '12', queue: 'support' });
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.trace(id)[0]?.error).toMatchObject({
      code: 'RT105',
      detail: expect.stringMatching(/web callback refused/),
    });
  });

  it('an agent-initiated callback runs the outbound whisper, whose Call phone number sets the caller ID', () => {
    const r = resources();
    r.queues.support = { ...r.queues.support!, outboundWhisperFlow: 'outbound' };
    const outbound = flow('outbound', 'outbound-whisper', 'say', {
      say: block('playPrompt', say('Calling the customer.'), { success: 'number', error: 'number' }),
      number: block(
        'callPhoneNumber',
        { callerId: { strategy: 'fixed', number: 'sales' } },
        { success: 'go', error: 'go' },
      ),
      go: block('endFlow'),
    });
    const sim = createSimulator({ flows: [outbound], resources: r, agents: { alice: 'Available' } });
    const id = sim.agentCallback({ agent: 'alice', number: '+13125550147', queue: 'support' });
    expect(sim.heard(id, 'agent')).toEqual(['Calling the customer.']);
    sim.advance(3);
    const dial = sim.events.find((e) => e.contactId === id && e.type === 'dial')?.detail as {
      callerId: string;
      purpose: string;
    };
    expect(dial).toMatchObject({ purpose: 'agentOutbound', callerId: '+12125550111' });
    expect(sim.trace(id).find((t) => t.callerId)?.callerId?.rule).toBe('outboundWhisper');
  });
});
