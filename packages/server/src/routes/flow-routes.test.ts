import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simpleFlow, startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

describe('flow store API', () => {
  it('lists the flows of the directory with their etag and publish state', async () => {
    const res = await t.api().get('/api/flows').expect(200);
    const ids = res.body.map((f: { id: string }) => f.id);
    expect(ids).toContain('support-inbound');
    const support = res.body.find((f: { id: string }) => f.id === 'support-inbound');
    expect(support).toMatchObject({ name: 'Support inbound', type: 'inbound', live: null, latest: null });
    expect(support.etag).toMatch(/^".+"$/);
  });

  it('returns one flow with an ETag header equal to the body etag', async () => {
    const res = await t.api().get('/api/flows/support-inbound').expect(200);
    expect(res.body.flow.id).toBe('support-inbound');
    expect(res.headers.etag).toBe(res.body.etag);
  });

  it('404s an unknown flow with flow_not_found', async () => {
    const res = await t.api().get('/api/flows/nope').expect(404);
    expect(res.body).toEqual({
      code: 'flow_not_found',
      message: expect.any(String),
      details: { id: 'nope' },
    });
  });

  it('refuses a path-traversal id', async () => {
    const res = await t.api().get('/api/flows/..%2Fetc').expect(400);
    expect(res.body.code).toBe('invalid_flow_id');
  });

  it('creates with If-None-Match: * and writes the canonical file', async () => {
    const res = await t
      .api()
      .put('/api/flows/new-flow')
      .set('If-None-Match', '*')
      .send(simpleFlow('new-flow'))
      .expect(201);
    const text = readFileSync(join(t.flowsDir, 'new-flow.flow.json'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text).id).toBe('new-flow');
    const again = await t.api().get('/api/flows/new-flow').expect(200);
    expect(again.body.etag).toBe(res.body.etag);
  });

  it('requires If-None-Match: * to create (428)', async () => {
    const res = await t.api().put('/api/flows/new-flow').send(simpleFlow('new-flow')).expect(428);
    expect(res.body.code).toBe('precondition_required');
  });

  it('requires If-Match to update an existing flow (428) and writes nothing', async () => {
    const before = readFileSync(join(t.flowsDir, 'support-inbound.flow.json'), 'utf8');
    const { body } = await t.api().get('/api/flows/support-inbound');
    const res = await t
      .api()
      .put('/api/flows/support-inbound')
      .send({ ...body.flow, name: 'Changed' })
      .expect(428);
    expect(res.body.code).toBe('precondition_required');
    expect(readFileSync(join(t.flowsDir, 'support-inbound.flow.json'), 'utf8')).toBe(before);
  });

  it('saves with the current etag and answers 412 with the current version for a stale one', async () => {
    const { body } = await t.api().get('/api/flows/support-inbound');
    const first = await t
      .api()
      .put('/api/flows/support-inbound')
      .set('If-Match', body.etag)
      .send({ ...body.flow, name: 'First' })
      .expect(200);
    expect(first.body.etag).not.toBe(body.etag);
    const stale = await t
      .api()
      .put('/api/flows/support-inbound')
      .set('If-Match', body.etag)
      .send({ ...body.flow, name: 'Second' })
      .expect(412);
    expect(stale.body.code).toBe('version_mismatch');
    expect(stale.body.details.current.etag).toBe(first.body.etag);
    expect(stale.body.details.current.flow.name).toBe('First');
    const onDisk = JSON.parse(readFileSync(join(t.flowsDir, 'support-inbound.flow.json'), 'utf8'));
    expect(onDisk.name).toBe('First');
  });

  it('accepts the etag without quotes (copied from the body)', async () => {
    const { body } = await t.api().get('/api/flows/support-inbound');
    await t
      .api()
      .put('/api/flows/support-inbound')
      .set('If-Match', body.etag.replaceAll('"', ''))
      .send({ ...body.flow, name: 'Unquoted' })
      .expect(200);
  });

  it('saving an unchanged flow keeps the file byte for byte', async () => {
    const path = join(t.flowsDir, 'support-inbound.flow.json');
    const before = readFileSync(path, 'utf8');
    const { body } = await t.api().get('/api/flows/support-inbound');
    const res = await t
      .api()
      .put('/api/flows/support-inbound')
      .set('If-Match', body.etag)
      .send(body.flow)
      .expect(200);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(res.body.etag).toBe(body.etag);
  });

  it('refuses a flow failing the schema with 422 invalid_flow and writes nothing', async () => {
    const bad = { ...simpleFlow('bad-flow'), name: 42, type: 'fax' };
    const res = await t.api().put('/api/flows/bad-flow').set('If-None-Match', '*').send(bad).expect(422);
    expect(res.body.code).toBe('invalid_flow');
    const paths = res.body.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/name', '/type']));
    await t.api().get('/api/flows/bad-flow').expect(404);
  });

  it('reads format versions as callflow validate does: a flow without formatVersion is upgraded, a newer one refused', async () => {
    const { formatVersion, ...unversioned } = simpleFlow('unversioned-flow');
    const saved = await t
      .api()
      .put('/api/flows/unversioned-flow')
      .set('If-None-Match', '*')
      .send(unversioned)
      .expect(201);
    expect(saved.body.etag).toEqual(expect.any(String));
    const stored = JSON.parse(readFileSync(join(t.flowsDir, 'unversioned-flow.flow.json'), 'utf8'));
    expect(stored.formatVersion).toBe(formatVersion);

    const future = await t
      .api()
      .put('/api/flows/future-flow')
      .set('If-None-Match', '*')
      .send({ ...simpleFlow('future-flow'), formatVersion: Number(formatVersion) + 1 })
      .expect(422);
    expect(future.body.code).toBe('invalid_flow');
    expect(future.body.details.problems[0]).toMatchObject({ severity: 'error', path: '/formatVersion' });
    await t.api().get('/api/flows/future-flow').expect(404);

    // A file put on disk by hand without formatVersion is read upgraded (as the CLI validates it).
    writeFileSync(
      join(t.flowsDir, 'by-hand.flow.json'),
      `${JSON.stringify({ ...unversioned, id: 'by-hand' }, null, 2)}\n`,
    );
    const byHand = await t.api().get('/api/flows/by-hand').expect(200);
    expect(byHand.body.flow.formatVersion).toBe(formatVersion);
  });

  it('writes keys in canonical order whatever order the client sent', async () => {
    const flow = simpleFlow('order-flow');
    const shuffled = Object.fromEntries(Object.entries(flow).reverse());
    await t.api().put('/api/flows/order-flow').set('If-None-Match', '*').send(shuffled).expect(201);
    const text = readFileSync(join(t.flowsDir, 'order-flow.flow.json'), 'utf8');
    expect(text.indexOf('"$schema"')).toBeLessThan(text.indexOf('"formatVersion"'));
    expect(text.indexOf('"id"')).toBeLessThan(text.indexOf('"blocks"'));
  });

  it('refuses a body whose id differs from the URL (400 id_mismatch)', async () => {
    const res = await t
      .api()
      .put('/api/flows/new-flow')
      .set('If-None-Match', '*')
      .send(simpleFlow('other'))
      .expect(400);
    expect(res.body.code).toBe('id_mismatch');
  });

  it('picks up a change made on disk (git pull) on the next read', async () => {
    const path = join(t.flowsDir, 'support-inbound.flow.json');
    const { body } = await t.api().get('/api/flows/support-inbound');
    const changed = JSON.parse(readFileSync(path, 'utf8'));
    changed.name = 'Pulled from git';
    writeFileSync(path, `${JSON.stringify(changed, null, 2)}\n`);
    const after = await t.api().get('/api/flows/support-inbound').expect(200);
    expect(after.body.flow.name).toBe('Pulled from git');
    expect(after.body.etag).not.toBe(body.etag);
    const stale = await t
      .api()
      .put('/api/flows/support-inbound')
      .set('If-Match', body.etag)
      .send(body.flow)
      .expect(412);
    expect(stale.body.details.current.flow.name).toBe('Pulled from git');
  });

  it('reports a file broken on disk as flow_unreadable with its etag', async () => {
    writeFileSync(join(t.flowsDir, 'support-inbound.flow.json'), '{ "id": <<<<<<< HEAD');
    const res = await t.api().get('/api/flows/support-inbound').expect(422);
    expect(res.body.code).toBe('flow_unreadable');
    expect(res.body.details.problems[0].code).toBe('CF001');
    expect(res.body.details.problems[0].file).toBe('support-inbound.flow.json');
    expect(JSON.stringify(res.body)).not.toContain(t.flowsDir);
    expect(res.body.details.etag).toMatch(/^"/);
  });

  it('deletes with If-Match (204), refuses without it (428) and with a stale one (412)', async () => {
    const { body } = await t.api().get('/api/flows/after-hours');
    await t.api().delete('/api/flows/after-hours').expect(428);
    await t.api().delete('/api/flows/after-hours').set('If-Match', '"stale"').expect(412);
    // Two inbound flows invoke it as a module: deleting it asks first (see center/resource-usage.test.ts).
    await t.api().delete('/api/flows/after-hours').set('If-Match', body.etag).expect(409);
    await t.api().delete('/api/flows/after-hours?force=true').set('If-Match', body.etag).expect(204);
    await t.api().get('/api/flows/after-hours').expect(404);
  });

  it('validates the saved draft or an unsaved body', async () => {
    const saved = await t.api().post('/api/flows/support-inbound/validate').expect(200);
    expect(Array.isArray(saved.body.problems)).toBe(true);
    const unsaved = await t
      .api()
      .post('/api/flows/support-inbound/validate')
      .send(simpleFlow('support-inbound'))
      .expect(200);
    expect(Array.isArray(unsaved.body.problems)).toBe(true);
  });
});

describe('resources API', () => {
  it('reads and saves the resources file with the same precondition rules', async () => {
    const got = await t.api().get('/api/resources').expect(200);
    expect(got.body.resources.account.defaultRegion).toBe('US');
    await t.api().put('/api/resources').send(got.body.resources).expect(428);
    await t.api().put('/api/resources').set('If-Match', '"old"').send(got.body.resources).expect(412);
    const changed = { ...got.body.resources, account: { ...got.body.resources.account, name: 'Renamed' } };
    const saved = await t
      .api()
      .put('/api/resources')
      .set('If-Match', got.body.etag)
      .send(changed)
      .expect(200);
    expect(saved.body.etag).not.toBe(got.body.etag);
    expect(JSON.parse(readFileSync(join(t.flowsDir, 'resources.json'), 'utf8')).account.name).toBe('Renamed');
  });
});

describe('catalog', () => {
  it('lists every block type with its outcomes and form hints', async () => {
    const res = await t.api().get('/api/catalog').expect(200);
    const menu = res.body.blocks.find((b: { type: string }) => b.type === 'menu');
    expect(menu).toMatchObject({ type: 'menu', group: expect.any(String), title: expect.any(String) });
    expect(menu.outcomeNames.length).toBeGreaterThan(0);
    expect(res.body.blocks.length).toBeGreaterThanOrEqual(23);
  });
});
