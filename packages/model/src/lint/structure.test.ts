import { describe, expect, it } from 'vitest';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  fullContext,
  inboundFlow,
  ofType,
  problemsOf,
  withBlocks,
} from './test-support/lint-fixtures.js';

describe('CF200 start block', () => {
  it('reports a start that names no block', () => {
    const flow = { ...inboundFlow(), start: 'welcome' };
    const p = expectOneProblem(flow, { code: 'CF200', path: '/start', blockId: undefined });
    expect(p.message).toContain('"welcome"');
  });

  it('accepts a start that names a block', () => {
    expectNoProblem(inboundFlow(), 'CF200');
  });
});

describe('CF201 transitions to unknown blocks', () => {
  it('reports the outcome, the missing target and a close existing id', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { success: 'set-queu', error: 'bye' };
    const p = expectOneProblem(flow, {
      code: 'CF201',
      path: '/blocks/greeting/next/success',
      blockId: 'greeting',
    });
    expect(p.message).toContain('"set-queu"');
    expect(p.message).toContain('Did you mean "set-queue"?');
  });

  it('escapes ids in the pointer', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { success: 'set-queue', error: 'a/b' };
    expectOneProblem(flow, { code: 'CF201', path: '/blocks/greeting/next/error', blockId: 'greeting' });
  });

  it('accepts transitions to existing blocks', () => {
    expectNoProblem(inboundFlow(), 'CF201');
  });
});

describe('CF202 required outcomes', () => {
  it('reports an unwired error outcome', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { success: 'set-queue' };
    const p = expectOneProblem(flow, { code: 'CF202', path: '/blocks/greeting/next', blockId: 'greeting' });
    expect(p.message).toContain('"error"');
  });

  it('points at the block when it has no transitions at all', () => {
    const flow = inboundFlow();
    delete flow.blocks['to-sales']!.next;
    expect(problemsOf(flow, 'CF202').map((p) => [p.path, p.blockId])).toEqual([
      ['/blocks/to-sales', 'to-sales'],
      ['/blocks/to-sales', 'to-sales'],
    ]);
  });

  it('uses the outcomes of the settings (menu keys, check-variable rules)', () => {
    const flow = withBlocks(
      inboundFlow(),
      {
        menu: block(
          'menu',
          {
            prompt: { text: 'Press 1' },
            options: [{ digit: '1' }, { digit: '2' }],
            timeoutSeconds: 5,
            retries: 1,
          },
          { '1': 'set-queue', timeout: 'bye', noMatch: 'bye', error: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'menu' },
    );
    const p = expectOneProblem(flow, { code: 'CF202', path: '/blocks/menu/next', blockId: 'menu' });
    expect(p.message).toContain('"2"');
  });

  it('treats outcome names as data, even "constructor"', () => {
    const flow = withBlocks(
      inboundFlow(),
      {
        route: block(
          'checkVariable',
          { rules: [{ outcome: 'constructor', when: { variable: 'customerTier', operator: 'isEmpty' } }] },
          { noMatch: 'set-queue' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'route' },
    );
    const p = expectOneProblem(flow, { code: 'CF202', path: '/blocks/route/next', blockId: 'route' });
    expect(p.message).toContain('"constructor"');
    const parsed = JSON.parse('{"noMatch": "set-queue", "__proto__": "bye"}') as Record<string, string>;
    flow.blocks.route!.next = parsed;
    expectOneProblem(flow, { code: 'CF203', path: '/blocks/route/next/__proto__', blockId: 'route' });
  });

  it('does not ask terminal blocks for outcomes', () => {
    expectNoProblem(inboundFlow(), 'CF202');
  });
});

describe('CF203 unknown outcomes', () => {
  it('reports an outcome the block never produces', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { success: 'set-queue', error: 'bye', timeout: 'bye' };
    const p = expectOneProblem(flow, {
      code: 'CF203',
      path: '/blocks/greeting/next/timeout',
      blockId: 'greeting',
    });
    expect(p.message).toContain('"success", "error"');
  });

  it('reports transitions out of a terminal block', () => {
    const flow = inboundFlow();
    flow.blocks.bye!.next = { success: 'greeting' };
    expectOneProblem(flow, { code: 'CF203', path: '/blocks/bye/next/success', blockId: 'bye' });
  });

  it('accepts produced outcomes', () => {
    expectNoProblem(inboundFlow(), 'CF203');
  });
});

describe('CF204 unreachable blocks', () => {
  it('reports a block no path reaches', () => {
    const flow = withBlocks(inboundFlow(), { orphan: block('disconnect', {}) });
    expectOneProblem(flow, { code: 'CF204', path: '/blocks/orphan', blockId: 'orphan' });
  });

  it('stays quiet when the start block is missing (CF200 says it)', () => {
    expectNoProblem({ ...inboundFlow(), start: 'nowhere' }, 'CF204');
  });

  it('accepts a flow whose blocks are all reachable', () => {
    expectNoProblem(inboundFlow(), 'CF204');
  });
});

describe('CF205 loops that never wait', () => {
  const spinning = () =>
    withBlocks(
      inboundFlow(),
      {
        count: block(
          'setVariables',
          { assignments: [{ variable: 'attempts', value: { value: 1 } }] },
          { success: 'check', error: 'bye' },
        ),
        check: block(
          'checkVariable',
          {
            rules: [
              { outcome: 'again', when: { variable: 'attempts', operator: 'lessThan', value: { value: 3 } } },
            ],
          },
          { again: 'count', noMatch: 'set-queue' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'count' },
    );

  it('reports a cycle of blocks that never wait, on its first block', () => {
    const p = expectOneProblem(spinning(), { code: 'CF205', path: '/blocks/count', blockId: 'count' });
    expect(p.message).toContain('"count", "check"');
  });

  it('accepts the cycle once a block in it waits', () => {
    const flow = spinning();
    flow.blocks.check!.next = { again: 'greeting', noMatch: 'set-queue' };
    flow.blocks.greeting!.next = { success: 'count', error: 'bye' };
    expectNoProblem(flow, 'CF205');
  });

  it('accepts a cycle bounded by a Loop block whose "complete" leaves it', () => {
    const flow = withBlocks(
      inboundFlow(),
      {
        loop: block('loopCounter', { count: 3 }, { looping: 'note', complete: 'set-queue' }),
        note: block(
          'setVariables',
          { assignments: [{ variable: 'reason', value: { value: 'retry' } }] },
          { success: 'loop', error: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'loop' },
    );
    expectNoProblem(flow, 'CF205');
  });

  it('reports a Loop block whose "complete" stays inside the cycle', () => {
    const flow = withBlocks(
      inboundFlow(),
      {
        loop: block('loopCounter', { count: 3 }, { looping: 'note', complete: 'note' }),
        note: block(
          'setVariables',
          { assignments: [{ variable: 'reason', value: { value: 'retry' } }] },
          { success: 'loop', error: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'loop' },
    );
    expectOneProblem(flow, { code: 'CF205', path: '/blocks/loop', blockId: 'loop' });
  });

  it('reports a non-waiting block looping on itself', () => {
    const flow = inboundFlow();
    flow.blocks['set-queue']!.next = { success: 'to-sales', error: 'set-queue' };
    expectOneProblem(flow, { code: 'CF205', path: '/blocks/set-queue', blockId: 'set-queue' });
  });
});

describe('CF206 blocks not allowed in the flow type', () => {
  const withHold = () =>
    withBlocks(
      inboundFlow(),
      {
        hold: block(
          'playHoldAudio',
          { prompt: { text: 'Please hold' }, durationSeconds: 30 },
          { success: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'hold' },
    );

  it('reports a block the flow type does not allow', () => {
    const flow = withHold();
    const p = expectOneProblem(flow, { code: 'CF206', path: '/blocks/hold/type', blockId: 'hold' });
    expect(p.message).toContain('inbound');
  });

  it('accepts the same block in a flow type that allows it', () => {
    const flow = ofType(withHold(), 'customer-queue');
    expect(flow.blocks.hold).toBeDefined();
    expectNoProblem(flow, 'CF206');
  });
});

describe('CF208 layout of unknown blocks', () => {
  it('reports a position for a block that does not exist', () => {
    const flow = inboundFlow();
    flow.layout = { ...flow.layout, 'old-menu': { x: 1, y: 2 } };
    expectOneProblem(flow, { code: 'CF208', path: '/layout/old-menu', blockId: 'old-menu' });
  });

  it('accepts positions of existing blocks', () => {
    expectNoProblem(inboundFlow(), 'CF208');
  });
});

describe('CF209 self-loops', () => {
  it('reports an outcome leading back to its own block', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { success: 'set-queue', error: 'greeting' };
    const p = expectOneProblem(flow, {
      code: 'CF209',
      path: '/blocks/greeting/next/error',
      blockId: 'greeting',
    });
    expect(p.severity).toBe('warning');
  });

  it('accepts outcomes leading elsewhere', () => {
    expectNoProblem(inboundFlow(), 'CF209');
  });
});

describe('problems carry the context', () => {
  it('passes the flows and resources only where given', () => {
    const flow = inboundFlow();
    flow.blocks['set-queue']!.settings = { queue: 'nope' };
    expect(problemsOf(flow, 'CF300', {})).toEqual([]);
    expect(problemsOf(flow, 'CF300', fullContext())).toHaveLength(1);
  });
});
