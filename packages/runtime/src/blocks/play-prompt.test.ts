import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { run } from './test-support/run-block.js';

describe('unwired outcomes', () => {
  it('ends the call when an outcome leads nowhere (CF207)', () => {
    const f = flow('u', 'inbound', 'say', {
      say: block('playPrompt', { prompt: { prompt: 'missing' } }, { success: 'say' }),
    });
    const { sim, id } = run(f);
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.trace(id).some((t) => t.note?.includes('outcome "error" is not wired'))).toBe(true);
  });
});
