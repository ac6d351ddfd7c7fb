import { describe, expect, it } from 'vitest';
import { block, flow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';

const outbound = (callerId: Record<string, unknown>) =>
  flow('outbound', 'outbound-whisper', 'say', {
    say: block('playPrompt', say('Calling the customer.'), { success: 'number', error: 'number' }),
    number: block('callPhoneNumber', { callerId }, { success: 'go', error: 'go' }),
    go: block('endFlow'),
  });

function agentCall(callerId: Record<string, unknown>) {
  const r = resources();
  r.queues.support = { ...r.queues.support!, outboundWhisperFlow: 'outbound' };
  const sim = createSimulator({ flows: [outbound(callerId)], resources: r, agents: { alice: 'Available' } });
  const id = sim.agentCallback({ agent: 'alice', number: '+13125550147', queue: 'support' });
  sim.advance(3);
  return { sim, id };
}

describe('callPhoneNumber', () => {
  it('sets the caller ID the outbound call is placed with, and says which rule chose it', () => {
    const { sim, id } = agentCall({ strategy: 'fixed', number: 'sales' });
    const dial = sim.events.find((e) => e.contactId === id && e.type === 'dial')?.detail as {
      callerId: string;
    };
    expect(dial.callerId).toBe('+12125550111');
    expect(sim.trace(id).find((t) => t.block === 'number')?.outcome).toBe('success');
    expect(sim.trace(id).find((t) => t.callerId)?.callerId?.rule).toBe('outboundWhisper');
  });

  it('takes error for a variable caller ID whose variable holds no number', () => {
    const { sim, id } = agentCall({ strategy: 'variable', variable: 'campaignNumber' });
    const entry = sim.trace(id).find((t) => t.block === 'number');
    expect(entry?.outcome).toBe('error');
    expect(entry?.note).toContain('campaignNumber holds no number');
  });
});
