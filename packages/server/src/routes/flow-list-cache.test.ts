import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../ops/event-bus.js';
import { FlowStore } from '../store/flow-store.js';
import { simpleFlow, startTestService, type TestService } from '../test-support/temp-service.js';

// GET /api/flows is answered from a kept text while the flows, the resources file and the published
// versions are unchanged; every change is in the very next answer: the service's own (save, publish,
// rollback, delete) at once, a change on disk (git) once the watcher hears of it.

let t: TestService;
let seen: LiveEvent[];
beforeEach(async () => {
  t = await startTestService();
  seen = [];
  t.service.events.subscribe(({ event }) => seen.push(event));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

type Item = { id: string; name: string | null; live: number | null; latest: number | null; errors: number };

async function list(): Promise<Map<string, Item>> {
  const res = await t
    .api()
    .get('/api/flows')
    .expect(200)
    .expect('Content-Type', /application\/json/);
  return new Map((res.body as Item[]).map((item) => [item.id, item]));
}

/** Resolves once the service announced an event of `type` about `flowId` (its watcher saw the file). */
async function announced(type: string, flowId: string): Promise<void> {
  await vi.waitFor(() => expect(seen.some((e) => e.type === type && e.flowId === flowId)).toBe(true), {
    timeout: 5000,
  });
}

describe('GET /api/flows from memory', () => {
  it('reads no flow file again while nothing changed, and answers the same list', async () => {
    const first = await t.api().get('/api/flows').expect(200);
    const reads = vi.spyOn(FlowStore.prototype, 'list');
    const again = await t.api().get('/api/flows').expect(200);
    expect(reads).not.toHaveBeenCalled();
    expect(again.text).toBe(first.text);
    expect(again.body.length).toBeGreaterThan(3);
  });

  it('shows a save, a publish, a rollback and a delete in the next answer', async () => {
    expect((await list()).has('fresh')).toBe(false);
    const saved = await t
      .api()
      .put('/api/flows/fresh')
      .set('If-None-Match', '*')
      .send(simpleFlow('fresh', 'First name'))
      .expect(201);
    expect((await list()).get('fresh')).toMatchObject({ name: 'First name', live: null, latest: null });
    const renamed = await t
      .api()
      .put('/api/flows/fresh')
      .set('If-Match', saved.body.etag)
      .send(simpleFlow('fresh', 'Second name'))
      .expect(200);
    expect((await list()).get('fresh')).toMatchObject({ name: 'Second name' });
    await t.api().post('/api/flows/fresh/publish').expect(201);
    expect((await list()).get('fresh')).toMatchObject({ live: 1, latest: 1 });
    await t.api().post('/api/flows/fresh/publish').expect(201);
    expect((await list()).get('fresh')).toMatchObject({ live: 2, latest: 2 });
    await t.api().post('/api/flows/fresh/rollback').send({ version: 1 }).expect(200);
    expect((await list()).get('fresh')).toMatchObject({ live: 1, latest: 2 });
    await t.api().delete('/api/flows/fresh').set('If-Match', renamed.body.etag).expect(204);
    expect((await list()).has('fresh')).toBe(false);
  });

  it('shows a flow changed, added or removed on disk once the watcher saw it', async () => {
    await list();
    const path = join(t.flowsDir, 'support-inbound.flow.json');
    const flow = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, `${JSON.stringify({ ...flow, name: 'Pulled from git' }, null, 2)}\n`);
    await announced('flow.changedOnDisk', 'support-inbound');
    expect((await list()).get('support-inbound')).toMatchObject({ name: 'Pulled from git' });

    writeFileSync(join(t.flowsDir, 'from-git.flow.json'), JSON.stringify(simpleFlow('from-git', 'Git')));
    await announced('flow.changedOnDisk', 'from-git');
    expect((await list()).get('from-git')).toMatchObject({ name: 'Git', errors: 0 });

    unlinkSync(join(t.flowsDir, 'from-git.flow.json'));
    await vi.waitFor(
      () =>
        expect(seen.filter((e) => e.type === 'flow.changedOnDisk' && e.flowId === 'from-git')).toHaveLength(
          2,
        ),
      { timeout: 5000 },
    );
    expect((await list()).has('from-git')).toBe(false);
  });
});
