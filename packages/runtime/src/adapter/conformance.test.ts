import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../host/clock.js';
import { type NumberBehaviour, SimulatedTelephony } from '../simulator/telephony.js';
import { type ConformanceHarness, runAdapterConformance } from './conformance.js';

/** The simulator's phone network is an adapter like any other: it must pass the same suite. */
function simulatorHarness(): ConformanceHarness {
  const clock = new VirtualClock(Date.parse('2026-01-05T10:00:00Z'));
  const numbers: Record<string, NumberBehaviour> = {};
  const failing = new Set<string>();
  let calls = 0;
  const adapter = new SimulatedTelephony({
    clock,
    numbers,
    failCommand: (contactId) => {
      if (!failing.has(contactId)) return undefined;
      failing.delete(contactId);
      return 'provider refused the command';
    },
  });
  return {
    adapter,
    provider: {
      incomingCall: () => {
        calls += 1;
        const id = `conformance-${calls}`;
        adapter.connect(id);
        return id;
      },
      press: (contactId, digits) => adapter.press(contactId, digits),
      hangUp: (contactId) => adapter.hangUp(contactId),
      numberBehaves: (number, behaviour) => {
        numbers[number] = behaviour;
      },
      settle: (seconds) => clock.advance(seconds),
      failNext: (contactId) => {
        failing.add(contactId);
      },
    },
  };
}

runAdapterConformance('simulator', simulatorHarness, { describe, it, expect });
