import { describe, expect, it } from 'vitest';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  fullContext,
  inboundFlow,
  moduleFlow,
  summaries,
  withBlocks,
} from './test-support/lint-fixtures.js';

const invoking = (settings: Record<string, unknown>) =>
  withBlocks(
    inboundFlow(),
    { verify: block('invokeModule', settings, { success: 'set-queue', error: 'bye' }) },
    { block: 'greeting', outcome: 'success', to: 'verify' },
  );

describe('CF307 conditions of Check variable', () => {
  it('reports an operator that does not fit the variable type, with the rule number', () => {
    const flow = withBlocks(
      inboundFlow(),
      {
        route: block(
          'checkVariable',
          {
            rules: [
              {
                outcome: 'gold',
                when: { variable: 'customerTier', operator: 'equals', value: { value: 'gold' } },
              },
              { outcome: 'many', when: { variable: 'attempts', operator: 'contains', value: { value: 3 } } },
            ],
          },
          { gold: 'set-queue', many: 'bye', noMatch: 'set-queue' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'route' },
    );
    const p = expectOneProblem(flow, {
      code: 'CF307',
      path: '/blocks/route/settings/rules/1/when/operator',
      blockId: 'route',
    });
    expect(p.message).toContain('rule 2');
  });

  it('accepts conditions whose types fit', () => {
    expectNoProblem(moduleFlow(), 'CF307');
  });
});

describe('CF308 module parameters', () => {
  it('reports a missing required input', () => {
    const p = expectOneProblem(invoking({ module: 'verify-caller', inputs: { language: { value: 'en' } } }), {
      code: 'CF308',
      path: '/blocks/verify/settings/inputs',
      blockId: 'verify',
    });
    expect(p.message).toContain('"accountId"');
  });

  it('points at the settings when no inputs are given', () => {
    expectOneProblem(invoking({ module: 'verify-caller' }), {
      code: 'CF308',
      path: '/blocks/verify/settings',
      blockId: 'verify',
    });
  });

  it('reports an input the module does not declare', () => {
    const p = expectOneProblem(
      invoking({ module: 'verify-caller', inputs: { accountId: { value: '42' }, pin: { variable: 'pin' } } }),
      { code: 'CF308', path: '/blocks/verify/settings/inputs/pin', blockId: 'verify' },
    );
    expect(p.message).toContain('accountId, language');
  });

  it('reports an output the module does not declare', () => {
    expectOneProblem(
      invoking({
        module: 'verify-caller',
        inputs: { accountId: { value: '42' } },
        outputs: { score: 'reason' },
      }),
      { code: 'CF308', path: '/blocks/verify/settings/outputs/score', blockId: 'verify' },
    );
  });

  it('reports a literal input of the wrong type as CF307', () => {
    expectOneProblem(invoking({ module: 'verify-caller', inputs: { accountId: { value: 42 } } }), {
      code: 'CF307',
      path: '/blocks/verify/settings/inputs/accountId/value',
      blockId: 'verify',
    });
  });

  it('skips invocations of a module whose interface is not known', () => {
    const flows = summaries({ id: 'verify-caller', type: 'module' });
    expectNoProblem(
      invoking({ module: 'verify-caller', inputs: { pin: { value: '1' } } }),
      'CF308',
      fullContext({ flows }),
    );
  });

  it('checks against an empty interface when the module declares none', () => {
    const flows = summaries({ id: 'verify-caller', type: 'module', module: {} });
    expectOneProblem(
      invoking({ module: 'verify-caller', inputs: { pin: { value: '1' } } }),
      { code: 'CF308', path: '/blocks/verify/settings/inputs/pin', blockId: 'verify' },
      fullContext({ flows }),
    );
  });

  it('accepts an invocation that fits the interface', () => {
    const flow = invoking({
      module: 'verify-caller',
      inputs: { accountId: { variable: 'accountNumber' } },
      outputs: { verified: 'reason' },
    });
    expectNoProblem(flow, 'CF308');
    expectNoProblem(flow, 'CF307');
  });

  it('reports Return outputs the module does not declare, and required ones not set', () => {
    const flow = moduleFlow();
    flow.blocks.done!.settings = { outputs: { verfied: { value: true } } };
    const context = fullContext();
    const problems = [
      expectOneProblem(
        { ...flow, module: { ...flow.module, outputs: {} } },
        { code: 'CF308', path: '/blocks/done/settings/outputs/verfied', blockId: 'done' },
        context,
      ),
    ];
    flow.blocks.done!.settings = {};
    problems.push(
      expectOneProblem(flow, { code: 'CF308', path: '/blocks/done/settings', blockId: 'done' }, context),
    );
    expect(problems[1]!.message).toContain('"verified"');
  });

  it('accepts a Return that sets the declared outputs', () => {
    expectNoProblem(moduleFlow(), 'CF308');
  });
});

describe('CF602 modules return', () => {
  it('reports a module without a Return block', () => {
    const flow = moduleFlow();
    flow.blocks.done = block('disconnect', {});
    expectOneProblem(flow, { code: 'CF602', path: '/blocks', blockId: undefined });
  });

  it('reports a Return block no path reaches', () => {
    const flow = moduleFlow();
    flow.blocks.end = block('disconnect', {});
    flow.blocks.check!.next = { known: 'end', noMatch: 'end' };
    expectOneProblem(flow, { code: 'CF602', path: '/blocks/done', blockId: 'done' });
  });

  it('accepts a module that reaches a Return block; other flow types need none', () => {
    expectNoProblem(moduleFlow(), 'CF602');
    expectNoProblem(inboundFlow(), 'CF602');
  });
});

describe('CF604 modules invoking themselves', () => {
  const selfInvoking = (target: string) => {
    const flow = moduleFlow('outer');
    flow.blocks.check!.next = { known: 'again', noMatch: 'done' };
    flow.blocks.again = block(
      'invokeModule',
      { module: target, inputs: { accountId: { variable: 'accountId' } } },
      { success: 'done', error: 'done' },
    );
    return flow;
  };

  it('reports a module invoking itself directly', () => {
    expectOneProblem(selfInvoking('outer'), {
      code: 'CF604',
      path: '/blocks/again/settings/module',
      blockId: 'again',
    });
  });

  it('reports a module invoking itself through others', () => {
    const flows = summaries(
      { id: 'outer', type: 'module', module: moduleFlow().module!, invokes: ['middle'] },
      { id: 'middle', type: 'module', module: moduleFlow().module!, invokes: ['inner'] },
      { id: 'inner', type: 'module', module: moduleFlow().module!, invokes: ['outer'] },
    );
    const p = expectOneProblem(
      selfInvoking('middle'),
      { code: 'CF604', path: '/blocks/again/settings/module', blockId: 'again' },
      fullContext({ flows }),
    );
    expect(p.message).toContain('"outer" → "middle" → "inner" → "outer"');
  });

  it('accepts modules that invoke other modules without coming back', () => {
    const flows = summaries(
      { id: 'outer', type: 'module', module: moduleFlow().module!, invokes: ['middle'] },
      { id: 'middle', type: 'module', module: moduleFlow().module!, invokes: ['inner'] },
      { id: 'inner', type: 'module', module: moduleFlow().module! },
    );
    expectNoProblem(selfInvoking('middle'), 'CF604', fullContext({ flows }));
  });
});
