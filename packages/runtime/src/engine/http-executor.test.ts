import { describe, expect, it } from 'vitest';
import { executeHttpRequest, type HttpRequestCommand, HttpTargetRefused } from './http-executor.js';

const command = (url: string, extra: Partial<HttpRequestCommand> = {}): HttpRequestCommand => ({
  type: 'httpRequest',
  ref: 'c:1',
  method: 'GET',
  url,
  headers: {},
  timeoutSeconds: 1,
  maxResponseBytes: 16,
  ...extra,
});

const answering = (body: string, status = 200, headers: Record<string, string> = {}) =>
  (async () => new Response(body, { status, headers })) as unknown as typeof fetch;

describe('executeHttpRequest', () => {
  it('sends an Idempotency-Key naming the contact and step, and keeps one the flow set itself', async () => {
    const keys: (string | null)[] = [];
    const recording = (async (_url: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('idempotency-key'));
      return new Response('');
    }) as unknown as typeof fetch;
    const url = 'https://api.example.com/x';
    await executeHttpRequest(command(url, { ref: 'twilio-CA1:7' }), { fetch: recording });
    await executeHttpRequest(command(url, { ref: 'twilio-CA1:7' }), { fetch: recording }); // sent again
    await executeHttpRequest(command(url, { ref: 'twilio-CA1:9' }), { fetch: recording }); // a later step
    await executeHttpRequest(command(url, { ref: 'twilio-CA2:7' }), { fetch: recording }); // another contact
    const own = command(url, { headers: { 'idempotency-key': 'order-42', Accept: 'application/json' } });
    await executeHttpRequest(own, { fetch: recording });
    expect(keys).toEqual([
      'callflow:twilio-CA1:7',
      'callflow:twilio-CA1:7',
      'callflow:twilio-CA1:9',
      'callflow:twilio-CA2:7',
      'order-42',
    ]);
  });

  it('returns status and body', async () => {
    const result = await executeHttpRequest(command('https://api.example.com/x'), {
      fetch: answering('{"a":1}'),
    });
    expect(result).toEqual({ type: 'httpResult', ref: 'c:1', status: 200, body: '{"a":1}' });
  });

  it('refuses a private address before fetching', async () => {
    let called = false;
    const spy = (async () => {
      called = true;
      return new Response('');
    }) as unknown as typeof globalThis.fetch;
    const result = await executeHttpRequest(command('http://10.0.0.5/admin'), { fetch: spy });
    expect(called).toBe(false);
    expect(result).toMatchObject({
      type: 'httpResult',
      error: expect.stringMatching(/request refused: .*private/),
    });
  });

  it('allows an allowlisted private host', async () => {
    const result = await executeHttpRequest(command('http://10.0.0.5/admin'), {
      fetch: answering('ok'),
      allowlist: ['10.0.0.5'],
    });
    expect(result).toMatchObject({ status: 200, body: 'ok' });
  });

  it('stops reading a body larger than maxResponseBytes', async () => {
    const streamed = await executeHttpRequest(command('https://api.example.com/big'), {
      fetch: answering('x'.repeat(100)),
    });
    expect(streamed).toMatchObject({ status: 200, error: 'response larger than 16 bytes' });
    const declared = await executeHttpRequest(command('https://api.example.com/big'), {
      fetch: answering('x', 200, { 'content-length': '5000' }),
    });
    expect(declared).toMatchObject({ error: 'response larger than 16 bytes' });
  });

  it('gives up after timeoutSeconds', async () => {
    const never = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      })) as unknown as typeof fetch;
    const result = await executeHttpRequest(
      command('https://api.example.com/slow', { timeoutSeconds: 0.05 }),
      { fetch: never },
    );
    expect(result).toEqual({ type: 'httpResult', ref: 'c:1', error: 'timeout' });
  });

  it('turns a network failure into an error result instead of throwing', async () => {
    const failing = (async () => {
      throw new Error('ECONNREFUSED');
    }) as unknown as typeof fetch;
    const result = await executeHttpRequest(command('https://api.example.com/down'), { fetch: failing });
    expect(result).toMatchObject({ error: 'request failed: ECONNREFUSED' });
  });

  it('answers a refusal at connect time (a name resolving to a private address) as a refused request', async () => {
    const refusing = (async () => {
      throw new TypeError('fetch failed', {
        cause: new HttpTargetRefused('crm.internal resolves to 127.0.0.1, a loopback address'),
      });
    }) as unknown as typeof fetch;
    const result = await executeHttpRequest(command('https://crm.internal/x'), { fetch: refusing });
    expect(result).toEqual({
      type: 'httpResult',
      ref: 'c:1',
      error: 'request refused: crm.internal resolves to 127.0.0.1, a loopback address',
    });
  });
});
