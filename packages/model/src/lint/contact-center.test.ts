import { describe, expect, it } from 'vitest';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  fullContext,
  inboundFlow,
  ofType,
  problemsOf,
  sampleResources,
  withBlocks,
} from './test-support/lint-fixtures.js';

describe('CF600 working queue before transfer to queue', () => {
  it('reports a transfer reached without a Set working queue, showing the path', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { success: 'to-sales', error: 'bye' };
    const p = expectOneProblem(flow, { code: 'CF600', path: '/blocks/to-sales', blockId: 'to-sales' });
    expect(p.message).toContain('no Set working queue comes before it on the path from "greeting"');
  });

  it('reports a transfer reached through the error outcome of Set working queue', () => {
    const flow = inboundFlow();
    flow.blocks['set-queue']!.next = { success: 'to-sales', error: 'to-sales' };
    const p = expectOneProblem(flow, { code: 'CF600', path: '/blocks/to-sales', blockId: 'to-sales' });
    expect(p.message).toContain('"greeting" → "set-queue" → "to-sales"');
  });

  it('reports when only one of two paths sets the working queue', () => {
    const flow = withBlocks(
      inboundFlow(),
      {
        menu: block(
          'menu',
          {
            prompt: { text: 'Sales 1, support 2' },
            options: [{ digit: '1' }, { digit: '2' }],
            timeoutSeconds: 5,
            retries: 1,
          },
          { '1': 'set-queue', '2': 'to-sales', timeout: 'bye', noMatch: 'bye', error: 'bye' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'menu' },
    );
    const p = expectOneProblem(flow, { code: 'CF600', path: '/blocks/to-sales', blockId: 'to-sales' });
    expect(p.message).toContain('"greeting" → "menu" → "to-sales"');
  });

  it('accepts a working queue set on every path, even through loops', () => {
    const flow = withBlocks(inboundFlow(), {
      retry: block('loopCounter', { count: 2 }, { looping: 'to-sales', complete: 'bye' }),
    });
    flow.blocks['to-sales']!.next = { atCapacity: 'retry', error: 'bye' };
    expectNoProblem(flow, 'CF600');
  });

  it('is not required in customer-queue flows, nor when the transfer names a queue', () => {
    const flow = inboundFlow();
    flow.blocks.greeting!.next = { success: 'to-sales', error: 'bye' };
    expectNoProblem(ofType(flow, 'customer-queue'), 'CF600');
    flow.blocks['to-sales']!.settings = { queue: 'support' };
    expectNoProblem(flow, 'CF600');
  });
});

describe('CF601 HTTP targets', () => {
  const calling = (url: string) =>
    withBlocks(
      inboundFlow(),
      {
        lookup: block(
          'httpRequest',
          { method: 'GET', url, timeoutSeconds: 5, maxResponseBytes: 65536 },
          { success: 'set-queue', error: 'set-queue', timeout: 'set-queue' },
        ),
      },
      { block: 'greeting', outcome: 'success', to: 'lookup' },
    );

  it.each([
    'http://localhost:8080/customers',
    'http://api.localhost/customers',
    'http://127.0.0.1/x',
    'http://127.1/x',
    'http://2130706433/x',
    'http://0x7f000001/x',
    'http://0.0.0.0/x',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/x',
    'http://172.16.0.1/x',
    'http://172.31.255.255/x',
    'http://192.168.1.10/x',
    'http://[::1]/x',
    'http://[fd12:3456::1]/x',
    'http://[fe80::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://[64:ff9b::10.0.0.1]/x',
    'http://[ff02::1]/x',
    'http://100.64.0.1/x',
    'http://224.0.0.1/x',
    'http://255.255.255.255/x',
    'https://api.example.com@127.0.0.1/x',
    'HTTP://LOCALHOST./x',
    'ftp://files.example.com/x',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expectOneProblem(calling(url), { code: 'CF601', path: '/blocks/lookup/settings/url', blockId: 'lookup' });
  });

  it.each([
    'https://api.example.com/customers/{{$callerNumber}}',
    'https://172.32.0.1/x',
    'https://192.169.0.1/x',
    'http://8.8.8.8/x',
    'https://{{host}}/x',
    'https://[2606:4700::1111]/x',
    'http://[::ffff:8.8.8.8]/x',
    'https://100.128.0.1/x',
  ])('accepts %s', (url) => {
    expectNoProblem(calling(url), 'CF601');
  });

  it('accepts an allowlisted private host', () => {
    const resources = {
      ...sampleResources(),
      httpAllowlist: ['10.1.2.3', 'localhost', '::1', '*.localhost'],
    };
    for (const url of [
      'http://10.1.2.3:8080/x',
      'http://localhost/x',
      'http://[::1]/x',
      'http://crm.localhost/x',
    ]) {
      expectNoProblem(calling(url), 'CF601', fullContext({ resources }));
    }
    expect(problemsOf(calling('http://10.1.2.4/x'), 'CF601', fullContext({ resources }))).toHaveLength(1);
  });

  it('tells the admin which setting admits the host', () => {
    const [p] = problemsOf(calling('http://169.254.169.254/'), 'CF601');
    expect(p!.message).toContain('link-local');
    expect(p!.message).toContain('"169.254.169.254" to "httpAllowlist"');
  });
});

describe('CF603 recording pause without privacy shield', () => {
  const pausing = (settings: Record<string, unknown>) =>
    withBlocks(
      inboundFlow(),
      { pause: block('setRecording', settings, { success: 'set-queue', error: 'set-queue' }) },
      { block: 'greeting', outcome: 'success', to: 'pause' },
    );

  it('warns on a pause that never resumes on its own', () => {
    const p = expectOneProblem(pausing({ action: 'pause' }), {
      code: 'CF603',
      path: '/blocks/pause/settings/action',
      blockId: 'pause',
    });
    expect(p.severity).toBe('warning');
  });

  it('accepts a privacy-shield pause and other actions', () => {
    expectNoProblem(pausing({ action: 'pause', privacyShieldSeconds: 60 }), 'CF603');
    expectNoProblem(pausing({ action: 'start' }), 'CF603');
  });
});

describe('CF606 file name', () => {
  it('reports a file name that does not match the flow id', () => {
    const p = expectOneProblem(
      inboundFlow(),
      { code: 'CF606', path: '/id' },
      fullContext({ fileName: 'flows/main-line.flow.json' }),
    );
    expect(p.message).toContain('"main.flow.json"');
  });

  it('accepts a matching name, with or without folders, and skips the check without one', () => {
    expectNoProblem(inboundFlow(), 'CF606', fullContext({ fileName: 'main.flow.json' }));
    expectNoProblem(inboundFlow(), 'CF606', fullContext({ fileName: 'C:\\flows\\main.flow.json' }));
    expectNoProblem(inboundFlow(), 'CF606');
  });
});

describe('CF607 callback wait threshold without a queue', () => {
  const offer = (minEstimatedWaitSeconds?: number) =>
    block(
      'offerCallback',
      {
        prompt: { prompt: 'welcome' },
        acceptDigit: '1',
        timeoutSeconds: 5,
        confirmPrompt: { prompt: 'welcome' },
        enterNumberPrompt: { prompt: 'welcome' },
        ...(minEstimatedWaitSeconds !== undefined ? { minEstimatedWaitSeconds } : {}),
      },
      {
        accepted: 'bye',
        declined: 'set-queue',
        timeout: 'set-queue',
        invalidNumber: 'set-queue',
        error: 'bye',
      },
    );

  it('reports an offer with a wait threshold on a path with no working queue, showing the path', () => {
    const flow = withBlocks(
      inboundFlow(),
      { offer: offer(120) },
      { block: 'greeting', outcome: 'success', to: 'offer' },
    );
    const p = expectOneProblem(flow, {
      code: 'CF607',
      path: '/blocks/offer/settings/minEstimatedWaitSeconds',
      blockId: 'offer',
    });
    expect(p.severity).toBe('warning');
    expect(p.message).toContain('"greeting" → "offer"');
  });

  it('is quiet after Set working queue, without a threshold, and in a customer-queue flow', () => {
    const afterQueue = withBlocks(
      inboundFlow(),
      { offer: offer(120) },
      { block: 'set-queue', outcome: 'success', to: 'offer' },
    );
    afterQueue.blocks.offer!.next = {
      accepted: 'bye',
      declined: 'to-sales',
      timeout: 'to-sales',
      invalidNumber: 'to-sales',
      error: 'bye',
    };
    expectNoProblem(afterQueue, 'CF607');
    expectNoProblem(
      withBlocks(inboundFlow(), { offer: offer() }, { block: 'greeting', outcome: 'success', to: 'offer' }),
      'CF607',
    );
    const queueFlow = ofType(
      withBlocks(
        inboundFlow(),
        { offer: offer(120) },
        { block: 'greeting', outcome: 'success', to: 'offer' },
      ),
      'customer-queue',
    );
    expect(problemsOf(queueFlow, 'CF607')).toEqual([]);
  });
});
