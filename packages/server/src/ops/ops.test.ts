import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleFlow, startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';

let t: TestService;
let base: string;
beforeAll(async () => {
  t = await startTestService();
  base = `http://127.0.0.1:${await t.service.listen()}`;
});
afterAll(async () => {
  await t.close();
});

describe('live events (SSE)', () => {
  it('streams flow saves to a client holding the token in the query string', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${TOKENS.viewer}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await t
      .api()
      .put('/api/flows/sse-flow')
      .set('If-None-Match', '*')
      .send(simpleFlow('sse-flow'))
      .expect(201);
    let text = '';
    while (!text.includes('event: flow.saved')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain('event: flow.saved');
    expect(text).toContain('"flowId":"sse-flow"');
  });

  it('refuses the stream without a token', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });
});

describe('metrics and health', () => {
  it('exposes Prometheus metrics with the counters operators watch', async () => {
    await t
      .api()
      .put('/api/flows/metric-flow')
      .set('If-None-Match', '*')
      .send(simpleFlow('metric-flow'))
      .expect(201);
    await t.api().post('/api/flows/metric-flow/publish').expect(201);
    await t.api().get('/api/flows/nothing').expect(404);
    const res = await t.api().get('/metrics').expect(200);
    expect(res.text).toContain('callflow_publish_total 1');
    expect(res.text).toContain('callflow_contacts_active 0');
    expect(res.text).toContain('callflow_errors_total{code="flow_not_found"} 1');
    expect(res.text).toContain('callflow_http_request_duration_seconds_bucket');
    expect(res.text).toContain('route="/api/flows/:id"');
  });

  it('answers /healthz without a token', async () => {
    const res = await supertest(t.service.app).get('/healthz').set('Host', 'localhost').expect(200);
    expect(res.body).toMatchObject({ ok: true, state: 'ready' });
  });
});

describe('editor files', () => {
  it('serves the editor build with an SPA fallback, and keeps API 404s coded', async () => {
    const work = mkdtempSync(join(tmpdir(), 'callflow-editor-'));
    const dist = join(work, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>callflow</title>');
    writeFileSync(join(dist, 'agent.html'), '<!doctype html><title>agent desktop</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const s = await startTestService({ env: { CALLFLOW_EDITOR_DIST: dist } });
    try {
      const app = () => supertest(s.service.app);
      const index = await app().get('/').set('Host', 'localhost').expect(200);
      expect(index.text).toContain('<title>callflow</title>');
      expect(index.headers['content-security-policy']).toContain("script-src 'self'");
      await app().get('/assets/app.js').set('Host', 'localhost').expect(200);
      const deep = await app().get('/flows/support-inbound').set('Host', 'localhost').expect(200);
      expect(deep.text).toContain('<title>callflow</title>');
      // The agent desktop is its own page of the same build, with the same security headers.
      const desktop = await app().get('/agent').set('Host', 'localhost').expect(200);
      expect(desktop.text).toContain('<title>agent desktop</title>');
      expect(desktop.headers['content-security-policy']).toBe(index.headers['content-security-policy']);
      const desktopDeep = await app().get('/agent/calls').set('Host', 'localhost').expect(200);
      expect(desktopDeep.text).toContain('<title>agent desktop</title>');
      const api = await s.api().get('/api/unknown').expect(404);
      expect(api.body.code).toBe('route_not_found');
    } finally {
      await s.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
