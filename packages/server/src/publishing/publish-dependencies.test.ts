import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

/** Everything support-inbound needs at run time, transitively (modules, whispers, the queues' flows). */
const SUPPORT_CLOSURE = [
  'after-hours',
  'agent-whisper',
  'customer-whisper',
  'outbound-whisper',
  'support-queue',
  'verify-caller',
];

async function liveVersions(): Promise<Record<string, number | null>> {
  const res = await t.api().get('/api/flows').expect(200);
  return Object.fromEntries(res.body.map((f: { id: string; live: number | null }) => [f.id, f.live]));
}

interface Unpublished {
  flowId: string;
  neededBy: { flowId: string; blockId: string; path: string; via: string }[];
}

describe('publishing a flow whose dependencies are not live', () => {
  it('is refused with each unpublished flow and the block that needs it; nothing is published', async () => {
    const res = await t.api().post('/api/flows/support-inbound/publish').expect(422);
    expect(res.body.code).toBe('dependencies_not_published');
    const unpublished = res.body.details.unpublished as Unpublished[];
    expect(unpublished.map((u) => u.flowId).sort()).toEqual(SUPPORT_CLOSURE);
    const queueFlow = unpublished.find((u) => u.flowId === 'support-queue');
    const inbound = JSON.parse(readFileSync(join(t.flowsDir, 'support-inbound.flow.json'), 'utf8'));
    const direct = queueFlow?.neededBy.filter((need) => need.flowId === 'support-inbound') ?? [];
    expect(direct.length).toBeGreaterThan(0);
    for (const need of direct) {
      expect(inbound.blocks[need.blockId].settings.queue).toBeDefined();
      expect(need.path).toBe(`/blocks/${need.blockId}/settings/queue`);
      expect(need.via).toMatch(/^customer-queue flow of queue /);
    }
    // The after-hours module transfers to a queue too: needed through it as well, and said so.
    expect(queueFlow?.neededBy.some((need) => need.flowId === 'after-hours')).toBe(true);
    const problems = res.body.details.problems as { code: string; blockId: string; path: string }[];
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['CF311']));
    expect(problems.length).toBe(unpublished.reduce((n, u) => n + u.neededBy.length, 0));
    expect(Object.values(await liveVersions()).every((live) => live === null)).toBe(true);
  });

  it('lists a dependency needed only deeper in the closure with the flow that needs it', async () => {
    // A module that sets the billing queue: billing's flows are needed through the module.
    const module = {
      $schema: '../schemas/flow.schema.json',
      formatVersion: 1,
      id: 'queue-module',
      name: 'Queue module',
      type: 'module',
      start: 'pick',
      blocks: {
        pick: {
          type: 'setWorkingQueue',
          settings: { queue: 'billing' },
          next: { success: 'ret', error: 'ret' },
        },
        ret: { type: 'return', settings: {} },
      },
    };
    await t.api().put('/api/flows/queue-module').set('If-None-Match', '*').send(module).expect(201);
    const inbound = {
      $schema: '../schemas/flow.schema.json',
      formatVersion: 1,
      id: 'uses-module',
      name: 'Uses module',
      type: 'inbound',
      start: 'run',
      blocks: {
        run: {
          type: 'invokeModule',
          settings: { module: 'queue-module' },
          next: { success: 'bye', error: 'bye' },
        },
        bye: { type: 'disconnect', settings: {} },
      },
    };
    await t.api().put('/api/flows/uses-module').set('If-None-Match', '*').send(inbound).expect(201);
    const res = await t.api().post('/api/flows/uses-module/publish').expect(422);
    const unpublished = res.body.details.unpublished as Unpublished[];
    expect(unpublished.map((u) => u.flowId).sort()).toEqual([
      'outbound-whisper',
      'queue-module',
      'support-queue',
    ]);
    expect(unpublished.find((u) => u.flowId === 'queue-module')?.neededBy).toEqual([
      { flowId: 'uses-module', blockId: 'run', path: '/blocks/run/settings/module', via: 'module' },
    ]);
    expect(unpublished.find((u) => u.flowId === 'support-queue')?.neededBy).toEqual([
      {
        flowId: 'queue-module',
        blockId: 'pick',
        path: '/blocks/pick/settings/queue',
        via: 'customer-queue flow of queue billing',
      },
    ]);
    const deep = (res.body.details.problems as { blockId: string; file?: string; message: string }[]).find(
      (p) => p.blockId === 'pick',
    );
    expect(deep).toMatchObject({ code: 'CF311', file: 'queue-module.flow.json' });
  });

  it('publishes the flow and every draft it needs in one step, with the note kept on each version', async () => {
    const before = await t.api().get('/api/flows/support-inbound/dependencies').expect(200);
    expect([...before.body.toPublish].sort()).toEqual(SUPPORT_CLOSURE);
    const res = await t
      .api()
      .post('/api/flows/support-inbound/publish')
      .send({ withDependencies: true, note: '  First go-live of support  ' })
      .expect(201);
    expect(res.body.version).toBe(1);
    expect(res.body.published[0]).toEqual({ flowId: 'support-inbound', version: 1 });
    const published = res.body.published as { flowId: string; version: number }[];
    expect(published.map((p) => p.flowId).sort()).toEqual(['support-inbound', ...SUPPORT_CLOSURE].sort());
    const live = await liveVersions();
    for (const p of published) {
      expect(live[p.flowId]).toBe(p.version);
      const versions = await t.api().get(`/api/flows/${p.flowId}/versions`).expect(200);
      expect(versions.body[0]).toMatchObject({
        version: p.version,
        note: 'First go-live of support',
        live: true,
      });
      expect(versions.body[0].publishedBy).toBe('admin');
    }
    const after = await t.api().get('/api/flows/support-inbound/dependencies').expect(200);
    expect(after.body.toPublish).toEqual([]);
    // Live dependencies are not republished: the next publish makes only the flow itself v2.
    const again = await t
      .api()
      .post('/api/flows/support-inbound/publish')
      .send({ withDependencies: true })
      .expect(201);
    expect(again.body.published).toEqual([{ flowId: 'support-inbound', version: 2 }]);
    expect(again.body.note).toBeNull();
  });

  it('publishes none when one dependency has errors, and says which', async () => {
    const file = join(t.flowsDir, 'agent-whisper.flow.json');
    const whisper = JSON.parse(readFileSync(file, 'utf8'));
    whisper.start = 'no-such-block';
    const saved = await t.api().get('/api/flows/agent-whisper').expect(200);
    await t.api().put('/api/flows/agent-whisper').set('If-Match', saved.body.etag).send(whisper).expect(200);
    const res = await t
      .api()
      .post('/api/flows/support-inbound/publish')
      .send({ withDependencies: true, note: 'x' })
      .expect(422);
    expect(res.body.code).toBe('publish_blocked');
    expect(res.body.details.flows.map((f: { flowId: string }) => f.flowId)).toEqual(['agent-whisper']);
    expect(res.body.details.problems[0]).toMatchObject({ code: 'CF200', file: 'agent-whisper.flow.json' });
    expect(Object.values(await liveVersions()).every((live) => live === null)).toBe(true);
  });

  it('cannot publish along a dependency that has no draft: nothing is published, and it says so', async () => {
    const resourcesFile = join(t.flowsDir, 'resources.json');
    const resources = JSON.parse(readFileSync(resourcesFile, 'utf8'));
    resources.queues.billing.customerQueueFlow = 'ghost-queue';
    await putResources(resources);
    const deps = await t.api().get('/api/flows/support-inbound/dependencies').expect(200);
    expect(deps.body.dependencies).toContainEqual(
      expect.objectContaining({ flowId: 'ghost-queue', live: null, exists: false }),
    );
    const res = await t
      .api()
      .post('/api/flows/support-inbound/publish')
      .send({ withDependencies: true })
      .expect(422);
    expect(res.body.code).toBe('publish_blocked');
    expect(res.body.details.flows.map((f: { flowId: string }) => f.flowId)).toEqual(['ghost-queue']);
    expect(res.body.details.problems[0]).toMatchObject({ code: 'CF311' });
    expect(res.body.details.problems[0].message).toContain('does not exist');
    expect(Object.values(await liveVersions()).every((live) => live === null)).toBe(true);
  });

  it('refuses a bad body and an overlong note', async () => {
    const wrong = await t
      .api()
      .post('/api/flows/support-inbound/publish')
      .send({ withDependencies: 'yes' })
      .expect(400);
    expect(wrong.body.code).toBe('invalid_body');
    const long = await t
      .api()
      .post('/api/flows/support-inbound/publish')
      .send({ withDependencies: true, note: 'n'.repeat(501) })
      .expect(400);
    expect(long.body.details.problems[0].path).toBe('/note');
    expect(Object.values(await liveVersions()).every((live) => live === null)).toBe(true);
  });
});

describe('a live flow whose dependency has no live version', () => {
  it("takes the block's error path on the service: the caller is not cut off", async () => {
    const flow = {
      $schema: '../schemas/flow.schema.json',
      formatVersion: 1,
      id: 'to-billing',
      name: 'To billing',
      type: 'inbound',
      start: 'queue',
      blocks: {
        queue: {
          type: 'setWorkingQueue',
          settings: { queue: 'billing' },
          next: { success: 'transfer', error: 'sorry' },
        },
        transfer: { type: 'transferToQueue', settings: {}, next: { atCapacity: 'sorry', error: 'sorry' } },
        sorry: {
          type: 'getDigits',
          settings: {
            prompt: { text: 'Sorry, billing cannot take calls now. Press 1 to leave.' },
            variable: 'choice',
            minDigits: 1,
            maxDigits: 1,
            timeoutSeconds: 60,
            retries: 0,
          },
          next: { success: 'bye', timeout: 'bye', invalid: 'bye', error: 'bye' },
        },
        bye: { type: 'disconnect', settings: {} },
      },
      variables: { choice: { type: 'string', label: 'Choice' } },
    };
    // Billing has no customer-queue flow when the flow is published...
    const resourcesFile = join(t.flowsDir, 'resources.json');
    const resources = JSON.parse(readFileSync(resourcesFile, 'utf8'));
    resources.queues.billing.customerQueueFlow = undefined;
    resources.queues.billing.outboundWhisperFlow = undefined;
    await putResources(resources);
    await t.api().put('/api/flows/to-billing').set('If-None-Match', '*').send(flow).expect(201);
    await t.api().post('/api/flows/to-billing/publish').expect(201);
    // ...then an admin gives it one that was never published.
    resources.queues.billing.customerQueueFlow = 'support-queue';
    await putResources(resources);

    const started = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'to-billing', from: '+12015550123', to: '+12125550101' })
      .expect(201);
    const id = started.body.contactId;
    const at = await eventually(
      () => t.api().get(`/api/contacts/${id}`),
      (res) => res.body.block === 'sorry' || res.body.status === 'ended',
    );
    expect(at.body).toMatchObject({ block: 'sorry' });
    expect(at.body.status).not.toBe('ended');
    const trace = await t.api().get(`/api/contacts/${id}/trace`).expect(200);
    const entries = trace.body.entries as {
      block?: string;
      outcome?: string;
      note?: string;
      error?: string;
    }[];
    expect(entries.find((e) => e.block === 'transfer')).toMatchObject({ outcome: 'error' });
    expect(entries.find((e) => e.block === 'transfer')?.note).toContain(
      '"support-queue" of queue billing is not published',
    );
    expect(entries.some((e) => e.error?.startsWith('RT102'))).toBe(false);
  });
});

async function putResources(resources: unknown): Promise<void> {
  const current = await t.api().get('/api/resources').expect(200);
  const text = JSON.stringify(resources);
  await t
    .api()
    .put('/api/resources')
    .set('If-Match', current.body.etag)
    .set('Content-Type', 'application/json')
    .send(text)
    .expect(200);
}
