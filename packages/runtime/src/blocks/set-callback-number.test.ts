import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('setCallbackNumber', () => {
  const f = (number: string) =>
    flow('n', 'inbound', 'set', {
      set: block(
        'setCallbackNumber',
        { number: { value: number } },
        { success: 'bye', invalidNumber: 'bye', notDialable: 'bye' },
      ),
      bye: end(),
    });
  it('normalises a valid number into $callbackNumber', () => {
    const { sim, id, outcome } = run(f('(201) 555-0142'));
    expect(outcome('set')).toBe('success');
    expect(sim.snapshot(id)?.system.callbackNumber).toBe('+12015550142');
  });
  it('keeps the extension, and the callback keys it in once the customer answers', () => {
    const withCallback = flow('n', 'inbound', 'set', {
      set: block(
        'setCallbackNumber',
        { number: { value: '(201) 555-0142:12#' } },
        { success: 'create', invalidNumber: 'bye', notDialable: 'bye' },
      ),
      create: block(
        'createCallback',
        {
          queue: 'support',
          initialDelaySeconds: 0,
          maxAttempts: 1,
          retryDelaySeconds: 60,
          maxQueueSeconds: 600,
          keepPosition: false,
        },
        { success: 'bye', error: 'bye' },
      ),
      bye: end(),
    });
    const { sim, id } = run(withCallback, { agents: { alice: 'Available' } });
    expect(sim.snapshot(id)?.system.callbackNumber).toBe('+12015550142:12#');
    sim.agent('alice').accept();
    sim.advance(10);
    const callbackId = sim.contacts().find((c) => c !== id)!;
    expect(sim.events.find((e) => e.type === 'dial')?.detail).toMatchObject({
      purpose: 'callback',
      to: '+12015550142',
      sendDigits: '12#',
    });
    expect(sim.telephony.digitsSent(callbackId).map((d) => d.digits)).toEqual(['12#']);
  });
  it('notDialable outside the allowed countries; invalidNumber for garbage', () => {
    expect(run(f('+442079460958')).outcome('set')).toBe('notDialable');
    expect(run(f('12')).outcome('set')).toBe('invalidNumber');
  });
});
