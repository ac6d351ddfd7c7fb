import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import { ResourcesDamagedError } from './live-resources.js';

let work: string;
let t: TestService | undefined;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'callflow-resources-'));
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(work, { recursive: true, force: true });
});

const DAMAGES: [string, (good: string) => string][] = [
  [
    'merge-conflict markers',
    (good) =>
      good.replace('"queues": {', '<<<<<<< HEAD\n  "queues": {\n=======\n  "queues": {\n>>>>>>> theirs'),
  ],
  ['truncated', (good) => good.slice(0, Math.floor(good.length / 2))],
  ['empty', () => ''],
];

const health = async (svc: TestService) => (await svc.api().get('/healthz').expect(200)).body;

/** A web callback request: it needs the queue `billing` of the resources in use. */
const requestCallback = (svc: TestService) =>
  svc.api().post('/api/callbacks').send({ number: '+12015550123', queue: 'billing' });

describe('a damaged resources file while the service runs', () => {
  it.each(DAMAGES)(
    'keeps serving the last good resources (%s), says so on /healthz and the live events, and takes the file again once fixed',
    async (_why, damage) => {
      t = await startTestService({ workDir: work });
      const svc = t;
      const seen: string[] = [];
      svc.service.events.subscribe(({ event }) => seen.push(event.type));
      const file = svc.config.resourcesFile;
      const good = readFileSync(file, 'utf8');
      expect(await health(svc)).toMatchObject({ ok: true, resources: { ok: true } });

      writeFileSync(file, damage(good));
      // The request re-reads the changed file first, then still finds the queue.
      await requestCallback(svc).expect(201);
      const degraded = await health(svc);
      expect(degraded).toMatchObject({
        ok: true,
        degraded: true,
        resources: { ok: false, file, servingLastGood: true },
      });
      expect(degraded.resources.problems[0]).toMatchObject({ code: 'CF001', line: expect.any(Number) });
      expect(seen).toContain('resources.damaged');

      // Fixed, with a change: the new file is in use.
      const fixed = JSON.parse(good);
      fixed.agents['alice.ng'].displayName = 'Alice Fixed';
      writeFileSync(file, `${JSON.stringify(fixed, null, 2)}\n`);
      const agents = await svc.api().get('/api/agents').expect(200);
      expect(agents.body.find((a: { name: string }) => a.name === 'alice.ng').displayName).toBe(
        'Alice Fixed',
      );
      expect(await health(svc)).toMatchObject({ ok: true, resources: { ok: true } });
      expect((await health(svc)).degraded).toBeUndefined();
      expect(seen).toContain('resources.recovered');
    },
  );
});

describe('a resources file that reads but breaks the schema', () => {
  it('is not used either: the last good resources stay in use until the file is fixed', async () => {
    t = await startTestService({ workDir: work });
    const svc = t;
    const file = svc.config.resourcesFile;
    const good = readFileSync(file, 'utf8');
    const broken = JSON.parse(good);
    broken.agents['alice.ng'].displayName = 'Alice Broken';
    broken.queues.billing.hours = 42; // a name is expected
    writeFileSync(file, `${JSON.stringify(broken, null, 2)}\n`);

    const agents = await svc.api().get('/api/agents').expect(200);
    expect(agents.body.find((a: { name: string }) => a.name === 'alice.ng').displayName).not.toBe(
      'Alice Broken',
    );
    await requestCallback(svc).expect(201);
    const degraded = await health(svc);
    expect(degraded).toMatchObject({ degraded: true, resources: { ok: false, servingLastGood: true } });
    expect(degraded.resources.problems[0].path).toContain('/queues/billing/hours');

    writeFileSync(file, good);
    await svc.api().get('/api/agents').expect(200);
    expect(await health(svc)).toMatchObject({ ok: true, resources: { ok: true } });
  });
});

describe('a damaged resources file at start-up', () => {
  it('refuses to start, naming the file and where, when there is no last good copy', async () => {
    const first = await startTestService({ workDir: work });
    const file = first.config.resourcesFile;
    const good = readFileSync(file, 'utf8');
    await first.close();
    rmSync(join(work, 'data'), { recursive: true, force: true }); // no last good copy
    writeFileSync(file, good.slice(0, 200));
    const start = startTestService({ workDir: work });
    await expect(start).rejects.toBeInstanceOf(ResourcesDamagedError);
    await expect(start).rejects.toThrow(/resources\.json:\d+:\d+ cannot be used/);
  });

  it('starts degraded on the last good copy kept by an earlier run, and calls work', async () => {
    const first = await startTestService({ workDir: work });
    const file = first.config.resourcesFile;
    await first.close();
    writeFileSync(file, '');
    t = await startTestService({ workDir: work });
    expect(await health(t)).toMatchObject({
      degraded: true,
      resources: { ok: false, servingLastGood: true },
    });
    await requestCallback(t).expect(201);
  });
});
