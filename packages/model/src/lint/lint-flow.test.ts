import { describe, expect, it } from 'vitest';
import { lintFlow, summarizeFlow } from './index.js';
import { fullContext, inboundFlow, moduleFlow } from './test-support/lint-fixtures.js';

describe('lintFlow', () => {
  it('finds nothing in a clean inbound flow with resources and flows given', () => {
    expect(lintFlow(inboundFlow(), fullContext())).toEqual([]);
  });

  it('finds nothing in a clean module flow', () => {
    expect(lintFlow(moduleFlow(), fullContext())).toEqual([]);
  });

  it('finds nothing without any context', () => {
    expect(lintFlow(inboundFlow())).toEqual([]);
  });

  it('every problem has a code, a severity, a message and a pointer', () => {
    const flow = inboundFlow();
    flow.start = 'nowhere';
    flow.blocks.greeting!.next = { success: 'missing' };
    for (const p of lintFlow(flow, fullContext())) {
      expect(p.code).toMatch(/^CF\d{3}$/);
      expect(['error', 'warning']).toContain(p.severity);
      expect(p.message.length).toBeGreaterThan(20);
      expect(p.path).toMatch(/^(\/.*)?$/);
    }
  });

  it('does not throw on malformed drafts', () => {
    const drafts: unknown[] = [
      { ...inboundFlow(), blocks: null },
      { ...inboundFlow(), blocks: { a: null, b: 3, c: { type: 42 }, d: { type: 'menu', settings: 'x' } } },
      {
        ...inboundFlow(),
        blocks: { a: { type: 'checkVariable', settings: { rules: [null, { when: 5 }] } } },
      },
      { ...inboundFlow(), popover: ['nope', 'nope'], variables: { x: null } },
      { ...inboundFlow(), start: 7, layout: 'x' },
      {
        ...moduleFlow(),
        module: { inputs: 'x', outputs: null },
        blocks: {
          a: { type: 'invokeModule', settings: { module: 'verify-caller', inputs: [1] }, next: 'x' },
        },
      },
      {},
    ];
    for (const draft of drafts) {
      expect(() => lintFlow(draft as never, fullContext({ fileName: 'x.flow.json' }))).not.toThrow();
    }
  });
});

describe('large flows', () => {
  it('lints a long chain of blocks that loops back through its error outcomes', () => {
    const flow = inboundFlow();
    const ids = Array.from({ length: 2000 }, (_, i) => `step-${i}`);
    ids.forEach((id, i) => {
      flow.blocks[id] = {
        type: 'setVariables',
        settings: { assignments: [{ variable: 'reason', value: { value: 'x' } }] },
        next: { success: ids[i + 1] ?? 'set-queue', error: ids[Math.max(0, i - 1)]! },
      };
    });
    flow.blocks.greeting!.next = { success: 'step-0', error: 'bye' };
    const problems = lintFlow(flow, fullContext());
    // step-0 <-> step-1 <-> ... is one big cycle through the error outcomes in which nothing waits.
    expect(problems.map((p) => [p.code, p.blockId])).toEqual([
      ['CF205', 'step-0'],
      ['CF209', 'step-0'],
    ]);
  });
});

describe('summarizeFlow', () => {
  it('lists the modules a flow invokes, once each', () => {
    const flow = moduleFlow('outer');
    flow.blocks.a = { type: 'invokeModule', settings: { module: 'inner' } };
    flow.blocks.b = { type: 'invokeModule', settings: { module: 'inner' } };
    expect(summarizeFlow(flow)).toEqual({
      id: 'outer',
      type: 'module',
      module: flow.module,
      invokes: ['inner'],
    });
  });

  it('leaves invokes out when the flow invokes nothing', () => {
    expect(summarizeFlow(inboundFlow())).toEqual({ id: 'main', type: 'inbound' });
  });

  it('gives a module without parameters an empty interface, so invocations are checked', () => {
    const flow = moduleFlow();
    delete flow.module;
    expect(summarizeFlow(flow)).toEqual({ id: 'verify-caller', type: 'module', module: {} });
  });
});
