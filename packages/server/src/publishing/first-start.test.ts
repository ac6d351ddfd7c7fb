import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, startChildService } from '../test-support/child-service.js';
import { SAMPLE_FLOWS, startTestService, type TestService } from '../test-support/temp-service.js';

/** Every flow of the samples directory. */
const SAMPLES = readdirSync(SAMPLE_FLOWS)
  .filter((name) => name.endsWith('.flow.json'))
  .map((name) => name.replace(/\.flow\.json$/, ''))
  .sort();
const ON = { CALLFLOW_PUBLISH_ON_FIRST_START: 'on' };

let t: TestService | undefined;
let work: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

async function liveVersions(service: TestService): Promise<Record<string, number | null>> {
  const res = await service.api().get('/api/flows').expect(200);
  return Object.fromEntries(res.body.map((f: { id: string; live: number | null }) => [f.id, f.live]));
}

async function versionCounts(service: TestService): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const id of SAMPLES)
    counts[id] = (await service.api().get(`/api/flows/${id}/versions`).expect(200)).body.length;
  return counts;
}

describe('the first start of a data directory', () => {
  it('publishes every sample flow as version 1, says so, and a later start never republishes', async () => {
    work = mkdtempSync(join(tmpdir(), 'callflow-first-start-'));
    t = await startTestService({ workDir: work, env: ON });
    expect(t.service.firstStart?.published.map((p) => p.flowId).sort()).toEqual(SAMPLES);
    expect(t.service.firstStart?.skipped).toEqual([]);
    const live = await liveVersions(t);
    for (const id of SAMPLES) expect(live[id], id).toBe(1);
    const versions = await t.api().get('/api/flows/support-inbound/versions').expect(200);
    expect(versions.body[0]).toMatchObject({ publishedBy: 'first start', live: true });
    expect(versions.body[0].note).toMatch(/first start/);
    const report = await t.api('viewer').get('/api/first-start').expect(200);
    expect(report.body.firstStart.published).toHaveLength(SAMPLES.length);
    // The closure of each is live: a call on the service works at once.
    const deps = await t.api().get('/api/flows/support-inbound/dependencies').expect(200);
    expect(deps.body.toPublish).toEqual([]);

    await t.api().post('/api/flows/sales-inbound/publish').send({ note: 'v2' }).expect(201);
    const before = await versionCounts(t);
    await t.close();

    t = await startTestService({ workDir: work, env: ON });
    expect(t.service.firstStart).toBeNull();
    expect((await t.api().get('/api/first-start').expect(200)).body).toEqual({ firstStart: null });
    expect(await versionCounts(t)).toEqual(before);
    expect((await liveVersions(t))['sales-inbound']).toBe(2);
  });

  it('skips a flow with errors, and every flow that needs it, says why, and starts anyway', async () => {
    work = mkdtempSync(join(tmpdir(), 'callflow-first-start-'));
    const flowsDir = join(work, 'flows');
    cpSync(SAMPLE_FLOWS, flowsDir, { recursive: true });
    const whisperFile = join(flowsDir, 'agent-whisper.flow.json');
    const whisper = JSON.parse(readFileSync(whisperFile, 'utf8'));
    whisper.start = 'no-such-block';
    writeFileSync(whisperFile, JSON.stringify(whisper));
    writeFileSync(join(flowsDir, 'half-written.flow.json'), '{ "id": "half-written", ');
    t = await startTestService({ workDir: work, env: ON });

    const skipped = Object.fromEntries(
      (t.service.firstStart?.skipped ?? []).map((s) => [s.flowId, s.reason]),
    );
    expect(skipped['agent-whisper']).toBe('it has errors (CF200)');
    expect(skipped['half-written']).toBe('its file is not a readable flow');
    // Both inbound flows reach the agent whisper (set by a block, or a default of their queues).
    expect(skipped['support-inbound']).toMatch(/needs .*agent-whisper.*not published/);
    expect(skipped['sales-inbound']).toMatch(/needs .*agent-whisper.*not published/);
    const live = await liveVersions(t);
    for (const id of ['agent-whisper', 'support-inbound', 'sales-inbound', 'half-written'])
      expect(live[id] ?? null, id).toBeNull();
    for (const id of ['verify-caller', 'customer-whisper', 'outbound-whisper']) expect(live[id], id).toBe(1);
    await t.api().get('/healthz').expect(200);
  });

  it('is off with CALLFLOW_PUBLISH_ON_FIRST_START=off', async () => {
    t = await startTestService({ env: { CALLFLOW_PUBLISH_ON_FIRST_START: 'off' } });
    expect(t.service.firstStart).toBeNull();
    expect(Object.values(await liveVersions(t)).every((v) => v === null)).toBe(true);
  });
});

describe('npm start on an empty data directory', () => {
  it('prints what it published beside the sign-in URL', async () => {
    buildServer();
    work = mkdtempSync(join(tmpdir(), 'callflow-first-start-'));
    const flowsDir = join(work, 'flows');
    cpSync(SAMPLE_FLOWS, flowsDir, { recursive: true });
    const child = await startChildService(flowsDir, join(work, 'data'), ON);
    try {
      expect(child.output()).toContain(
        `First start of this data directory: published ${SAMPLES.length} flows as their first version`,
      );
      expect(child.output()).toContain('support-inbound');
    } finally {
      await child.stop();
    }
    const again = await startChildService(flowsDir, join(work, 'data'), ON);
    try {
      expect(again.output()).toContain('callflow is running');
      expect(again.output()).not.toContain('First start');
    } finally {
      await again.stop();
    }
  }, 60_000);
});
