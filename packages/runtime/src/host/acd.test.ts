import { describe, expect, it } from 'vitest';
import { resources } from '../engine/test-support/fixtures.js';
import { SimpleAcd } from './acd.js';

/** alice and bob in support, both Available; bob has been idle longer (he is matched first). */
function acd(): SimpleAcd {
  const a = new SimpleAcd(resources(), 100, { alice: 'Available', bob: 'Available' });
  a.setState('bob', 'Offline', 0);
  a.setState('bob', 'Available', 0);
  return a;
}

describe('SimpleAcd: the agent who transferred a contact to the queue', () => {
  it('is passed over while another agent is free to take the contact', () => {
    const a = acd();
    a.enqueue('x', 'support', 'support', 10, 'call', ['bob']);
    expect(a.match()).toEqual([{ agent: 'alice', contactId: 'x' }]);
  });

  it('is offered the contact when no other agent is free, rather than leaving it waiting', () => {
    const a = acd();
    a.setState('alice', 'Offline', 200);
    a.enqueue('x', 'support', 'support', 10, 'call', ['bob']);
    expect(a.match()).toEqual([{ agent: 'bob', contactId: 'x' }]);
  });

  it('is offered the contact once the other free agent took an earlier one', () => {
    const a = acd();
    a.enqueue('y', 'support', 'support', 5, 'call');
    a.enqueue('x', 'support', 'support', 10, 'call', ['alice']);
    // bob (idle longest) takes y, the earliest; alice is the only agent left free for x.
    expect(a.match()).toEqual([
      { agent: 'bob', contactId: 'y' },
      { agent: 'alice', contactId: 'x' },
    ]);
  });
});
