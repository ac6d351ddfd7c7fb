import { describe, expect, it } from 'vitest';
import { block, flow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { end } from './test-support/run-block.js';

const CALLER = '+12015550191';

/** After hours: the caller may leave a message for support, then hears a goodbye. */
const afterHours = (settings: Record<string, unknown> = {}) =>
  flow('main', 'inbound', 'set', {
    set: block('setWorkingQueue', { queue: 'support' }, { success: 'message', error: 'bye' }),
    message: block(
      'voicemail',
      {
        prompt: { text: 'Leave a message after the tone.' },
        maxLengthSeconds: 60,
        silenceTimeoutSeconds: 5,
        ...settings,
      },
      { recorded: 'thanks', noMessage: 'nothing', error: 'sorry' },
    ),
    thanks: block('playPrompt', say('Thank you, we will call you back.'), { success: 'bye', error: 'bye' }),
    nothing: block('playPrompt', say('We did not hear a message.'), { success: 'bye', error: 'bye' }),
    sorry: block('playPrompt', say('We cannot take a message now.'), { success: 'bye', error: 'bye' }),
    bye: end(),
  });

function call(settings: Record<string, unknown> = {}, agents: Record<string, 'Available' | 'Offline'> = {}) {
  const sim = createSimulator({ resources: resources(), flows: [afterHours(settings)], agents });
  const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
  sim.advance(3); // the prompt plays; the beep
  const outcome = () =>
    sim
      .trace(id)
      .filter((t) => t.block === 'message' && t.outcome)
      .at(-1)?.outcome;
  return { sim, id, outcome };
}

describe('voicemail', () => {
  it('a message becomes a callback request carrying the recording, offered to an agent like any callback', () => {
    const { sim, id, outcome } = call();
    sim.leaveMessage(id, 12);
    expect(outcome()).toBe('recorded');
    expect(sim.heard(id)).toContain('Thank you, we will call you back.');
    const callback = sim.contacts().find((c) => sim.snapshot(c)?.kind === 'callback');
    expect(callback).toBeDefined();
    const request = sim.snapshot(callback!)?.callback?.request;
    expect(request).toMatchObject({
      number: CALLER,
      queue: 'support',
      voicemail: { recordingUrl: expect.stringMatching(/^simulator:\/\/voicemail\//), durationSeconds: 12 },
    });
    // alice comes on shift: the callback is offered with the voicemail in its popover.
    sim.agent('alice').setState('Available');
    sim.advance(1);
    const offer = sim.agent('alice').offer;
    expect(offer?.title).toBe('Callback');
    expect(offer?.popover).toContainEqual({
      label: 'Voicemail',
      name: '$voicemail',
      value: `${request!.voicemail!.recordingUrl} (12 s)`,
    });
  });

  it('is cut at the longest message', () => {
    const { sim, id, outcome } = call({ maxLengthSeconds: 10 });
    sim.leaveMessage(id, 45);
    expect(outcome()).toBe('recorded');
    const callback = sim.contacts().find((c) => sim.snapshot(c)?.kind === 'callback')!;
    expect(sim.snapshot(callback)?.callback?.request.voicemail?.durationSeconds).toBe(10);
  });

  it('silence from the start is no message, and no callback is queued', () => {
    const { sim, id, outcome } = call();
    sim.advance(4);
    expect(outcome()).toBeUndefined();
    sim.advance(2);
    expect(outcome()).toBe('noMessage');
    expect(sim.heard(id)).toContain('We did not hear a message.');
    expect(sim.contacts().filter((c) => sim.snapshot(c)?.kind === 'callback')).toEqual([]);
  });

  it('a caller who hangs up before speaking leaves no message; one who hangs up after speaking leaves one', () => {
    const silent = call();
    silent.sim.hangUp(silent.id);
    expect(silent.outcome()).toBe('noMessage');
    expect(silent.sim.contacts().filter((c) => silent.sim.snapshot(c)?.kind === 'callback')).toEqual([]);

    const spoken = call();
    spoken.sim.telephony.speak(spoken.id, 60);
    spoken.sim.advance(8);
    spoken.sim.hangUp(spoken.id);
    expect(spoken.outcome()).toBe('recorded');
    const callback = spoken.sim.contacts().find((c) => spoken.sim.snapshot(c)?.kind === 'callback')!;
    expect(spoken.sim.snapshot(callback)?.callback?.request.voicemail?.durationSeconds).toBe(8);
  });

  it('takes error without a queue, or when the recording fails', () => {
    const noQueue = flow('main', 'inbound', 'message', {
      message: block('voicemail', {}, { recorded: 'bye', noMessage: 'bye', error: 'bye' }),
      bye: end(),
    });
    const sim = createSimulator({ resources: resources(), flows: [noQueue] });
    const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
    expect(sim.trace(id).find((t) => t.block === 'message' && t.outcome)).toMatchObject({
      outcome: 'error',
      note: expect.stringContaining('no queue named and no working queue set'),
    });

    const failing = createSimulator({
      resources: resources(),
      flows: [afterHours()],
      failCommand: (_contact, command) => (command.type === 'recordMessage' ? 'recording failed' : undefined),
    });
    const f = failing.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
    failing.advance(3);
    expect(
      failing
        .trace(f)
        .filter((t) => t.block === 'message' && t.outcome)
        .at(-1)?.outcome,
    ).toBe('error');
    expect(failing.heard(f)).toContain('We cannot take a message now.');
  });
});
