import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('setWorkingQueue', () => {
  it('refuses a queue missing from resources and accepts one it has', () => {
    const f = flow('m', 'inbound', 'q', {
      q: block('setWorkingQueue', { queue: 'nope' }, { success: 'ok', error: 'ok' }),
      ok: block('setWorkingQueue', { queue: 'support' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { outcome } = run(f);
    expect(outcome('q')).toBe('error');
    expect(outcome('ok')).toBe('success');
  });
});
