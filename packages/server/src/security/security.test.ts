import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { simpleFlow, startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';
import { findToken, parseTokenList } from './tokens.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService({ env: { CALLFLOW_ALLOWED_HOSTS: 'callflow.example.com' } });
});
afterAll(async () => {
  await t.close();
});
const raw = () => supertest(t.service.app);

describe('authentication', () => {
  it('refuses /api reads without a token (401 unauthorized)', async () => {
    const res = await raw().get('/api/flows').set('Host', 'localhost').expect(401);
    expect(res.body.code).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toContain('Bearer');
  });

  it('refuses a wrong token (401 invalid_token)', async () => {
    const res = await raw()
      .get('/api/flows')
      .set('Host', 'localhost')
      .set('Authorization', 'Bearer wrong')
      .expect(401);
    expect(res.body.code).toBe('invalid_token');
  });

  it('refuses writes without a token even from localhost', async () => {
    const res = await raw()
      .put('/api/flows/x-flow')
      .set('Host', '127.0.0.1:4310')
      .set('If-None-Match', '*')
      .send(simpleFlow('x-flow'))
      .expect(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('lets a viewer read but not write (403 forbidden)', async () => {
    await t.api('viewer').get('/api/flows').expect(200);
    const res = await t
      .api('viewer')
      .put('/api/flows/x-flow')
      .set('If-None-Match', '*')
      .send(simpleFlow('x-flow'))
      .expect(403);
    expect(res.body.code).toBe('forbidden');
    await t.api('viewer').post('/api/flows/support-inbound/publish').expect(403);
  });

  it('lets an editor write', async () => {
    await t
      .api('editor')
      .put('/api/flows/x-flow')
      .set('If-None-Match', '*')
      .send(simpleFlow('x-flow'))
      .expect(201);
  });

  it('accepts ?token= only on the events stream', async () => {
    await raw().get(`/api/flows?token=${TOKENS.admin}`).set('Host', 'localhost').expect(401);
  });

  it('protects /metrics but not /healthz', async () => {
    await raw().get('/metrics').set('Host', 'localhost').expect(401);
    await raw().get('/healthz').set('Host', 'localhost').expect(200);
  });
});

describe('Host header (DNS rebinding)', () => {
  it.each(['localhost', 'localhost:4310', '127.0.0.1:4310', '[::1]:4310', 'callflow.example.com'])(
    'serves %s',
    async (host) => {
      await raw().get('/healthz').set('Host', host).expect(200);
    },
  );

  it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io'])(
    'refuses %s with 421 host_not_allowed',
    async (host) => {
      const res = await raw()
        .get('/api/flows')
        .set('Host', host)
        .set('Authorization', `Bearer ${TOKENS.admin}`)
        .expect(421);
      expect(res.body.code).toBe('host_not_allowed');
    },
  );
});

describe('headers', () => {
  it('sends CSP, nosniff and frame-ancestors none, and no CORS header for a foreign origin', async () => {
    const res = await t.api().get('/api/flows').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('answers a configured origin with an exact Access-Control-Allow-Origin, never *', async () => {
    const s = await startTestService({ env: { CALLFLOW_CORS_ORIGINS: 'https://admin.example.com' } });
    try {
      const ok = await s.api().get('/api/flows').set('Origin', 'https://admin.example.com').expect(200);
      expect(ok.headers['access-control-allow-origin']).toBe('https://admin.example.com');
      const other = await s.api().get('/api/flows').set('Origin', 'https://evil.example').expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 invalid_json and its position', async () => {
    const res = await t
      .api()
      .put('/api/flows/x-flow')
      .set('Content-Type', 'application/json')
      .set('If-None-Match', '*')
      .send('{"id": "x-flow",\n "name": }')
      .expect(400);
    expect(res.body.code).toBe('invalid_json');
    expect(res.body.message).toContain('not valid JSON');
    expect(res.body.details).toMatchObject({ line: 2, column: expect.any(Number) });
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const small = await startTestService({ env: { CALLFLOW_BODY_LIMIT: '1kb' } });
    try {
      const flow = { ...simpleFlow('big-flow'), description: 'x'.repeat(5000) };
      const res = await small
        .api()
        .put('/api/flows/big-flow')
        .set('If-None-Match', '*')
        .send(flow)
        .expect(413);
      expect(res.body.code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
  });

  it('answers a body that is not sent as JSON with 415 unsupported_media_type', async () => {
    const res = await t
      .api()
      .put('/api/flows/x-flow')
      .set('If-None-Match', '*')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(simpleFlow('x-flow')))
      .expect(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('answers a non-object body with 400 invalid_body', async () => {
    const res = await t.api().put('/api/flows/x-flow').set('If-None-Match', '*').send([1, 2]).expect(400);
    expect(res.body.code).toBe('invalid_body');
  });

  it('answers wrong field types with 400 invalid_body and a pointer per problem', async () => {
    const res = await t
      .api()
      .post('/api/flows/support-inbound/rollback')
      .send({ version: 'one' })
      .expect(400);
    expect(res.body.code).toBe('invalid_body');
    expect(res.body.details.problems[0].path).toBe('/version');
  });

  it('answers unknown routes with a coded 404', async () => {
    const res = await t.api().get('/api/nothing-here').expect(404);
    expect(res.body.code).toBe('route_not_found');
  });
});

describe('configuration', () => {
  const defaults = { flowsDir: '/tmp/flows', editorDist: '/tmp/editor' };

  it('refuses a non-loopback bind without tokens', () => {
    expect(() => loadConfig([], { CALLFLOW_HOST: '0.0.0.0' }, defaults)).toThrow(/without configured tokens/);
  });

  it('allows a non-loopback bind with tokens', () => {
    const config = loadConfig(
      [],
      { CALLFLOW_HOST: '0.0.0.0', CALLFLOW_TOKENS: `ci:${TOKENS.editor}:editor` },
      defaults,
    );
    expect(config.tokens).toHaveLength(1);
    expect(config.startupToken).toBeUndefined();
  });

  it('generates a startup admin token on loopback when none is configured', () => {
    const config = loadConfig([], {}, defaults);
    expect(config.host).toBe('127.0.0.1');
    expect(config.startupToken?.length).toBeGreaterThanOrEqual(24);
    expect(config.tokens[0]?.role).toBe('admin');
  });

  it('rejects malformed token lists', () => {
    expect(() => parseTokenList('ci:short:editor')).toThrow(/at least 16/);
    expect(() => parseTokenList(`ci:${TOKENS.admin}:root`)).toThrow(/role/);
  });

  it('finds a token holder by exact match only', () => {
    const tokens = parseTokenList(`a:${TOKENS.admin}:admin,v:${TOKENS.viewer}:viewer`);
    expect(findToken(tokens, TOKENS.viewer)?.name).toBe('v');
    expect(findToken(tokens, `${TOKENS.viewer}x`)).toBeUndefined();
    expect(findToken(tokens, '')).toBeUndefined();
  });
});
