import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';

let t: TestService | undefined;
const sockets: Socket[] = [];
const aborts: AbortController[] = [];
afterEach(async () => {
  for (const controller of aborts.splice(0)) controller.abort();
  for (const socket of sockets.splice(0)) socket.destroy();
  await t?.close();
  t = undefined;
});

async function listening(env: Record<string, string>): Promise<{ t: TestService; port: number }> {
  t = await startTestService({ env });
  const port = await t.service.listen();
  return { t, port };
}

/** A raw connection; resolves what the server sent once it closed the connection. */
function rawConnection(port: number): { socket: Socket; closed: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString();
  });
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, closed };
}

describe('connection limits', () => {
  it('cuts off a client that never finishes its request head (408), after CALLFLOW_HEADERS_TIMEOUT_MS', async () => {
    const { port } = await listening({ CALLFLOW_HEADERS_TIMEOUT_MS: '300' });
    const slow = rawConnection(port);
    // One header line, then nothing: the way a slowloris client drips a byte now and then.
    slow.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Drip: a');
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes connections beyond CALLFLOW_MAX_CONNECTIONS as they arrive; the ones it holds still work', async () => {
    const { port } = await listening({ CALLFLOW_MAX_CONNECTIONS: '2' });
    const held = [rawConnection(port), rawConnection(port)];
    // A whole request on each: once answered, the server certainly counts both connections.
    for (const { socket } of held) {
      const answered = new Promise<void>((resolve) =>
        socket.on('data', (chunk) => chunk.toString().startsWith('HTTP/1.1 200') && resolve()),
      );
      socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await answered;
    }
    const third = rawConnection(port);
    third.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await third.closed).toBe('');
  });

  it('refuses limits that are not whole numbers, and a header timeout longer than the request timeout', () => {
    const load = (env: Record<string, string>) =>
      loadConfig(
        [],
        { CALLFLOW_FLOWS_DIR: '/tmp/none', ...env },
        { flowsDir: '/tmp/none', editorDist: '/x' },
      );
    expect(() => load({ CALLFLOW_MAX_CONNECTIONS: 'many' })).toThrow(ConfigError);
    expect(() => load({ CALLFLOW_STREAMS_PER_TOKEN: '0' })).toThrow(ConfigError);
    expect(() => load({ CALLFLOW_HEADERS_TIMEOUT_MS: '9000', CALLFLOW_REQUEST_TIMEOUT_MS: '1000' })).toThrow(
      /HEADERS_TIMEOUT/,
    );
    expect(load({}).limits).toMatchObject({ headersTimeoutMs: 10_000, streamsPerToken: 20 });
    expect(load({ CALLFLOW_WRITES_PER_MINUTE: '0' }).limits.writesPerMinute).toBe(0);
  });
});

describe('rate limits', () => {
  it('answers 429 too_many_auth_failures after N failed authentications, a valid token included', async () => {
    t = await startTestService({ env: { CALLFLOW_AUTH_FAILURES_PER_MINUTE: '3' } });
    const api = t.api();
    // Successful requests do not count.
    for (let i = 0; i < 5; i++) await api.get('/api/flows').expect(200);
    for (const token of ['guess-1', 'guess-2', undefined]) {
      const test = t.api().get('/api/flows');
      if (token) test.set('Authorization', `Bearer ${token}`);
      else test.unset('Authorization');
      await test.expect(401);
    }
    const refused = await t.api().get('/api/flows').expect(429);
    expect(refused.body).toMatchObject({ code: 'too_many_auth_failures', details: { limit: 3 } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const guess = await t.api().get('/api/flows').set('Authorization', 'Bearer guess-4').expect(429);
    expect(guess.body.code).toBe('too_many_auth_failures');
  });

  it('answers 429 too_many_writes after N writes of one token in a minute; reads and other tokens go on', async () => {
    t = await startTestService({ env: { CALLFLOW_WRITES_PER_MINUTE: '3' } });
    const svc = t;
    const validate = (role: keyof typeof TOKENS) =>
      svc.api(role).post('/api/flows/sales-inbound/validate').send({});
    for (let i = 0; i < 3; i++) await validate('admin').expect(200);
    const refused = await validate('admin').expect(429);
    expect(refused.body).toMatchObject({ code: 'too_many_writes', details: { limit: 3 } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await t.api('admin').get('/api/flows').expect(200);
    await validate('editor').expect(200);
  });
});

describe('event streams per token', () => {
  it('refuses a stream beyond CALLFLOW_STREAMS_PER_TOKEN with 429 too_many_streams, and takes one again once one closes', async () => {
    const { port } = await listening({ CALLFLOW_STREAMS_PER_TOKEN: '2' });
    const open = async (token: string) => {
      const controller = new AbortController();
      aborts.push(controller);
      const res = await fetch(`http://127.0.0.1:${port}/api/events?token=${token}`, {
        signal: controller.signal,
      });
      return { res, controller };
    };
    const first = await open(TOKENS.admin);
    const second = await open(TOKENS.admin);
    expect([first.res.status, second.res.status]).toEqual([200, 200]);
    const third = await open(TOKENS.admin);
    expect(third.res.status).toBe(429);
    expect(await third.res.json()).toMatchObject({ code: 'too_many_streams', details: { limit: 2 } });
    // Another token has streams of its own.
    expect((await open(TOKENS.viewer)).res.status).toBe(200);

    first.controller.abort();
    const again = await eventually(
      () => open(TOKENS.admin),
      (attempt) => attempt.res.status === 200,
    );
    expect(again.res.status).toBe(200);
  });
});
