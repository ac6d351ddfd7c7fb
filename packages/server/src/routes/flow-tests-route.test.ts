import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

interface TestFileBody {
  file: string;
  etag: string;
  test: { flow: string; scenarios: { name: string }[] } | null;
  problems: {
    code: string;
    severity: string;
    message: string;
    path: string;
    line?: number;
    column?: number;
  }[];
}

const testsOf = async (id: string): Promise<TestFileBody[]> =>
  (await t.api('viewer').get(`/api/flows/${id}/tests`).expect(200)).body.files;

const sampleTest = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(t.flowsDir, 'support-inbound.test.json'), 'utf8'));

describe('GET /api/flows/:id/tests', () => {
  it('answers the test files whose flow is this flow, parsed, sorted by name, to a viewer', async () => {
    const res = await t.api('viewer').get('/api/flows/support-inbound/tests').expect(200);
    expect(res.body.flowId).toBe('support-inbound');
    // The queue and whisper tests enter through support-inbound, so they are its tests too.
    expect(res.body.files.map((f: TestFileBody) => f.file)).toEqual([
      'agent-whisper.test.json',
      'outbound-whisper.test.json',
      'support-inbound.test.json',
      'support-queue.test.json',
    ]);
    const own = res.body.files[2] as TestFileBody;
    expect(own.test?.flow).toBe('support-inbound');
    expect(own.test?.scenarios.length).toBeGreaterThan(0);
    expect(own.problems).toEqual([]);
    expect(own.etag).toMatch(/^"[\w-]+"$/);
  });

  it('answers files: [] for a flow without tests', async () => {
    const res = await t.api().get('/api/flows/after-hours/tests').expect(200);
    expect(res.body).toEqual({ flowId: 'after-hours', files: [] });
  });

  it('includes another file naming the flow and leaves out a file for another flow', async () => {
    writeFileSync(join(t.flowsDir, 'more-support.test.json'), JSON.stringify(sampleTest(), null, 2));
    writeFileSync(
      join(t.flowsDir, 'about-sales.test.json'),
      JSON.stringify({ ...sampleTest(), flow: 'sales-inbound' }),
    );
    const files = (await testsOf('support-inbound')).map((f) => f.file);
    expect(files).toContain('more-support.test.json');
    expect(files).not.toContain('about-sales.test.json');
    expect((await testsOf('sales-inbound')).map((f) => f.file)).toEqual([
      'about-sales.test.json',
      'sales-inbound.test.json',
    ]);
  });

  it('reports a broken <id>.test.json with test: null and where the syntax error is', async () => {
    writeFileSync(join(t.flowsDir, 'after-hours.test.json'), '{\n  "flow": "after-hours",\n  <<<<<<< HEAD\n');
    // Not JSON and named after no flow: nobody can tell whose it is.
    writeFileSync(join(t.flowsDir, 'stray.test.json'), '{ "flow": "after-hours", ');
    const files = await testsOf('after-hours');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ file: 'after-hours.test.json', test: null });
    expect(files[0]?.problems[0]).toMatchObject({ code: 'CF001', severity: 'error', line: 3, column: 3 });
  });

  it('reports a test that breaks the schema with test: null and located problems', async () => {
    const bad = { ...sampleTest(), flow: 'after-hours', scenarios: [{ name: 'no call' }] };
    writeFileSync(join(t.flowsDir, 'after-hours-bad.test.json'), JSON.stringify(bad, null, 2));
    const [file] = await testsOf('after-hours');
    expect(file?.test).toBeNull();
    expect(file?.problems.length).toBeGreaterThan(0);
    expect(file?.problems[0]).toMatchObject({
      severity: 'error',
      path: expect.stringMatching(/^\/scenarios\/0/),
    });
    expect(file?.problems[0]?.line).toBeGreaterThan(1);
  });

  it('reports a file over 5 MB as CF002 without reading it', async () => {
    const path = join(t.flowsDir, 'after-hours.test.json');
    writeFileSync(path, '');
    truncateSync(path, 5 * 1024 * 1024 + 1);
    const files = await testsOf('after-hours');
    expect(files).toEqual([
      {
        file: 'after-hours.test.json',
        etag: expect.stringMatching(/^"/),
        test: null,
        problems: [
          {
            code: 'CF002',
            severity: 'error',
            // Refused from its size alone: once read, the parser would have said so in its own words.
            message:
              'The file is too large: 5242881 bytes, the limit is 5242880 bytes. Split its scenarios into several test files.',
            path: '',
          },
        ],
      },
    ]);
  });

  it('reports a <id>.test.json that is not UTF-8 as CF001, as `callflow test` does', async () => {
    const text = JSON.stringify({ ...sampleTest(), flow: 'after-hours' });
    writeFileSync(
      join(t.flowsDir, 'after-hours.test.json'),
      Buffer.concat([Buffer.from(text), Buffer.from([0xff])]),
    );
    const [file] = await testsOf('after-hours');
    expect(file).toMatchObject({ file: 'after-hours.test.json', test: null, problems: [{ code: 'CF001' }] });
    expect(file?.problems[0]?.message).toContain('not UTF-8');
  });

  it('reads the files again at every request (a git pull shows at once)', async () => {
    const path = join(t.flowsDir, 'support-inbound.test.json');
    const before = (await testsOf('support-inbound')).find((f) => f.file === 'support-inbound.test.json');
    const changed = sampleTest();
    (changed.scenarios as { name: string }[])[0]!.name = 'renamed in git';
    writeFileSync(path, JSON.stringify(changed, null, 2));
    const after = (await testsOf('support-inbound')).find((f) => f.file === 'support-inbound.test.json');
    expect(after?.test?.scenarios[0]?.name).toBe('renamed in git');
    expect(after?.etag).not.toBe(before?.etag);
    writeFileSync(path, JSON.stringify({ ...changed, flow: 'sales-inbound' }));
    expect((await testsOf('support-inbound')).map((f) => f.file)).not.toContain('support-inbound.test.json');
  });

  it('404s an unknown flow, 400s a bad id, 401s without a token', async () => {
    const missing = await t.api().get('/api/flows/nope/tests').expect(404);
    expect(missing.body).toMatchObject({ code: 'flow_not_found', details: { id: 'nope' } });
    const bad = await t.api().get('/api/flows/Not_A_Flow/tests').expect(400);
    expect(bad.body.code).toBe('invalid_flow_id');
    const anonymous = await supertest(t.service.app)
      .get('/api/flows/support-inbound/tests')
      .set('Host', 'localhost:4310')
      .expect(401);
    expect(anonymous.body.code).toBe('unauthorized');
  });
});
