import { describe, expect, it } from 'vitest';
import { ringingOffers } from './desk-offers';
import type { DesktopAgent, DesktopConsult } from './desktop-api';

const agent = (extra: Partial<DesktopAgent>): DesktopAgent => ({
  name: 'bilal.khan',
  displayName: 'Bilal Khan',
  groups: [],
  state: 'Available',
  contactId: null,
  offer: null,
  ...extra,
});

const consult = (extra: Partial<DesktopConsult>): DesktopConsult => ({
  from: 'alice.ng',
  contactId: 'c1',
  to: { agent: 'bilal.khan' },
  status: 'ringing',
  role: 'consulted',
  popover: [{ label: 'Agent name', name: '$agentName', value: 'Alice Ng' }],
  callerId: null,
  ...extra,
});

describe('what rings on the desktop', () => {
  it('is the queue’s offer, placed by when the service made it, with its ring-out time', () => {
    const [offer, ...rest] = ringingOffers(
      agent({
        offer: {
          contactId: 'c9',
          queue: 'support',
          title: 'Technical support',
          popover: [],
          timeoutSeconds: 20,
          ringsUntil: '2026-12-07T10:00:20.000Z',
        },
      }),
    );
    expect(rest).toEqual([]);
    expect(offer).toMatchObject({
      kind: 'call',
      title: 'Technical support',
      ringsUntil: '2026-12-07T10:00:20.000Z',
      at: Date.parse('2026-12-07T10:00:00.000Z'),
    });
  });

  it('is a consult request while it rings, titled by the consulting agent, with no ring-out time', () => {
    expect(ringingOffers(agent({ consult: consult({}) }))).toMatchObject([
      { kind: 'consult', title: 'Consult from Alice Ng', ringsUntil: null },
    ]);
    // Answered, or held by this agent: nothing rings.
    expect(ringingOffers(agent({ consult: consult({ status: 'connected' }) }))).toEqual([]);
    expect(ringingOffers(agent({ consult: consult({ role: 'consulting' }) }))).toEqual([]);
    expect(ringingOffers(null)).toEqual([]);
  });
});
