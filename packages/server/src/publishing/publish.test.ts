import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simpleFlow, startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

async function create(id: string, flow: Record<string, unknown>): Promise<string> {
  const res = await t.api().put(`/api/flows/${id}`).set('If-None-Match', '*').send(flow).expect(201);
  return res.body.etag;
}

describe('publishing', () => {
  it('publishes numbered versions, lists them newest first and marks the live one', async () => {
    const etag = await create('pub-flow', simpleFlow('pub-flow', 'One'));
    const first = await t.api().post('/api/flows/pub-flow/publish').expect(201);
    expect(first.body.version).toBe(1);
    expect(Array.isArray(first.body.problems)).toBe(true);
    await t
      .api()
      .put('/api/flows/pub-flow')
      .set('If-Match', etag)
      .send(simpleFlow('pub-flow', 'Two'))
      .expect(200);
    const second = await t.api().post('/api/flows/pub-flow/publish').expect(201);
    expect(second.body.version).toBe(2);
    const versions = await t.api().get('/api/flows/pub-flow/versions').expect(200);
    expect(versions.body.map((v: { version: number; live: boolean }) => [v.version, v.live])).toEqual([
      [2, true],
      [1, false],
    ]);
    const list = await t.api().get('/api/flows').expect(200);
    expect(list.body.find((f: { id: string }) => f.id === 'pub-flow')).toMatchObject({ live: 2, latest: 2 });
  });

  it('keeps published versions immutable when the draft changes', async () => {
    const etag = await create('pub-flow', simpleFlow('pub-flow', 'One'));
    await t.api().post('/api/flows/pub-flow/publish').expect(201);
    await t
      .api()
      .put('/api/flows/pub-flow')
      .set('If-Match', etag)
      .send(simpleFlow('pub-flow', 'Two'))
      .expect(200);
    const v1 = await t.api().get('/api/flows/pub-flow/versions/1').expect(200);
    expect(v1.body.flow.name).toBe('One');
    expect(v1.body.live).toBe(true);
  });

  it('rolls live back to an older version and refuses an unknown one', async () => {
    const etag = await create('pub-flow', simpleFlow('pub-flow', 'One'));
    await t.api().post('/api/flows/pub-flow/publish').expect(201);
    await t
      .api()
      .put('/api/flows/pub-flow')
      .set('If-Match', etag)
      .send(simpleFlow('pub-flow', 'Two'))
      .expect(200);
    await t.api().post('/api/flows/pub-flow/publish').expect(201);
    const rolled = await t.api().post('/api/flows/pub-flow/rollback').send({ version: 1 }).expect(200);
    expect(rolled.body).toEqual({ live: 1 });
    const versions = await t.api().get('/api/flows/pub-flow/versions').expect(200);
    expect(versions.body.find((v: { live: boolean }) => v.live).version).toBe(1);
    const missing = await t.api().post('/api/flows/pub-flow/rollback').send({ version: 9 }).expect(404);
    expect(missing.body.code).toBe('version_not_found');
  });

  it('blocks a publish while the flow has errors and records nothing', async () => {
    const broken = simpleFlow('broken-flow');
    (broken.blocks as Record<string, { next?: Record<string, string> }>).hello!.next = {
      success: 'nowhere',
      error: 'bye',
    };
    const saved = await t
      .api()
      .put('/api/flows/broken-flow')
      .set('If-None-Match', '*')
      .send(broken)
      .expect(201);
    expect(saved.body.problems.some((p: { severity: string }) => p.severity === 'error')).toBe(true);
    const res = await t.api().post('/api/flows/broken-flow/publish').expect(422);
    expect(res.body.code).toBe('publish_blocked');
    expect(res.body.details.problems.some((p: { code: string }) => p.code === 'CF201')).toBe(true);
    const versions = await t.api().get('/api/flows/broken-flow/versions').expect(200);
    expect(versions.body).toEqual([]);
  });

  it('refuses to publish a transfer to 911 until the resources list that exact number', async () => {
    await create('emergency', {
      formatVersion: 1,
      id: 'emergency',
      name: 'Emergency',
      type: 'inbound',
      start: 'out',
      blocks: {
        out: {
          type: 'transferToNumber',
          settings: { to: { value: '911' }, timeoutSeconds: 30, resumeAfterDisconnect: false },
          next: { busy: 'bye', noAnswer: 'bye', error: 'bye' },
        },
        bye: { type: 'disconnect', settings: {} },
      },
    });
    const refused = await t.api().post('/api/flows/emergency/publish').expect(422);
    expect(refused.body.code).toBe('publish_blocked');
    expect(refused.body.details.problems).toContainEqual(
      expect.objectContaining({ code: 'CF504', severity: 'error', blockId: 'out' }),
    );
    expect((await t.api().get('/api/flows/emergency/versions').expect(200)).body).toEqual([]);

    const current = await t.api().get('/api/resources').expect(200);
    const allowing = {
      ...current.body.resources,
      account: { ...current.body.resources.account, allowedSpecialNumbers: ['911'] },
    };
    await t
      .api()
      .put('/api/resources')
      .set('If-Match', String(current.headers.etag))
      .send(allowing)
      .expect(200);
    const published = await t.api().post('/api/flows/emergency/publish').expect(201);
    expect(published.body.version).toBe(1);
  });

  it('saves a flow whose start block was deleted, and refuses to publish it (CF200)', async () => {
    // The designer deletes the start and promotes nothing: the draft names a block that is gone.
    const headless = simpleFlow('headless');
    delete (headless.blocks as Record<string, unknown>).hello;
    const saved = await t
      .api()
      .put('/api/flows/headless')
      .set('If-None-Match', '*')
      .send(headless)
      .expect(201);
    expect(saved.body.problems).toContainEqual(
      expect.objectContaining({ code: 'CF200', severity: 'error', path: '/start' }),
    );
    const res = await t.api().post('/api/flows/headless/publish').expect(422);
    expect(res.body.code).toBe('publish_blocked');
    expect(res.body.details.problems.map((p: { code: string }) => p.code)).toContain('CF200');
    expect((await t.api().get('/api/flows/headless/versions').expect(200)).body).toEqual([]);
  });

  it('refuses to publish a draft other than the one the admin sees (If-Match)', async () => {
    await create('pub-flow', simpleFlow('pub-flow'));
    const res = await t.api().post('/api/flows/pub-flow/publish').set('If-Match', '"old"').expect(412);
    expect(res.body.code).toBe('version_mismatch');
  });

  it('404s publishing or reading versions of an unknown flow', async () => {
    await t.api().post('/api/flows/ghost/publish').expect(404);
    await t.api().get('/api/flows/ghost/versions/1').expect(404);
    await t.api().get('/api/flows/ghost/versions').expect(404);
  });

  it('publishes the sample flows without errors', async () => {
    const res = await t.api().post('/api/flows/support-inbound/publish').send({ withDependencies: true });
    expect(res.body.details?.problems ?? []).toEqual([]);
    expect(res.status).toBe(201);
  });
});
