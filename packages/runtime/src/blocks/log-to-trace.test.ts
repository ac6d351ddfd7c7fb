import { describe, expect, it } from 'vitest';
import { block, flow, resources } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';

const logging = (message: string) =>
  flow(
    'logs',
    'inbound',
    'set',
    {
      set: block(
        'setVariables',
        {
          assignments: [
            { variable: 'tier', value: { value: 'gold' } },
            { variable: 'pin', value: { value: '4321' } },
            { variable: 'echo', value: { value: 'CRM says PIN 4321 accepted' } },
          ],
        },
        { success: 'log', error: 'log' },
      ),
      log: block('logToTrace', { message }, { success: 'bye' }),
      bye: block('disconnect'),
    },
    {
      variables: {
        tier: { type: 'string' },
        pin: { type: 'string', secure: true },
        echo: { type: 'string' },
        empty: { type: 'string' },
      },
    },
  );

function logged(message: string) {
  const f = logging(message);
  const sim = createSimulator({ resources: resources(), flows: [f] });
  const id = sim.startCall({ flow: f.id, from: '+12015550199', to: '+12015550100' });
  const trace = sim.trace(id);
  return { entry: trace.find((t) => t.block === 'log'), trace, sim, id };
}

describe('Log to the contact trace', () => {
  it('writes the line with the values of its placeholders into the trace, and goes on', () => {
    const { entry, sim, id } = logged('tier={{tier}} from {{ $callerNumber }} note={{empty}}');
    expect(entry?.log).toBe('tier=gold from +12015550199 note=');
    expect(entry?.outcome).toBe('success');
    expect(sim.snapshot(id)?.status).toBe('ended');
  });

  it('never writes a secure value: its placeholder and any copy of it are masked', () => {
    const { entry, trace } = logged('pin {{pin}}; echo {{echo}}; tier {{tier}}');
    expect(entry?.log).toBe('pin •••; echo CRM says PIN ••• accepted; tier gold');
    expect(JSON.stringify(trace)).not.toContain('4321');
  });

  it('writes a line without placeholders as it is', () => {
    expect(logged('Reached the billing branch').entry?.log).toBe('Reached the billing branch');
  });
});
