import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

/** Sets a tier and a PIN, then texts `to` with `message`; `sent` and `failed` go to distinct ends. */
const texting = (to: unknown, message: string, extraAssignments: unknown[] = []) =>
  flow(
    'texts',
    'inbound',
    'set',
    {
      set: block(
        'setVariables',
        {
          assignments: [
            { variable: 'tier', value: { value: 'gold' } },
            { variable: 'pin', value: { value: '4321' } },
            ...extraAssignments,
          ],
        },
        { success: 'text', error: 'text' },
      ),
      text: block('sendMessage', { to, message }, { sent: 'ok', failed: 'ko' }),
      ok: end(),
      ko: end(),
    },
    {
      variables: {
        tier: { type: 'string' },
        pin: { type: 'string', secure: true },
        echo: { type: 'string' },
        other: { type: 'string' },
      },
    },
  );

const caller = { variable: '$callerNumber' };

describe('sendMessage', () => {
  it('texts the caller from the dialled number with the placeholders filled, and takes sent', () => {
    const r = run(texting(caller, 'Your {{tier}} callback is booked, call {{$contactId}}.'));
    r.sim.advance(1);
    expect(r.outcome('text')).toBe('sent');
    expect(r.sim.telephony.messages(r.id)).toEqual([
      expect.objectContaining({
        to: '+12015550199',
        from: '+12015550100',
        body: `Your gold callback is booked, call ${r.id}.`,
        status: 'sent',
      }),
    ]);
  });

  it('takes failed when the provider refuses the number', () => {
    const r = run(texting({ value: '+13125550147' }, 'Hello'), { numbers: { '+13125550147': 'fail' } });
    r.sim.advance(1);
    expect(r.outcome('text')).toBe('failed');
    expect(JSON.stringify(r.sim.trace(r.id))).toContain('the provider refused the message');
  });

  it('takes failed when the telephony adapter errors', () => {
    const r = run(texting(caller, 'Hello'), {
      failCommand: (_, command) => (command.type === 'sendMessage' ? 'SMS gateway down' : undefined),
    });
    r.sim.advance(1);
    expect(r.outcome('text')).toBe('failed');
  });

  it('checks the number with the dial-number rules and the country allowlist before sending', () => {
    for (const number of ['+442079460000', '911', 'not a number']) {
      const r = run(texting({ value: number }, 'Hello'));
      r.sim.advance(1);
      expect(r.outcome('text')).toBe('failed');
      expect(r.sim.telephony.messages(r.id)).toEqual([]);
    }
  });

  it('refuses a secure variable or a copy of a secure value, and never writes the value anywhere', () => {
    const cases = [
      texting(caller, 'Your PIN is {{pin}}'),
      texting(caller, 'Note: {{echo}}', [{ variable: 'echo', value: { value: 'PIN 4321 accepted' } }]),
      texting({ variable: 'pin' }, 'Hello'),
      texting({ variable: 'other' }, 'Hello', [{ variable: 'other', value: { variable: 'pin' } }]),
    ];
    for (const f of cases) {
      const r = run(f);
      r.sim.advance(1);
      expect(r.outcome('text')).toBe('failed');
      expect(r.sim.telephony.messages(r.id)).toEqual([]);
      const trace = JSON.stringify(r.sim.trace(r.id));
      expect(trace).toContain('not sent');
      expect(trace).not.toContain('4321');
    }
  });
});
