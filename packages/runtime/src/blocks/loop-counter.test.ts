import { describe, expect, it } from 'vitest';
import { block, flow, say } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('loopCounter', () => {
  it('loops count times, then completes', () => {
    const f = flow('l', 'inbound', 'loop', {
      loop: block('loopCounter', { count: 2 }, { looping: 'say', complete: 'bye' }),
      say: block('playPrompt', say('Again.'), { success: 'loop', error: 'loop' }),
      bye: end(),
    });
    const { sim, id } = run(f);
    sim.advance(10);
    expect(sim.heard(id)).toEqual(['Again.', 'Again.']);
    expect(sim.snapshot(id)?.status).toBe('ended');
  });
});
