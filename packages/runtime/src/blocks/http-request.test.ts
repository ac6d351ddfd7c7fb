import { describe, expect, it } from 'vitest';
import { block, flow } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('httpRequest', () => {
  const f = (url: string, extra: Record<string, unknown> = {}) =>
    flow(
      'h',
      'inbound',
      'call',
      {
        call: block(
          'httpRequest',
          {
            method: 'GET',
            url,
            timeoutSeconds: 3,
            maxResponseBytes: 1000,
            responseMapping: [{ pointer: '/customer/tier', variable: 'tier' }],
            ...extra,
          },
          { success: 'bye', error: 'bye', timeout: 'bye' },
        ),
        bye: end(),
      },
      { variables: { tier: { type: 'string' } } },
    );
  it('maps values of a 2xx JSON answer into variables, with the number URL-encoded', () => {
    const { sim, id, outcome } = run(f('https://crm.example.com/customers/{{$callerNumber}}'), {
      http: {
        'GET https://crm.example.com/customers/%2B12015550199': {
          status: 200,
          body: { customer: { tier: 'gold' } },
          delaySeconds: 1,
        },
      },
    });
    sim.advance(2);
    expect(outcome('call')).toBe('success');
    expect(sim.snapshot(id)?.variables.tier).toBe('gold');
    expect(sim.snapshot(id)?.system.httpStatus).toBe(200);
  });
  it('takes error for a non-2xx status and for a missing pointer', () => {
    const a = run(f('https://crm.example.com/x'), {
      http: { 'GET https://crm.example.com/x': { status: 500 } },
    });
    a.sim.advance(1);
    expect(a.outcome('call')).toBe('error');
    const b = run(f('https://crm.example.com/x'), {
      http: { 'GET https://crm.example.com/x': { status: 200, body: { other: 1 } } },
    });
    b.sim.advance(1);
    expect(b.outcome('call')).toBe('error');
  });
  it('takes timeout when no answer comes in time', () => {
    const { sim, outcome } = run(f('https://crm.example.com/slow'), {
      http: { 'GET https://crm.example.com/slow': { status: 200, body: {}, delaySeconds: 30 } },
    });
    sim.advance(40);
    expect(outcome('call')).toBe('timeout');
  });
  it('refuses loopback and metadata addresses without sending anything', () => {
    const { sim, id, outcome } = run(f('http://169.254.169.254/latest/meta-data'));
    expect(outcome('call')).toBe('error');
    expect(sim.events.some((e) => e.contactId === id && e.type === 'httpRequest')).toBe(false);
  });
});
