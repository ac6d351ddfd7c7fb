import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.js';
import {
  block,
  flow,
  menuFlow,
  resources,
  say,
  supportQueueFlow,
  whisperFlows,
} from './test-support/fixtures.js';

describe('moving between queues and waiting', () => {
  it('Transfer to queue inside a customer-queue flow moves the contact to the other queue', () => {
    const mover = flow('support-queue', 'customer-queue', 'tell', {
      tell: block('playPrompt', say('Moving you to sales.'), { success: 'move', error: 'move' }),
      move: block('transferToQueue', { queue: 'sales' }, { atCapacity: 'wait', error: 'wait' }),
      wait: block('playHoldAudio', { durationSeconds: 30 }, { success: 'wait2' }),
      wait2: block('playHoldAudio', { durationSeconds: 30 }, { success: 'wait' }),
    });
    const sim = createSimulator({ flows: [menuFlow(), mover], resources: resources() });
    const id = sim.startCall({ flow: 'main', to: '+1' });
    sim.advance(2);
    sim.press(id, '2');
    sim.advance(5);
    expect(sim.snapshot(id)?.queue?.name).toBe('sales');
    expect(sim.acd.queued('sales').map((q) => q.contactId)).toEqual([id]);
    expect(sim.acd.queued('support')).toEqual([]);
    // bob is in the sales group, alice is not.
    sim.agent('alice').setState('Available');
    expect(sim.agent('alice').offer).toBeUndefined();
    sim.agent('bob').setState('Available');
    expect(sim.agent('bob').offer?.queue).toBe('sales');
  });

  it('speaks position and estimated wait, rounded up to minutes', () => {
    const status = flow('support-queue', 'customer-queue', 'status', {
      status: block('playQueueStatus', { say: 'both' }, { success: 'hold', error: 'hold' }),
      hold: block('playHoldAudio', { durationSeconds: 60 }, { success: 'status' }),
    });
    const sim = createSimulator({
      flows: [menuFlow(), status],
      resources: resources(),
      averageHandleSeconds: 150,
    });
    const id = sim.startCall({ flow: 'main', to: '+1' });
    sim.advance(2);
    sim.press(id, '2');
    expect(sim.heard(id).at(-1)).toBe('You are number 1 in the queue. Your estimated wait is 3 minutes.');
  });

  it('offers a callback before Transfer to queue when the wait in the working queue is long enough', () => {
    const offerFirst = (minEstimatedWaitSeconds: number) =>
      flow('main', 'inbound', 'queue', {
        queue: block('setWorkingQueue', { queue: 'support' }, { success: 'offer', error: 'bye' }),
        offer: block(
          'offerCallback',
          {
            prompt: { text: 'Press 1 for a callback.' },
            acceptDigit: '1',
            timeoutSeconds: 5,
            confirmPrompt: { text: 'Confirm.' },
            enterNumberPrompt: { text: 'Enter.' },
            minEstimatedWaitSeconds,
          },
          {
            accepted: 'bye',
            declined: 'transfer',
            timeout: 'transfer',
            invalidNumber: 'transfer',
            error: 'bye',
          },
        ),
        transfer: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
        bye: block('disconnect'),
      });
    // Nobody staffs support: the first caller would wait one average handle time, 150 s.
    const call = (min: number) => {
      const sim = createSimulator({
        flows: [offerFirst(min)],
        resources: resources(),
        averageHandleSeconds: 150,
      });
      const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+1' });
      sim.advance(1);
      return { sim, id };
    };
    const long = call(120);
    expect(long.sim.heard(long.id)).toEqual(['Press 1 for a callback.']);
    expect(long.sim.trace(long.id).some((t) => t.block === 'offer' && t.outcome === 'declined')).toBe(false);
    const short = call(300);
    expect(short.sim.trace(short.id).find((t) => t.block === 'offer' && t.outcome)?.note).toBe(
      'estimated wait 150 s is under 300 s: not offered',
    );
  });

  it('skips the callback offer when the estimated wait is short', () => {
    const offer = flow('support-queue', 'customer-queue', 'offer', {
      offer: block(
        'offerCallback',
        {
          prompt: { text: 'Press 1 for a callback.' },
          acceptDigit: '1',
          timeoutSeconds: 5,
          confirmPrompt: { text: 'Confirm.' },
          enterNumberPrompt: { text: 'Enter.' },
          minEstimatedWaitSeconds: 600,
        },
        { accepted: 'hold', declined: 'hold', timeout: 'hold', invalidNumber: 'hold', error: 'hold' },
      ),
      hold: block('playHoldAudio', { durationSeconds: 60 }, { success: 'offer' }),
    });
    const sim = createSimulator({ flows: [menuFlow(), offer], resources: resources() });
    const id = sim.startCall({ flow: 'main', to: '+1' });
    sim.advance(2);
    sim.press(id, '2');
    const entry = sim.trace(id).find((t) => t.block === 'offer');
    expect(entry?.outcome).toBe('declined');
    expect(entry?.note).toMatch(/not offered/);
  });
});

describe('modules and whispers', () => {
  it('a module cannot invoke itself', () => {
    const selfish = flow('again', 'module', 'call', {
      call: block('invokeModule', { module: 'again' }, { success: 'back', error: 'back' }),
      back: block('return', {}),
    });
    const main = flow('main', 'inbound', 'call', {
      call: block('invokeModule', { module: 'again' }, { success: 'bye', error: 'bye' }),
      bye: block('disconnect'),
    });
    const sim = createSimulator({ flows: [main, selfish], resources: resources() });
    const id = sim.startCall({ flow: 'main', to: '+1' });
    expect(sim.trace(id).find((t) => t.flowId === 'again' && t.block === 'call')?.note).toMatch(
      /cannot invoke themselves/,
    );
    expect(sim.trace(id).find((t) => t.flowId === 'main' && t.block === 'call' && t.outcome)?.outcome).toBe(
      'success',
    );
  });

  it('a Disconnect inside a module ends the call', () => {
    const hangs = flow('hangs', 'module', 'bye', { bye: block('disconnect') });
    const main = flow('main', 'inbound', 'call', {
      call: block('invokeModule', { module: 'hangs' }, { success: 'after', error: 'after' }),
      after: block('playPrompt', say('Never heard.'), { success: 'bye' }),
      bye: block('disconnect'),
    });
    const sim = createSimulator({ flows: [main, hangs], resources: resources() });
    const id = sim.startCall({ flow: 'main', to: '+1' });
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.snapshot(id)?.endReason).toBe('disconnected by a module');
    expect(sim.heard(id)).toEqual([]);
  });

  it('Set whisper flow overrides the queue default for the rest of the contact', () => {
    const main = menuFlow();
    main.blocks.queue = block(
      'setWhisperFlow',
      { kind: 'agent', flow: 'agent-hello' },
      { success: 'queue2', error: 'queue2' },
    );
    main.blocks.queue2 = block(
      'setWorkingQueue',
      { queue: 'support' },
      { success: 'transfer', error: 'bye' },
    );
    const sim = createSimulator({
      flows: [main, supportQueueFlow(), ...whisperFlows()],
      resources: resources(),
      agents: { alice: 'Available' },
    });
    const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+1' });
    sim.advance(2);
    sim.press(id, '2');
    sim.agent('alice').accept();
    expect(sim.heard(id, 'agent')).toEqual(['Support call from +12015550199.']);
    expect(sim.snapshot(id)?.whisper.agent).toBe('agent-hello');
  });
});

describe('events that do not fit', () => {
  it('ignores events for an ended contact and an agent event for a contact not in a queue', () => {
    const sim = createSimulator({ flows: [menuFlow()], resources: resources() });
    const id = sim.startCall({ flow: 'main', to: '+1' });
    sim.send(id, { type: 'agentAvailable', agent: 'alice' });
    expect(sim.trace(id).at(-1)?.ignored).toBe('the contact is not waiting in a queue');
    sim.hangUp(id);
    sim.press(id, '1');
    sim.send(id, { type: 'digits', digits: '1' });
    expect(sim.trace(id).at(-1)?.ignored).toMatch(/the contact has ended/);
  });
});
