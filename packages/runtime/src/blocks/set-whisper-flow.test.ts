import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('setWhisperFlow', () => {
  it('refuses a whisper flow of the wrong type', () => {
    const wrong = flow('w', 'customer-whisper', 'go', { go: block('endFlow') });
    const f = flow('m', 'inbound', 'w', {
      w: block('setWhisperFlow', { kind: 'agent', flow: 'w' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    expect(run(f, { flows: [wrong] }).outcome('w')).toBe('error');
  });

  it('takes success for a whisper flow of the kind asked for', () => {
    const right = flow('w', 'agent-whisper', 'go', { go: block('endFlow') });
    const f = flow('m', 'inbound', 'w', {
      w: block('setWhisperFlow', { kind: 'agent', flow: 'w' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    expect(run(f, { flows: [right] }).outcome('w')).toBe('success');
  });
});
