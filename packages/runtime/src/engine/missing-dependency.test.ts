import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.js';
import {
  block,
  menuFlow,
  resourcesWithWhispers,
  say,
  supportQueueFlow,
  whisperFlows,
} from './test-support/fixtures.js';
import { transferResources } from './test-support/transfer-fixtures.js';

const CALLER = '+12015550199';

/** The menu flow whose Transfer to queue has a wired `error` path: an apology, then goodbye. */
function menuWithErrorPath() {
  const main = menuFlow();
  main.blocks.transfer = block('transferToQueue', {}, { atCapacity: 'bye', error: 'sorry' });
  main.blocks.sorry = block('playPrompt', say('Sorry, we cannot take your call right now.'), {
    success: 'bye',
    error: 'bye',
  });
  return main;
}

describe('a flow the contact needs has no live version', () => {
  it("Transfer to queue takes its error path when the queue's customer-queue flow is not published", () => {
    // support-queue (the queue's customer-queue flow) is left out: not published.
    const sim = createSimulator({
      flows: [menuWithErrorPath(), ...whisperFlows()],
      resources: resourcesWithWhispers(),
    });
    const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    sim.advance(10);
    expect(sim.heard(id)).toContain('Sorry, we cannot take your call right now.');
    const transfer = sim.trace(id).find((t) => t.block === 'transfer');
    expect(transfer?.outcome).toBe('error');
    expect(transfer?.note).toContain('customer-queue flow "support-queue" of queue support is not published');
    expect(sim.trace(id).some((t) => t.error?.code === 'RT102')).toBe(false);
    // Never queued: no agent will be offered a caller who is not there.
    expect(sim.events.some((e) => e.contactId === id && e.type === 'enqueue')).toBe(false);
  });

  it('takes the error path when a whisper flow of the queue is not published', () => {
    const agentWhisperOnly = whisperFlows().filter((f) => f.type !== 'customer-whisper');
    const sim = createSimulator({
      flows: [menuWithErrorPath(), supportQueueFlow(), ...agentWhisperOnly],
      resources: resourcesWithWhispers(),
    });
    const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    sim.advance(10);
    expect(sim.trace(id).find((t) => t.block === 'transfer')).toMatchObject({ outcome: 'error' });
    expect(sim.heard(id)).toContain('Sorry, we cannot take your call right now.');
  });

  it('an agent transfer to a queue whose customer-queue flow is missing keeps the caller holding, not cut off', () => {
    const main = menuFlow();
    const sim = createSimulator({
      // sales-queue, the sales queue's customer-queue flow, is not published.
      flows: [main, supportQueueFlow()],
      resources: transferResources(),
      agents: { alice: 'Available' },
    });
    const id = sim.startCall({ flow: 'main', from: CALLER, to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '2');
    sim.agent('alice').accept();
    expect(sim.snapshot(id)?.status).toBe('connected');
    expect(sim.agent('alice').transfer({ queue: 'sales' }).result).toBe('transferred');
    sim.advance(30);
    expect(sim.snapshot(id)?.status).toBe('queued');
    expect(sim.trace(id).some((t) => t.error?.code === 'RT102')).toBe(false);
    expect(sim.trace(id).some((t) => t.note?.includes('flow "sales-queue" is not published'))).toBe(true);
    sim.agent('carol').setState('Available');
    expect(sim.agent('carol').offer).toMatchObject({ type: 'offerToAgent', queue: 'sales' });
  });
});
