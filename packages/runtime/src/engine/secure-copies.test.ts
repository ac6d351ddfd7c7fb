import { describe, expect, it } from 'vitest';
import { REDACTED } from '../rules/redact.js';
import { createSimulator } from '../simulator/simulator.js';
import { block, flow, resources } from './test-support/fixtures.js';

// Four digits: short enough that only a copy, not a coincidence, is masked for agents.
const PIN = '4321';

// A PIN keyed into a secure variable, then copied into one an agent sees (lint refuses this, CF412;
// a flow can still get there, e.g. through a web service that echoes the PIN back).
const copyingFlow = flow(
  'copy',
  'inbound',
  'account',
  {
    account: block(
      'setVariables',
      { assignments: [{ variable: 'account', value: { value: '87654321' } }] },
      { success: 'ask', error: 'bye' },
    ),
    ask: block(
      'getDigits',
      { prompt: { text: 'PIN?' }, variable: 'pin', maxDigits: 4 },
      { success: 'copy', timeout: 'bye', invalid: 'bye', error: 'bye' },
    ),
    copy: block(
      'setVariables',
      { assignments: [{ variable: 'shown', value: { variable: 'pin' } }] },
      { success: 'crm', error: 'bye' },
    ),
    crm: block(
      'httpRequest',
      {
        method: 'POST',
        url: 'https://crm.example.com/verify',
        body: { pin: { variable: 'pin' } },
        responseMapping: [{ pointer: '/echo', variable: 'echo' }],
      },
      { success: 'queue', error: 'bye', timeout: 'bye' },
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
      account: { type: 'string', label: 'Account', agentViewable: true },
      echo: { type: 'string', label: 'CRM says', agentViewable: true },
    },
    popover: ['shown', 'tier', 'account', 'echo', 'pin'],
  },
);

describe('a copy of a secure value', () => {
  it('is masked in the popover and in the desktop’s answers, while the contact keeps the real value', () => {
    const sim = createSimulator({
      resources: resources(),
      flows: [copyingFlow],
      // A careless web service echoes the PIN inside its answer.
      http: () => ({ body: { echo: `PIN ${PIN} accepted` } }),
    });
    const id = sim.startCall({ flow: 'copy', from: '+12015550199', to: '+12015550100' });
    sim.press(id, PIN);
    sim.advance(1);
    expect(sim.snapshot(id)?.variables.shown).toBe(PIN);
    const bob = sim.agent('bob');
    bob.setState('Available');
    expect(bob.offer?.popover).toEqual([
      { label: 'Shown', name: 'shown', value: REDACTED },
      { label: 'Tier', name: 'tier', value: 'gold' },
      // Stored before the PIN existed: not a copy, though it happens to contain it. Agents need it.
      { label: 'Account', name: 'account', value: '87654321' },
      // Stored while the PIN was held, and holding it: a copy, masked whole however short the PIN.
      { label: 'CRM says', name: 'echo', value: REDACTED },
    ]);

    // An edit made from a stale version is told the value now held: masked too.
    bob.accept();
    sim.advance(10);
    bob.editVariable('shown', 'typed by bob', 7);
    const answers = sim.events.filter((e) => e.type === 'variableUpdate' && e.direction === 'command');
    expect(answers.at(-1)?.detail).toMatchObject({ result: 'conflict', value: REDACTED });
    expect(JSON.stringify(answers.at(-1))).not.toContain(PIN);
  });
});
