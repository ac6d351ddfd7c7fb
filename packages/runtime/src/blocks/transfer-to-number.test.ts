import { describe, expect, it } from 'vitest';
import { block, flow, resources } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('transferToNumber', () => {
  const f = (settings: Record<string, unknown>) =>
    flow('t', 'inbound', 'go', {
      go: block(
        'transferToNumber',
        { to: { value: '+13125550147' }, timeoutSeconds: 20, resumeAfterDisconnect: false, ...settings },
        { connected: 'bye', busy: 'bye', noAnswer: 'bye', error: 'bye' },
      ),
      bye: end(),
    });
  it('passes the caller number through when no caller ID is set, and says why in the trace', () => {
    const { sim, id } = run(f({}));
    const dial = sim.events.find((e) => e.type === 'dial')?.detail as { callerId: string };
    expect(dial.callerId).toBe('+12015550199');
    const decision = sim.trace(id).find((t) => t.callerId)?.callerId;
    expect(decision?.rule).toBe('caller');
    expect(decision?.reason.length).toBeGreaterThan(0);
    sim.advance(5);
    expect(sim.snapshot(id)?.status).toBe('transferred');
  });
  it.each([
    ['+13125550147:12', '12'],
    ['+1 312 555 0147:12#', '12#'],
  ])('keeps the extension of %s and keys it in once the number answers', (to, digits) => {
    const { sim, id } = run(f({ to: { value: to } }));
    expect(sim.events.find((e) => e.type === 'dial')?.detail).toMatchObject({
      to: '+13125550147',
      sendDigits: digits,
    });
    expect(sim.telephony.digitsSent(id)).toEqual([]);
    sim.advance(5);
    expect(sim.telephony.digitsSent(id)).toEqual([expect.objectContaining({ to: '+13125550147', digits })]);
  });

  it('sends no digits when the number does not answer', () => {
    const { sim, id } = run(f({ to: { value: '+13125550147:12' } }), { numbers: { '+13125550147': 'busy' } });
    sim.advance(5);
    expect(sim.telephony.digitsSent(id)).toEqual([]);
  });

  it('dials an emergency number only when the account lists it exactly', () => {
    const to911 = f({ to: { value: '911' } });
    const refused = run(to911);
    expect(refused.outcome('go')).toBe('error');
    expect(refused.sim.events.some((e) => e.type === 'dial')).toBe(false);
    const listed = resources();
    listed.account.allowedSpecialNumbers = ['911'];
    const { sim } = run(to911, { resources: listed });
    expect(sim.events.find((e) => e.type === 'dial')?.detail).toMatchObject({ to: '911' });
  });
  it('shows a fixed caller ID and takes busy', () => {
    const { sim, outcome } = run(f({ callerId: { strategy: 'fixed', number: 'sales' } }), {
      numbers: { '+13125550147': 'busy' },
    });
    expect(
      (sim.events.find((e) => e.type === 'dial')?.detail as { callerId?: string } | undefined)?.callerId,
    ).toBe('+12125550111');
    sim.advance(2);
    expect(outcome('go')).toBe('busy');
  });
  it('comes back at connected when the called party hangs up, with resumeAfterDisconnect', () => {
    const { sim, outcome } = run(f({ resumeAfterDisconnect: true }), {
      numbers: { '+13125550147': { answer: true, hangUpAfterSeconds: 30 } },
    });
    sim.advance(40);
    expect(outcome('go')).toBe('connected');
  });
  it('refuses a number outside the allowed countries (toll fraud)', () => {
    const { sim, outcome } = run(f({ to: { value: '+882123456789' } }));
    expect(outcome('go')).toBe('error');
    expect(sim.events.some((e) => e.type === 'dial')).toBe(false);
  });
});
