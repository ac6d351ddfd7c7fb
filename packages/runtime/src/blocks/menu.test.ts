import { describe, expect, it } from 'vitest';
import { block, flow, say } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

const menuFlow = (retries: number) =>
  flow('m', 'inbound', 'choose', {
    choose: block(
      'menu',
      {
        prompt: { text: 'Press 1 or 2.' },
        options: [{ digit: '1' }, { digit: '2' }],
        timeoutSeconds: 5,
        retries,
        noMatchPrompt: { text: 'That key is not an option.' },
      },
      { '1': 'one', '2': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    ),
    one: block('playPrompt', say('You pressed one.'), { success: 'bye', error: 'bye' }),
    bye: end(),
  });

describe('menu', () => {
  it('takes the outcome named after the key, and keeps the key in $lastDigits', () => {
    const { sim, id, outcome } = run(menuFlow(1));
    sim.press(id, '1');
    expect(outcome('choose')).toBe('1');
    expect(sim.trace(id).find((t) => t.block === 'one')).toBeDefined();
  });

  it('asks again after a wrong key with the wrong-key prompt first, then takes noMatch', () => {
    const { sim, id, outcome } = run(menuFlow(1));
    sim.advance(3);
    sim.press(id, '7');
    sim.advance(5);
    expect(sim.heard(id).filter((t) => t === 'That key is not an option.')).toHaveLength(1);
    sim.press(id, '9');
    expect(outcome('choose')).toBe('noMatch');
  });

  it('repeats the prompt when no key comes, then takes timeout', () => {
    const { sim, id, outcome } = run(menuFlow(1));
    sim.advance(60);
    expect(sim.heard(id).filter((t) => t === 'Press 1 or 2.')).toHaveLength(2);
    expect(outcome('choose')).toBe('timeout');
  });

  it('takes error when its prompt is not in resources', () => {
    const f = flow('m', 'inbound', 'choose', {
      choose: block(
        'menu',
        { prompt: { prompt: 'missing' }, options: [{ digit: '1' }], timeoutSeconds: 5, retries: 0 },
        { '1': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
      ),
      bye: end(),
    });
    expect(run(f).outcome('choose')).toBe('error');
  });
});
