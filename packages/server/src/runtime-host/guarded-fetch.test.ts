import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpTargetRefused } from '@callflow/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGuardedFetch, type GuardedFetch } from './guarded-fetch.js';

let server: Server;
let port: number;
let hits = 0;
let client: GuardedFetch | undefined;
beforeEach(async () => {
  hits = 0;
  server = createServer((_req, res) => {
    hits++;
    res.end('inside');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(promise: Promise<Response>): Promise<Error | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as Error).cause instanceof HttpTargetRefused
      ? ((error as Error).cause as Error)
      : (error as Error);
  }
}

describe('the guarded fetch of HTTP-request blocks', () => {
  it('refuses localhost as the system resolver answers it, and calls it once allowlisted', async () => {
    let allowlist: string[] = [];
    client = createGuardedFetch({ allowlist: () => allowlist });
    const refused = await refusal(client.fetch(`http://localhost:${port}/`));
    expect(refused).toBeInstanceOf(HttpTargetRefused);
    expect(refused?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1) \(/);
    expect(hits).toBe(0);

    allowlist = ['localhost'];
    const answer = await client.fetch(`http://localhost:${port}/`);
    expect(await answer.text()).toBe('inside');
    expect(hits).toBe(1);
  });

  it.each([
    ['IPv6 loopback', [{ address: '::1', family: 6 }]],
    ['IPv4-mapped loopback', [{ address: '::ffff:127.0.0.1', family: 6 }]],
    ['link-local (cloud metadata)', [{ address: '169.254.169.254', family: 4 }]],
    ['unspecified', [{ address: '0.0.0.0', family: 4 }]],
    ['private', [{ address: '192.168.1.20', family: 4 }]],
    ['IPv6 unique local', [{ address: 'fd12::1', family: 6 }]],
  ])('refuses a name resolving to an %s address', async (_why, addresses) => {
    client = createGuardedFetch({ allowlist: () => [], resolve: async () => addresses as LookupAddress[] });
    const refused = await refusal(client.fetch(`http://inside.example:${port}/`));
    expect(refused).toBeInstanceOf(HttpTargetRefused);
    expect(hits).toBe(0);
  });

  it('connects to the address its resolver answered, asking once: no second lookup can answer otherwise', async () => {
    const asked: string[] = [];
    // The system resolver does not know this name: the connection can only have used this answer.
    const resolve = async (name: string) => {
      asked.push(name);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    client = createGuardedFetch({ allowlist: () => [], resolve });
    expect(await refusal(client.fetch(`http://rebind.example:${port}/`))).toBeInstanceOf(HttpTargetRefused);
    expect(asked).toEqual(['rebind.example']);

    const allowed = createGuardedFetch({ allowlist: () => ['rebind.example'], resolve });
    try {
      expect(await (await allowed.fetch(`http://rebind.example:${port}/`)).text()).toBe('inside');
      expect(asked).toEqual(['rebind.example', 'rebind.example']);
      expect(hits).toBe(1);
    } finally {
      await allowed.close();
    }
  });
});
