import { describe, expect, it } from 'vitest';
import type { Flow } from '../flow.js';
import { summarizeFlow } from './index.js';
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

/** The inbound flow with a Set variables block after the greeting copying `from` into `to`. */
function copying(from: string, to: string): Flow {
  return withBlocks(
    inboundFlow(),
    {
      copy: block(
        'setVariables',
        {
          assignments: [
            { variable: 'reason', value: { value: 'billing' } },
            { variable: to, value: { variable: from } },
          ],
        },
        { success: 'set-queue', error: 'bye' },
      ),
    },
    { block: 'greeting', outcome: 'success', to: 'copy' },
  );
}

/** A module returning its secure PIN as output `pinOut`, and an inbound flow storing that output. */
function pinModule(): Flow {
  const module = moduleFlow('pin-module');
  module.variables = { pin: { type: 'string', secure: true } };
  module.module = { outputs: { pinOut: { type: 'string' }, verified: { type: 'boolean', required: true } } };
  module.blocks.done = block('return', {
    outputs: { pinOut: { variable: 'pin' }, verified: { value: true } },
  });
  return module;
}

function invoking(target: string): Flow {
  return withBlocks(
    inboundFlow(),
    {
      verify: block(
        'invokeModule',
        { module: 'pin-module', outputs: { pinOut: target, verified: 'reason' } },
        { success: 'set-queue', error: 'bye' },
      ),
    },
    { block: 'greeting', outcome: 'success', to: 'verify' },
  );
}

describe('CF412: a secure value copied into a variable agents see', () => {
  it('refuses a Set variables assignment from a secure variable into an agent-viewable one, at the assignment', () => {
    const p = expectOneProblem(copying('pin', 'accountNumber'), {
      code: 'CF412',
      path: '/blocks/copy/settings/assignments/1/value',
      blockId: 'copy',
    });
    expect(p.severity).toBe('error');
    expect(p.message).toContain('"pin"');
    expect(p.message).toContain('"accountNumber"');
  });

  it('accepts the copy into a secure variable, or into one agents do not see', () => {
    const intoSecure = copying('pin', 'accountNumber');
    intoSecure.variables!.accountNumber = {
      type: 'string',
      label: 'Account',
      agentViewable: true,
      secure: true,
    };
    expectNoProblem(intoSecure, 'CF412');
    expectNoProblem(copying('pin', 'attempts'), 'CF412');
    expectNoProblem(copying('customerTier', 'accountNumber'), 'CF412');
  });

  it('refuses an Invoke module output that the module returns from a secure variable', () => {
    const context = fullContext({ flows: summaries(summarizeFlow(pinModule())) });
    expect(summarizeFlow(pinModule()).secureOutputs).toEqual(['pinOut']);
    expectOneProblem(
      invoking('accountNumber'),
      { code: 'CF412', path: '/blocks/verify/settings/outputs/pinOut', blockId: 'verify' },
      context,
    );
    expectNoProblem(invoking('attempts'), 'CF412', context);
  });
});
