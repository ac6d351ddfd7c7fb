import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('getDigits', () => {
  const f = (validate?: 'phoneNumber') =>
    flow(
      'g',
      'inbound',
      'ask',
      {
        ask: block(
          'getDigits',
          {
            prompt: { text: 'Enter your PIN.' },
            variable: 'pin',
            minDigits: 4,
            maxDigits: 6,
            timeoutSeconds: 5,
            terminator: '#',
            retries: 1,
            ...(validate ? { validate } : {}),
          },
          { success: 'bye', timeout: 'bye', invalid: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables: { pin: { type: 'string', secure: true } } },
    );
  it('stores the digits before the terminator and masks the secure value in the trace', () => {
    const { sim, id, outcome } = run(f());
    sim.press(id, '1234#');
    expect(outcome('ask')).toBe('success');
    expect(sim.snapshot(id)?.variables.pin).toBe('1234');
    expect(JSON.stringify(sim.trace(id))).not.toContain('1234');
  });
  it('asks again after too few digits, then takes invalid', () => {
    const { sim, id, outcome } = run(f());
    sim.press(id, '12#');
    sim.press(id, '9#');
    expect(outcome('ask')).toBe('invalid');
    expect(sim.heard(id).filter((t) => t === 'Enter your PIN.')).toHaveLength(2);
  });
  it('ends input after a pause and accepts what was typed', () => {
    const { sim, id, outcome } = run(f());
    sim.advance(3);
    sim.press(id, '55555');
    sim.advance(6);
    expect(outcome('ask')).toBe('success');
  });
  it('takes timeout when nothing is typed', () => {
    const { sim, outcome } = run(f());
    sim.advance(30);
    expect(outcome('ask')).toBe('timeout');
  });
});

describe('getDigits as a phone number', () => {
  const f = flow(
    'p',
    'inbound',
    'ask',
    {
      ask: block(
        'getDigits',
        {
          prompt: { text: 'Your number, then hash.' },
          variable: 'phone',
          minDigits: 3,
          maxDigits: 18,
          timeoutSeconds: 5,
          terminator: '#',
          retries: 0,
          validate: 'phoneNumber',
        },
        { success: 'bye', timeout: 'bye', invalid: 'bye', error: 'bye' },
      ),
      bye: end(),
    },
    { variables: { phone: { type: 'string' } } },
  );
  it('stores a valid dial number in E.164', () => {
    const { sim, id, outcome } = run(f);
    sim.press(id, '2015550142#');
    expect(outcome('ask')).toBe('success');
    expect(sim.snapshot(id)?.variables.phone).toBe('+12015550142');
  });
  it('takes invalid for a number outside the allowed countries', () => {
    const { sim, id, outcome } = run(f);
    sim.press(id, '011442079460958#');
    expect(outcome('ask')).toBe('invalid');
  });
});
