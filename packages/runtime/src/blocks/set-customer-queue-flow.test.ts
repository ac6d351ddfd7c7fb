import { describe, expect, it } from 'vitest';
import { parseSnapshot, serializeSnapshot } from '../engine/contact.js';
import { block, flow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { end, run } from './test-support/run-block.js';

/** A customer-queue flow that says `words`, then waits with hold audio. */
const queueFlow = (id: string, words: string) =>
  flow(id, 'customer-queue', 'say', {
    say: block('playPrompt', say(words), { success: 'hold', error: 'hold' }),
    hold: block('playHoldAudio', { durationSeconds: 60 }, { success: 'hold', error: 'hold' }),
  });

const supportQueue = queueFlow('support-queue', 'Please hold for support.');
const vipQueue = queueFlow('vip-queue', 'A specialist will be with you shortly.');

/** Chooses `chosen` as the customer-queue flow, then queues the caller in support. */
const choosing = (chosen: string) =>
  flow('main', 'inbound', 'choose', {
    choose: block('setCustomerQueueFlow', { flow: chosen }, { success: 'set', error: 'set' }),
    set: block('setWorkingQueue', { queue: 'support' }, { success: 'queue', error: 'bye' }),
    queue: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
    bye: end(),
  });

describe('setCustomerQueueFlow', () => {
  it('the queued caller hears the chosen customer-queue flow instead of the queue’s own', () => {
    const r = run(choosing('vip-queue'), { flows: [supportQueue, vipQueue] });
    expect(r.outcome('choose')).toBe('success');
    expect(r.sim.heard(r.id)).toContain('A specialist will be with you shortly.');
    expect(r.sim.heard(r.id)).not.toContain('Please hold for support.');
    expect(r.sim.snapshot(r.id)?.stack.map((f) => f.flowId)).toEqual(['main', 'vip-queue']);
  });

  it('takes error for a flow of another type or one not published, and the queue’s own flow plays', () => {
    const whisper = flow('whisper', 'agent-whisper', 'go', { go: block('endFlow') });
    const wrong = run(choosing('whisper'), { flows: [supportQueue, vipQueue, whisper] });
    expect(wrong.outcome('choose')).toBe('error');
    expect(JSON.stringify(wrong.sim.trace(wrong.id))).toContain(
      'flow \\"whisper\\" is a agent-whisper flow, not customer-queue',
    );
    expect(wrong.sim.heard(wrong.id)).toContain('Please hold for support.');
    const missing = run(choosing('nowhere'), { flows: [supportQueue] });
    expect(missing.outcome('choose')).toBe('error');
    expect(missing.sim.heard(missing.id)).toContain('Please hold for support.');
  });

  it('still holds when the caller moves to another queue, and in the stored snapshot', () => {
    const moving = flow('vip-queue', 'customer-queue', 'say', {
      say: block('playPrompt', say('A specialist will be with you shortly.'), {
        success: 'move',
        error: 'move',
      }),
      move: block('transferToQueue', { queue: 'sales' }, { atCapacity: 'hold', error: 'hold' }),
      hold: block('playHoldAudio', { durationSeconds: 60 }, { success: 'hold', error: 'hold' }),
    });
    const sim = createSimulator({
      resources: resources(),
      flows: [choosing('vip-queue'), supportQueue, moving],
    });
    const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
    sim.advance(10);
    const snapshot = sim.snapshot(id)!;
    expect(snapshot.queue?.name).toBe('sales');
    // Sales has no customer-queue flow of its own: the chosen one starts again there.
    expect(snapshot.stack.map((f) => f.flowId)).toEqual(['main', 'vip-queue']);
    expect(sim.heard(id).filter((line) => line === 'A specialist will be with you shortly.')).toHaveLength(2);
    expect(parseSnapshot(serializeSnapshot(snapshot)).queueFlow).toBe('vip-queue');
  });

  it('leaves a contact without the block on the queue’s own flow (nothing stored)', () => {
    const plain = flow('main', 'inbound', 'set', {
      set: block('setWorkingQueue', { queue: 'support' }, { success: 'queue', error: 'bye' }),
      queue: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
      bye: end(),
    });
    const r = run(plain, { flows: [supportQueue, vipQueue] });
    expect(r.sim.heard(r.id)).toContain('Please hold for support.');
    expect(r.sim.snapshot(r.id)?.queueFlow).toBeUndefined();
  });
});
