import { describe, expect, it } from 'vitest';
import { callbackQueueFlow, menuFlow, resources } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import type { TraceEntry } from '../types.js';
import { recordCall, visits } from './record-call.js';

let seq = 0;
const entry = (flowId: string | undefined, block: string | undefined, event?: string): TraceEntry => ({
  seq: ++seq,
  at: 0,
  ...(flowId !== undefined ? { flowId } : {}),
  ...(block !== undefined ? { block } : {}),
  ...(event !== undefined ? { event } : {}),
});

describe('visits', () => {
  it('counts each block entry once: events to a waiting block and a resume after a module are not entries', () => {
    const trace = [
      entry(undefined, undefined, 'start'),
      entry('main', 'ask'),
      entry('main', 'ask', 'digits'),
      entry('main', 'verify'),
      entry('module', 'check'),
      entry('module', 'done'),
      entry('main', 'verify'), // the invoking block resumes once the module returned
      entry('main', 'route'),
    ];
    expect(visits(trace).map((v) => `${v.flow}/${v.block}`)).toEqual([
      'main/ask',
      'main/verify',
      'module/check',
      'module/done',
      'main/route',
    ]);
  });

  it('counts a block entered again by a loop', () => {
    const trace = [
      entry('queue', 'status'),
      entry('queue', 'hold'),
      entry('queue', 'hold', 'timer'),
      entry('queue', 'status'),
    ];
    expect(visits(trace).map((v) => v.block)).toEqual(['status', 'hold', 'status']);
  });
});

describe('recordCall', () => {
  it('reports a courtesy callback an agent transferred as transferred, not as connected', () => {
    const sim = createSimulator({
      flows: [menuFlow(), callbackQueueFlow()],
      resources: resources(),
      numbers: { '+12015550199': { answer: true, ringSeconds: 2 } },
    });
    const caller = sim.startCall({
      flow: 'main',
      from: '+12015550199',
      to: '+12015550100',
      contactId: 'caller',
    });
    sim.advance(2);
    sim.press(caller, '2'); // to the support queue, which offers a callback
    sim.advance(1);
    sim.press(caller, '1');
    sim.advance(1);
    sim.press(caller, '1'); // on the number I am calling from
    sim.advance(10);
    const callbackId = recordCall(sim, caller, 'main').callbacks[0]?.id ?? '';
    sim.agent('alice').setState('Available');
    sim.agent('alice').accept();
    sim.advance(10);
    expect(recordCall(sim, caller, 'main').callbacks[0]).toMatchObject({
      id: callbackId,
      status: 'connected',
    });

    expect(sim.agent('alice').transfer({ queue: 'support' }).result).toBe('transferred');
    expect(recordCall(sim, caller, 'main').callbacks[0]).toMatchObject({
      id: callbackId,
      status: 'transferred',
    });
  });
});
