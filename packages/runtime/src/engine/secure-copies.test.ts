import { describe, expect, it } from 'vitest';
import { REDACTED } from '../rules/redact.js';
import { createSimulator } from '../simulator/simulator.js';
import { block, flow, resources } from './test-support/fixtures.js';

const PIN = '90417253';

// A PIN keyed into a secure variable, then copied into one an agent sees (lint refuses this, CF412;
// a flow can still get there, e.g. through a web service that echoes the PIN back).
const copyingFlow = flow(
  'copy',
  'inbound',
  'ask',
  {
    ask: block(
      'getDigits',
      { prompt: { text: 'PIN?' }, variable: 'pin', maxDigits: 8 },
      { success: 'copy', timeout: 'bye', invalid: 'bye', error: 'bye' },
    ),
    copy: block(
      'setVariables',
      { assignments: [{ variable: 'shown', value: { variable: 'pin' } }] },
      { success: 'queue', error: 'bye' },
    ),
    queue: block('setWorkingQueue', { queue: 'sales' }, { success: 'transfer', error: 'bye' }),
    transfer: block('transferToQueue', {}, { atCapacity: 'bye', error: 'bye' }),
    bye: block('disconnect'),
  },
  {
    variables: {
      pin: { type: 'string', secure: true },
      shown: { type: 'string', label: 'Shown', agentViewable: true, agentEditable: true },
      tier: { type: 'string', label: 'Tier', agentViewable: true, default: 'gold' },
    },
    popover: ['shown', 'tier', 'pin'],
  },
);

describe('a copy of a secure value', () => {
  it('is masked in the popover and in the desktop’s answers, while the contact keeps the real value', () => {
    const sim = createSimulator({ resources: resources(), flows: [copyingFlow] });
    const id = sim.startCall({ flow: 'copy', from: '+12015550199', to: '+12015550100' });
    sim.press(id, PIN);
    expect(sim.snapshot(id)?.variables.shown).toBe(PIN);
    const bob = sim.agent('bob');
    bob.setState('Available');
    expect(bob.offer?.popover).toEqual([
      { label: 'Shown', name: 'shown', value: REDACTED },
      { label: 'Tier', name: 'tier', value: 'gold' },
    ]);
    expect(JSON.stringify(bob.offer)).not.toContain(PIN);

    // An edit made from a stale version is told the value now held: masked too.
    bob.accept();
    sim.advance(10);
    bob.editVariable('shown', 'typed by bob', 7);
    const answers = sim.events.filter((e) => e.type === 'variableUpdate' && e.direction === 'command');
    expect(answers.at(-1)?.detail).toMatchObject({ result: 'conflict', value: REDACTED });
    expect(JSON.stringify(answers)).not.toContain(PIN);
  });
});
