import { describe, expect, it } from 'vitest';
import { block, flow, say } from '../engine/test-support/fixtures.js';
import { run } from './test-support/run-block.js';

describe('disconnect', () => {
  it('hangs up the call, ending the contact', () => {
    const f = flow('d', 'inbound', 'bye', { bye: block('disconnect'), never: block('playPrompt', say('x')) });
    const { sim, id } = run(f);
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.snapshot(id)?.endReason).toBe('disconnected by the flow');
    expect(sim.heard(id)).toEqual([]);
  });
});
