import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from './client';

function fakeServer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const api = createApi({
    token: () => 'secret',
    fetch: async (url, init = {}) => {
      calls.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
    },
  });
  return { api, calls };
}

describe('api client', () => {
  it('sends the token as a Bearer header and If-Match with a save', async () => {
    const { api, calls } = fakeServer(200, { etag: '"2"', problems: [] });
    await api.saveFlow('main', '{}\n', '"1"');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer secret');
    expect(headers['If-Match']).toBe('"1"');
    expect(calls[0]!.init.body).toBe('{}\n');
    expect(calls[0]!.init.method).toBe('PUT');
  });

  it('creates with If-None-Match: * when the flow was never saved', async () => {
    const { api, calls } = fakeServer(200, { etag: '"1"', problems: [] });
    await api.saveFlow('new-flow', '{}', null);
    expect((calls[0]!.init.headers as Record<string, string>)['If-None-Match']).toBe('*');
  });

  it('turns a 412 into an ApiError carrying the current version', async () => {
    const current = { flow: { id: 'main' }, etag: '"9"' };
    const { api } = fakeServer(412, { code: 'version_mismatch', message: 'stale', details: { current } });
    const error = await api.saveFlow('main', '{}', '"1"').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 412, code: 'version_mismatch', details: { current } });
  });

  it('reports an unreachable server as a coded error', async () => {
    const api = createApi({
      token: () => null,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(api.listFlows()).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('reads the flow and its etag', async () => {
    const { api, calls } = fakeServer(200, { flow: { id: 'a b' }, etag: '"3"' });
    expect(await api.getFlow('a b')).toEqual({ flow: { id: 'a b' }, etag: '"3"' });
    expect(calls[0]!.url).toBe('/api/flows/a%20b');
  });
});
