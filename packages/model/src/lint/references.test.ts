import { describe, expect, it } from 'vitest';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  fullContext,
  inboundFlow,
  moduleFlow,
  problemsOf,
  sampleResources,
  withBlocks,
} from './test-support/lint-fixtures.js';

const hoursFlow = (hours: string) =>
  withBlocks(
    inboundFlow(),
    { open: block('checkHours', { hours }, { inHours: 'set-queue', outOfHours: 'bye', error: 'bye' }) },
    { block: 'greeting', outcome: 'success', to: 'open' },
  );

const transferFlow = (callerId: Record<string, unknown>) =>
  withBlocks(
    inboundFlow(),
    {
      out: block(
        'transferToNumber',
        { to: { value: '+12025550143' }, callerId, timeoutSeconds: 30, resumeAfterDisconnect: false },
        { busy: 'bye', noAnswer: 'bye', error: 'bye' },
      ),
    },
    { block: 'greeting', outcome: 'success', to: 'out' },
  );

describe('resource references (only with resources)', () => {
  it('CF300: unknown queue, with a suggestion', () => {
    const flow = inboundFlow();
    flow.blocks['set-queue']!.settings = { queue: 'Sale' };
    const p = expectOneProblem(flow, {
      code: 'CF300',
      path: '/blocks/set-queue/settings/queue',
      blockId: 'set-queue',
    });
    expect(p.message).toContain('queue "Sale"');
    expect(p.message).toContain('Did you mean "sales"?');
  });

  it('CF301: unknown number name as fixed caller ID', () => {
    expectOneProblem(transferFlow({ strategy: 'fixed', number: 'marketing' }), {
      code: 'CF301',
      path: '/blocks/out/settings/callerId/number',
      blockId: 'out',
    });
    expectNoProblem(transferFlow({ strategy: 'fixed', number: 'sales' }), 'CF301');
  });

  it('CF302: unknown prompt', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.settings = { prompt: { prompt: 'welcom' } };
    expectOneProblem(flow, {
      code: 'CF302',
      path: '/blocks/greeting/settings/prompt/prompt',
      blockId: 'greeting',
    });
  });

  it('CF303: unknown hours', () => {
    expectOneProblem(hoursFlow('weekend'), {
      code: 'CF303',
      path: '/blocks/open/settings/hours',
      blockId: 'open',
    });
    expectNoProblem(hoursFlow('business'), 'CF303');
  });

  it('are not checked without resources', () => {
    const flow = inboundFlow();
    flow.blocks['set-queue']!.settings = { queue: 'nope' };
    expectNoProblem(flow, 'CF300', {});
  });

  it('accept names of the resources file', () => {
    for (const code of ['CF300', 'CF301', 'CF302', 'CF303'] as const) expectNoProblem(inboundFlow(), code);
  });
});

describe('CF605 queue without agent group', () => {
  it('warns when the queue names an agent group that does not exist', () => {
    const resources = sampleResources();
    resources.queues.sales!.agentGroup = 'nobody';
    const p = expectOneProblem(
      inboundFlow(),
      { code: 'CF605', path: '/blocks/set-queue/settings/queue', blockId: 'set-queue' },
      fullContext({ resources }),
    );
    expect(p.severity).toBe('warning');
    expect(p.message).toContain('"nobody"');
  });

  it('is quiet when the agent group exists', () => {
    expectNoProblem(inboundFlow(), 'CF605');
  });
});

describe('flow references (only with flows)', () => {
  const invoking = (module: string) =>
    withBlocks(
      inboundFlow(),
      {
        verify: block(
          'invokeModule',
          { module, inputs: { accountId: { variable: 'accountNumber' } } },
          { success: 'set-queue', error: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'verify' },
    );

  it('CF304: unknown flow', () => {
    const p = expectOneProblem(invoking('verify-callr'), {
      code: 'CF304',
      path: '/blocks/verify/settings/module',
      blockId: 'verify',
    });
    expect(p.message).toContain('Did you mean "verify-caller"?');
  });

  it('CF305: a flow of the wrong type', () => {
    const p = expectOneProblem(invoking('queue-music'), {
      code: 'CF305',
      path: '/blocks/verify/settings/module',
      blockId: 'verify',
    });
    expect(p.message).toContain('customer-queue');
  });

  it('CF305: a whisper flow of the wrong kind', () => {
    const flow = withBlocks(
      inboundFlow(),
      {
        whisper: block(
          'setWhisperFlow',
          { kind: 'customer', flow: 'agent-whisper' },
          { success: 'set-queue', error: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'whisper' },
    );
    expectOneProblem(flow, { code: 'CF305', path: '/blocks/whisper/settings/flow', blockId: 'whisper' });
  });

  it('CF304 / CF305: Set customer queue flow names a customer-queue flow that exists', () => {
    const choosing = (chosen: string) =>
      withBlocks(
        inboundFlow(),
        { music: block('setCustomerQueueFlow', { flow: chosen }, { success: 'set-queue', error: 'bye' }) },
        { block: 'greeting', outcome: 'success', to: 'music' },
      );
    expectOneProblem(choosing('queue-musik'), {
      code: 'CF304',
      path: '/blocks/music/settings/flow',
      blockId: 'music',
    });
    const p = expectOneProblem(choosing('agent-whisper'), {
      code: 'CF305',
      path: '/blocks/music/settings/flow',
      blockId: 'music',
    });
    expect(p.message).toContain('it needs a customer-queue flow here');
    expectNoProblem(choosing('queue-music'), 'CF304');
    expectNoProblem(choosing('queue-music'), 'CF305');
  });

  it('accepts an existing flow of the right type, and skips the check without flows', () => {
    expectNoProblem(invoking('verify-caller'), 'CF304');
    expectNoProblem(invoking('verify-caller'), 'CF305');
    expectNoProblem(invoking('nope'), 'CF304', { resources: sampleResources() });
  });
});

describe('CF306 / CF309 variables', () => {
  const setting = (variable: string, value: Record<string, unknown>) =>
    withBlocks(
      inboundFlow(),
      {
        note: block(
          'setVariables',
          { assignments: [{ variable, value }] },
          { success: 'set-queue', error: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'note' },
    );

  it('CF306: writing an undeclared variable', () => {
    const p = expectOneProblem(setting('customerTeir', { value: 'gold' }), {
      code: 'CF306',
      path: '/blocks/note/settings/assignments/0/variable',
      blockId: 'note',
    });
    expect(p.message).toContain('Did you mean "customerTier"?');
  });

  it('CF306: reading an undeclared variable and an unknown system variable', () => {
    expectOneProblem(setting('reason', { variable: 'missing' }), {
      code: 'CF306',
      path: '/blocks/note/settings/assignments/0/value/variable',
      blockId: 'note',
    });
    expectOneProblem(setting('reason', { variable: '$callerName' }), {
      code: 'CF306',
      path: '/blocks/note/settings/assignments/0/value/variable',
      blockId: 'note',
    });
  });

  it('CF306: a placeholder in prompt text', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.settings = { prompt: { text: 'Hello {{firstName}}' } };
    expectOneProblem(flow, {
      code: 'CF306',
      path: '/blocks/greeting/settings/prompt/text',
      blockId: 'greeting',
    });
  });

  it('CF309: writing a system variable', () => {
    const p = expectOneProblem(setting('$queueName' as string, { value: 'x' }), {
      code: 'CF309',
      path: '/blocks/note/settings/assignments/0/variable',
      blockId: 'note',
    });
    expect(p.message).toContain('"$queueName"');
  });

  it('accepts declared variables, system variables and module inputs', () => {
    expectNoProblem(setting('reason', { variable: '$callerNumber' }), 'CF306');
    expectNoProblem(setting('reason', { variable: 'customerTier' }), 'CF309');
    const module = moduleFlow();
    module.blocks.done!.settings = { outputs: { verified: { variable: 'accountId' } } };
    expectNoProblem(module, 'CF306');
  });

  it('module inputs are not variables of other flow types', () => {
    const flow = setting('reason', { variable: 'accountId' });
    flow.module = { inputs: { accountId: { type: 'string' } } };
    expect(problemsOf(flow, 'CF306')).toHaveLength(1);
  });
});
