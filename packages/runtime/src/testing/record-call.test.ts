import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../types.js';
import { visits } from './record-call.js';

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
