import { describe, expect, it } from 'vitest';
import { block, flow, say } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('setRecording', () => {
  const f = flow(
    'r',
    'inbound',
    'start',
    {
      start: block('setRecording', { action: 'start' }, { success: 'shield', error: 'bye' }),
      shield: block(
        'setRecording',
        { action: 'pause', privacyShieldSeconds: 20 },
        { success: 'ask', error: 'bye' },
      ),
      ask: block(
        'playPrompt',
        say('Please read your card number now, then wait a moment while we check it.'),
        { success: 'hold', error: 'bye' },
      ),
      hold: block(
        'getDigits',
        {
          prompt: { text: 'Enter it.' },
          variable: 'card',
          minDigits: 1,
          maxDigits: 20,
          timeoutSeconds: 60,
          retries: 0,
        },
        { success: 'bye', timeout: 'bye', invalid: 'bye', error: 'bye' },
      ),
      bye: end(),
    },
    { variables: { card: { type: 'string', secure: true } } },
  );
  it('pauses with a privacy shield that resumes recording on its own', () => {
    const { sim, id } = run(f);
    expect(sim.telephony.recordingState(id)).toBe('paused');
    sim.advance(21);
    expect(sim.telephony.recordingState(id)).toBe('on');
    expect(sim.snapshot(id)?.recording.state).toBe('on');
    expect(sim.trace(id).some((t) => t.note === 'privacy shield over: recording resumes')).toBe(true);
  });
  it('refuses to pause during a consult or conference', () => {
    const g = flow('r', 'inbound', 'start', {
      start: block('setRecording', { action: 'start' }, { success: 'wait', error: 'bye' }),
      wait: block('playPrompt', say('One moment.'), { success: 'pause', error: 'bye' }),
      pause: block('setRecording', { action: 'pause' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { sim, id, outcome } = run(g);
    sim.consult(id, true);
    sim.advance(5);
    expect(outcome('pause')).toBe('error');
    expect(sim.trace(id).find((t) => t.block === 'pause')?.note).toMatch(/not available during a consult/);
  });
  it('stopping during a privacy shield cancels its timer', () => {
    const g = flow('r', 'inbound', 'start', {
      start: block('setRecording', { action: 'start' }, { success: 'shield', error: 'bye' }),
      shield: block(
        'setRecording',
        { action: 'pause', privacyShieldSeconds: 20 },
        { success: 'stop', error: 'bye' },
      ),
      stop: block('setRecording', { action: 'stop' }, { success: 'wait', error: 'bye' }),
      wait: block('playPrompt', say('Still here.'), { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { sim, id } = run(g);
    expect(sim.snapshot(id)?.timers).toEqual([]);
    sim.advance(30);
    expect(sim.telephony.recordingState(id)).toBe('off');
  });

  it('resume without a pause is an error; stop ends recording', () => {
    const g = flow('r', 'inbound', 'resume', {
      resume: block('setRecording', { action: 'resume' }, { success: 'start', error: 'start' }),
      start: block('setRecording', { action: 'start' }, { success: 'stop', error: 'bye' }),
      stop: block('setRecording', { action: 'stop' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { sim, id, outcome } = run(g);
    expect(outcome('resume')).toBe('error');
    expect(outcome('stop')).toBe('success');
    expect(sim.snapshot(id)?.recording.state).toBe('off');
  });
});
