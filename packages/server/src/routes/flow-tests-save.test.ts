import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFlowTest } from '@callflow/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../ops/event-bus.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
let seen: LiveEvent[];
beforeEach(async () => {
  t = await startTestService();
  seen = [];
  t.service.events.subscribe(({ event }) => seen.push(event));
});
afterEach(async () => {
  await t.close();
});

interface TestFileBody {
  file: string;
  etag: string;
  test: { flow: string; scenarios: { name: string }[] } | null;
}

const onDisk = (file: string): string => readFileSync(join(t.flowsDir, file), 'utf8');

const testsOf = async (id: string): Promise<TestFileBody[]> =>
  (await t.api('viewer').get(`/api/flows/${id}/tests`).expect(200)).body.files;

/** A scenario as "Save as test" makes it from a simulated call, keys in no particular order. */
const scenario = (name: string): Record<string, unknown> => ({
  expect: { end: 'disconnected', path: ['closed-message', 'goodbye'] },
  name,
  call: { at: '2026-03-09T23:00:00Z', to: '+18005550100', from: '+12025550143' },
});

/** A new test document for after-hours (which has none), keys out of canonical order. */
const newTest = (...names: string[]): Record<string, unknown> => ({
  scenarios: names.map(scenario),
  flow: 'after-hours',
  formatVersion: 1,
  $schema: '../schemas/flow-test.schema.json',
});

const create = (file: string, body: object) =>
  t.api('editor').put(`/api/flows/after-hours/tests/${file}`).set('If-None-Match', '*').send(body);

describe('PUT /api/flows/:id/tests/:file', () => {
  it('creates the file (201) in canonical form, as `callflow fmt` writes it, and announces it', async () => {
    const res = await create('after-hours.test.json', newTest('closed at night')).expect(201);
    expect(res.body).toEqual({
      file: 'after-hours.test.json',
      etag: expect.stringMatching(/^"/),
      problems: [],
    });
    expect(res.headers.etag).toBe(res.body.etag);

    const text = onDisk('after-hours.test.json');
    expect(text).toBe(formatFlowTest(newTest('closed at night')));
    // `fmt --check` passes: formatting the file again changes nothing.
    expect(formatFlowTest(JSON.parse(text))).toBe(text);
    expect(text.indexOf('"formatVersion"')).toBeLessThan(text.indexOf('"scenarios"'));

    const [listed] = await testsOf('after-hours');
    expect(listed).toMatchObject({ file: 'after-hours.test.json', etag: res.body.etag });
    expect(listed?.test?.scenarios.map((s) => s.name)).toEqual(['closed at night']);
    expect(seen).toContainEqual({
      type: 'flow.tests.saved',
      flowId: 'after-hours',
      file: 'after-hours.test.json',
      etag: res.body.etag,
    });
  });

  it('replaces the file with the etag the GET gave (200), and the next GET shows the scenario', async () => {
    const files = await testsOf('support-inbound');
    const own = files.find((f) => f.file === 'support-inbound.test.json');
    if (!own?.test) throw new Error('the sample test file is missing');
    const appended = { ...own.test, scenarios: [...own.test.scenarios, scenario('saved from a call')] };
    const res = await t
      .api('editor')
      .put('/api/flows/support-inbound/tests/support-inbound.test.json')
      .set('If-Match', own.etag)
      .send(appended)
      .expect(200);
    expect(res.body).toEqual({ file: 'support-inbound.test.json', etag: expect.any(String), problems: [] });
    expect(res.body.etag).not.toBe(own.etag);

    const after = (await testsOf('support-inbound')).find((f) => f.file === 'support-inbound.test.json');
    expect(after?.etag).toBe(res.body.etag);
    expect(after?.test?.scenarios.at(-1)?.name).toBe('saved from a call');
    expect(after?.test?.scenarios).toHaveLength(own.test.scenarios.length + 1);
  });

  it('refuses a stale etag (412) with the version on disk, and writes nothing', async () => {
    const created = await create('after-hours.test.json', newTest('first')).expect(201);
    const before = onDisk('after-hours.test.json');
    const res = await t
      .api('editor')
      .put('/api/flows/after-hours/tests/after-hours.test.json')
      .set('If-Match', '"stale"')
      .send(newTest('first', 'second'))
      .expect(412);
    expect(res.body.code).toBe('version_mismatch');
    expect(res.body.details.current).toEqual({ test: JSON.parse(before), etag: created.body.etag });
    expect(onDisk('after-hours.test.json')).toBe(before);
    expect(seen.filter((e) => e.type === 'flow.tests.saved')).toHaveLength(1);
  });

  it('refuses to create over an existing file (412) and asks for a precondition (428)', async () => {
    const existing = (await testsOf('sales-inbound')).find((f) => f.file === 'sales-inbound.test.json');
    const before = onDisk('sales-inbound.test.json');
    const path = '/api/flows/sales-inbound/tests/sales-inbound.test.json';
    const over = await t
      .api('editor')
      .put(path)
      .set('If-None-Match', '*')
      .send({ ...existing?.test })
      .expect(412);
    expect(over.body).toMatchObject({
      code: 'version_mismatch',
      details: { current: { etag: existing?.etag } },
    });

    const bare = await t
      .api('editor')
      .put(path)
      .send({ ...existing?.test })
      .expect(428);
    expect(bare.body.code).toBe('precondition_required');
    const missing = await t
      .api('editor')
      .put('/api/flows/after-hours/tests/after-hours.test.json')
      .send(newTest('x'))
      .expect(428);
    expect(missing.body.code).toBe('precondition_required');
    expect(onDisk('sales-inbound.test.json')).toBe(before);
    expect(existsSync(join(t.flowsDir, 'after-hours.test.json'))).toBe(false);
  });

  it('lets one of two saves from the same version win; the other gets 412', async () => {
    const created = await create('after-hours.test.json', newTest('first')).expect(201);
    const save = (name: string) =>
      t
        .api('editor')
        .put('/api/flows/after-hours/tests/after-hours.test.json')
        .set('If-Match', created.body.etag)
        .send(newTest('first', name));
    const results = await Promise.all([save('from a'), save('from b')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200);
    expect(onDisk('after-hours.test.json')).toBe(
      formatFlowTest(newTest('first', winner === results[0] ? 'from a' : 'from b')),
    );
  });

  it.each([
    ['..%2Fx.test.json', '../x.test.json'],
    ['a%2Fb.test.json', 'a/b.test.json'],
    ['x.json', 'x.json'],
    ['.test.json', '.test.json'],
    ['Upper.test.json', 'Upper.test.json'],
  ])('refuses the file name %s (400 invalid_file_name)', async (inUrl, file) => {
    const before = readdirSync(t.flowsDir).sort();
    const res = await create(inUrl, newTest('x')).expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_file_name', details: { file } });
    expect(readdirSync(t.flowsDir).sort()).toEqual(before);
    expect(existsSync(join(t.flowsDir, '..', 'x.test.json'))).toBe(false);
  });

  it('refuses a document for another flow (400 id_mismatch) and an unknown flow (404)', async () => {
    const other = await create('after-hours.test.json', { ...newTest('x'), flow: 'sales-inbound' }).expect(
      400,
    );
    expect(other.body).toMatchObject({
      code: 'id_mismatch',
      details: { id: 'after-hours', bodyFlow: 'sales-inbound' },
    });
    const unknown = await t
      .api('editor')
      .put('/api/flows/nope/tests/nope.test.json')
      .set('If-None-Match', '*')
      .send({ ...newTest('x'), flow: 'nope' })
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'flow_not_found', details: { id: 'nope' } });
    expect(existsSync(join(t.flowsDir, 'after-hours.test.json'))).toBe(false);
    expect(existsSync(join(t.flowsDir, 'nope.test.json'))).toBe(false);
  });

  it('refuses a scenario that expects nothing (422 invalid_test, CF105 at its expect), writing nothing', async () => {
    const vacuous = { ...scenario('checks nothing'), expect: {} };
    const res = await create('after-hours.test.json', {
      ...newTest('fine'),
      scenarios: [scenario('fine'), vacuous],
    }).expect(422);
    expect(res.body.code).toBe('invalid_test');
    expect(res.body.details.problems).toEqual([
      expect.objectContaining({
        code: 'CF105',
        severity: 'error',
        path: '/scenarios/1/expect',
        message: expect.stringMatching(/^Scenario "checks nothing": "expect" checks nothing/),
        file: 'after-hours.test.json',
        line: expect.any(Number),
      }),
    ]);
    expect(existsSync(join(t.flowsDir, 'after-hours.test.json'))).toBe(false);
  });

  it('refuses a document that fails the schema (422 invalid_test) with located problems, writing nothing', async () => {
    const bad = { ...newTest('x'), scenarios: [{ name: 'no call', expect: {} }] };
    const res = await create('after-hours.test.json', bad).expect(422);
    expect(res.body.code).toBe('invalid_test');
    expect(res.body.details.problems.length).toBeGreaterThan(0);
    expect(res.body.details.problems[0]).toMatchObject({
      severity: 'error',
      path: expect.stringMatching(/^\/scenarios\/0/),
      file: 'after-hours.test.json',
      line: expect.any(Number),
    });
    expect(existsSync(join(t.flowsDir, 'after-hours.test.json'))).toBe(false);
    expect(seen.filter((e) => e.type === 'flow.tests.saved')).toEqual([]);
  });

  it('is refused to a viewer (403)', async () => {
    const res = await t
      .api('viewer')
      .put('/api/flows/after-hours/tests/after-hours.test.json')
      .set('If-None-Match', '*')
      .send(newTest('x'))
      .expect(403);
    expect(res.body.code).toBe('forbidden');
    expect(existsSync(join(t.flowsDir, 'after-hours.test.json'))).toBe(false);
  });
});

describe('PUT /api/flows/:id/tests/:file body size', () => {
  it('refuses a body over the configured limit (413)', async () => {
    const small = await startTestService({ env: { CALLFLOW_BODY_LIMIT: '1kb' } });
    try {
      const res = await small
        .api('editor')
        .put('/api/flows/after-hours/tests/after-hours.test.json')
        .set('If-None-Match', '*')
        .send(newTest(...Array.from({ length: 20 }, (_, i) => `scenario ${i}`)))
        .expect(413);
      expect(res.body.code).toBe('payload_too_large');
      expect(existsSync(join(small.flowsDir, 'after-hours.test.json'))).toBe(false);
    } finally {
      await small.close();
    }
  });
});
