import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('playHoldAudio', () => {
  it('loops the music for its duration, then stops it and takes success', () => {
    const f = flow('h', 'inbound', 'hold', {
      hold: block('playHoldAudio', { durationSeconds: 20 }, { success: 'bye' }),
      bye: end(),
    });
    const { sim, id, outcome } = run(f);
    sim.advance(10);
    expect(outcome('hold')).toBeUndefined();
    expect(sim.heard(id)).toContain('hold music');
    sim.advance(15);
    expect(outcome('hold')).toBe('success');
    expect(sim.snapshot(id)?.status).toBe('ended');
  });

  it('skips a prompt resources do not have, with the reason in the trace', () => {
    const f = flow('h', 'inbound', 'hold', {
      hold: block(
        'playHoldAudio',
        { prompt: { prompt: 'missing' }, durationSeconds: 20 },
        { success: 'bye' },
      ),
      bye: end(),
    });
    const { sim, id, outcome } = run(f);
    expect(outcome('hold')).toBe('success');
    expect(sim.trace(id).find((t) => t.block === 'hold')?.note).toContain('is not in resources: skipped');
  });
});
