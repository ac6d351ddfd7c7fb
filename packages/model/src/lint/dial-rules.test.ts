import { describe, expect, it } from 'vitest';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  fullContext,
  inboundFlow,
  problemsOf,
  withBlocks,
} from './test-support/lint-fixtures.js';

const transferTo = (to: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  withBlocks(
    inboundFlow(),
    {
      out: block(
        'transferToNumber',
        { to, timeoutSeconds: 30, resumeAfterDisconnect: false, ...extra },
        { busy: 'bye', noAnswer: 'bye', error: 'bye' },
      ),
    },
    { block: 'greeting', outcome: 'success', to: 'out' },
  );

const callbackNumber = (value: string) =>
  withBlocks(
    inboundFlow(),
    {
      number: block(
        'setCallbackNumber',
        { number: { value } },
        { success: 'set-queue', invalidNumber: 'bye', notDialable: 'bye' },
      ),
    },
    { block: 'greeting', outcome: 'success', to: 'number' },
  );

describe('numbers a flow dials', () => {
  it.each([
    ['+1 (202) 555-01', 'CF500'],
    ['+0441234567', 'CF500'],
    ['12', 'CF500'],
    ['+44 20 7946 0958', 'CF501'],
    ['011 44 20 7946 0958', 'CF501'],
    ['+1 876 234 5678', 'CF501'],
    ['911', 'CF504'],
    ['+1 900 555 0123', 'CF504'],
  ] as const)('transfer to %s -> %s', (number, code) => {
    const p = expectOneProblem(transferTo({ value: number }), {
      code,
      path: '/blocks/out/settings/to/value',
      blockId: 'out',
    });
    expect(p.message).toContain(`"${number}"`);
  });

  it('CF504 is an error that blocks publishing, and says how to permit the exact number', () => {
    const p = expectOneProblem(transferTo({ value: '911' }), {
      code: 'CF504',
      path: '/blocks/out/settings/to/value',
      blockId: 'out',
    });
    expect(p.severity).toBe('error');
    expect(p.message).toContain('list "911" in account.allowedSpecialNumbers');
  });

  it('CF504: only account.allowedSpecialNumbers permits a number, exactly as listed', () => {
    const context = fullContext();
    context.resources!.account.allowedSpecialNumbers = ['911', '+19005550123'];
    expectNoProblem(transferTo({ value: '911' }), 'CF504', context);
    expectNoProblem(transferTo({ value: '+1 900 555 0123' }), 'CF504', context);
    expectNoProblem(callbackNumber('911'), 'CF504', context);
    for (const other of ['411', '112', '+1 900 555 0124']) {
      expect(problemsOf(transferTo({ value: other }), 'CF504', context)).toHaveLength(1);
    }
  });

  it('the same checks apply to a literal callback number', () => {
    expectOneProblem(callbackNumber('+44 20 7946 0958'), {
      code: 'CF501',
      path: '/blocks/number/settings/number/value',
      blockId: 'number',
    });
    expectOneProblem(callbackNumber('411'), {
      code: 'CF504',
      path: '/blocks/number/settings/number/value',
      blockId: 'number',
    });
  });

  it('reads national numbers in the account region', () => {
    const context = fullContext();
    context.resources!.account = { defaultRegion: 'GB', principalNumber: 'main', allowedCountries: ['GB'] };
    expectNoProblem(transferTo({ value: '020 7946 0958' }), 'CF500', context);
    expectNoProblem(transferTo({ value: '020 7946 0958' }), 'CF501', context);
    expect(problemsOf(transferTo({ value: '020 7946 0958' }), 'CF500')).toHaveLength(1); // not a US number
  });

  it('checks the allowlist only when resources are given', () => {
    expectNoProblem(transferTo({ value: '+44 20 7946 0958' }), 'CF501', {});
  });

  it('accepts valid numbers of allowed countries and numbers read from variables', () => {
    for (const code of ['CF500', 'CF501', 'CF504'] as const) {
      expectNoProblem(transferTo({ value: '+1 202 555 0143' }), code);
      expectNoProblem(transferTo({ value: '(416) 555-0123' }), code);
      expectNoProblem(transferTo({ variable: 'accountNumber' }), code);
      expectNoProblem(callbackNumber('202-555-0143'), code);
    }
  });
});

describe('caller ID', () => {
  it('CF502: a fixed number that is not an account number (warning)', () => {
    const p = expectOneProblem(
      transferTo({ value: '+12025550143' }, { callerId: { strategy: 'fixed', number: '+12025550177' } }),
      {
        code: 'CF502',
        path: '/blocks/out/settings/callerId/number',
        blockId: 'out',
      },
    );
    expect(p.severity).toBe('warning');
  });

  it('CF502: accepts account numbers however written, and is skipped without resources', () => {
    const flow = transferTo(
      { value: '+12025550143' },
      { callerId: { strategy: 'fixed', number: '+1 202 555 0101' } },
    );
    expectNoProblem(flow, 'CF502');
    expectNoProblem(
      transferTo({ value: '+12025550143' }, { callerId: { strategy: 'fixed', number: '+12025550177' } }),
      'CF502',
      {},
    );
  });

  it('CF500: a fixed caller ID that is not a valid number', () => {
    expectOneProblem(
      transferTo({ value: '+12025550143' }, { callerId: { strategy: 'fixed', number: '+1 123' } }),
      {
        code: 'CF500',
        path: '/blocks/out/settings/callerId/number',
        blockId: 'out',
      },
    );
  });

  it('CF503: SIP-reserved characters in the caller ID name, listed once each', () => {
    const p = expectOneProblem(
      transferTo({ value: '+12025550143' }, { callerIdName: 'Sales; Support @ ACME;' }),
      {
        code: 'CF503',
        path: '/blocks/out/settings/callerIdName',
        blockId: 'out',
      },
    );
    expect(p.message).toContain('";" "@"');
  });

  it('CF503: accepts a plain name', () => {
    expectNoProblem(transferTo({ value: '+12025550143' }, { callerIdName: 'ACME Sales (East)' }), 'CF503');
  });

  describe('CF505: a strategy that needs a queue or an agent no path provides (warning)', () => {
    const afterQueue = (callerId: Record<string, unknown>) => {
      const flow = transferTo({ value: '+12025550143' }, { callerId });
      // Out of the greeting without a queue, and after Set working queue "sales".
      flow.blocks.greeting!.next = { success: 'out', error: 'set-queue' };
      flow.blocks['set-queue']!.next = { success: 'out', error: 'bye' };
      return flow;
    };

    it.each(['queue', 'agentGroup'])(
      '%s with no Set working queue on any path into the block',
      (strategy) => {
        const p = expectOneProblem(transferTo({ value: '+12025550143' }, { callerId: { strategy } }), {
          code: 'CF505',
          path: '/blocks/out/settings/callerId/strategy',
          blockId: 'out',
        });
        expect(p.severity).toBe('warning');
        expect(p.message).toContain('no path into it sets a working queue');
      },
    );

    it('agentChoice always: a flow transfer has no agent', () => {
      const p = expectOneProblem(afterQueue({ strategy: 'agentChoice' }), {
        code: 'CF505',
        path: '/blocks/out/settings/callerId/strategy',
        blockId: 'out',
      });
      expect(p.message).toContain('no agent');
    });

    it('is quiet when some path sets a working queue, in a customer-queue flow, and for other strategies', () => {
      expectNoProblem(afterQueue({ strategy: 'queue' }), 'CF505');
      expectNoProblem(afterQueue({ strategy: 'agentGroup' }), 'CF505');
      const queueFlow = {
        ...transferTo({ value: '+12025550143' }, { callerId: { strategy: 'queue' } }),
        type: 'customer-queue' as const,
      };
      expect(problemsOf(queueFlow, 'CF505')).toEqual([]);
      for (const callerId of [
        { strategy: 'caller' },
        { strategy: 'fixed', number: 'main' },
        { strategy: 'sameAreaCode' },
      ]) {
        expectNoProblem(transferTo({ value: '+12025550143' }, { callerId }), 'CF505');
      }
      expectNoProblem(transferTo({ value: '+12025550143' }), 'CF505');
    });
  });
});
