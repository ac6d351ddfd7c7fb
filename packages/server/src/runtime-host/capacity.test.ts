import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, menuFlow } from '../test-support/flows.js';
import { SAMPLE_FLOWS, startTestService, type TestService } from '../test-support/temp-service.js';
import { WallClock } from './wall-clock.js';

interface CallbackBody {
  id: string;
  waitReason: string | null;
}

let work: string;
let t: TestService | undefined;

/** A copy of the sample flows whose account allows `limit` concurrent calls. */
function centerWithLimit(limit: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'callflow-capacity-'));
  cpSync(SAMPLE_FLOWS, join(dir, 'flows'), { recursive: true });
  const file = join(dir, 'flows', 'resources.json');
  const resources = JSON.parse(readFileSync(file, 'utf8'));
  resources.account.maxConcurrentCalls = limit;
  writeFileSync(file, `${JSON.stringify(resources, null, 2)}\n`);
  return dir;
}

async function startCall(service: TestService): Promise<string> {
  await service
    .api()
    .put('/api/flows/menu-flow')
    .set('If-None-Match', '*')
    .send(menuFlow('menu-flow', 'one'))
    .expect(201);
  await service.api().post('/api/flows/menu-flow/publish').expect(201);
  const { body } = await service
    .api()
    .post('/api/contacts')
    .send({ flow: 'menu-flow', to: '+12125550101' })
    .expect(201);
  return body.contactId as string;
}

async function callbacks(service: TestService): Promise<CallbackBody[]> {
  return (await service.api().get('/api/callbacks').expect(200)).body as CallbackBody[];
}

/** One line, taken by a call; a billing callback waits for it while bilal.khan is Available. */
async function callbackWaitingForALine(service: TestService): Promise<CallbackBody> {
  await startCall(service);
  const { body } = await service
    .api()
    .post('/api/callbacks')
    .send({ number: '+12015550123', queue: 'billing' })
    .expect(201);
  await service.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
  return body as CallbackBody;
}

beforeEach(() => {
  work = centerWithLimit(1);
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(work, { recursive: true, force: true });
});

describe('maximum concurrent calls', () => {
  it('holds a callback at capacity with CENTER_AT_CAPACITY, then offers it when the call ends', async () => {
    t = await startTestService({ workDir: work });
    const call = await startCall(t);
    const { body: cb } = await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann', number: '+12015550123', queue: 'billing' })
      .expect(201);
    expect(cb.waitReason).toBeNull();

    const available = await t
      .api()
      .post('/api/agents/bilal.khan/state')
      .send({ state: 'Available' })
      .expect(200);
    expect(available.body.offer).toBeNull();
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBe('CENTER_AT_CAPACITY');
    const trace = await t.api().get(`/api/contacts/${cb.id}/trace`).expect(200);
    expect(trace.body.entries.some((e: { note?: string }) => e.note?.startsWith('CENTER_AT_CAPACITY'))).toBe(
      true,
    );

    await t.api().post(`/api/contacts/${call}/events`).send({ type: 'hangUp' }).expect(200);
    const agents = await eventually(
      () => t!.api().get('/api/agents'),
      (r) => r.body.find((a: { name: string }) => a.name === 'bilal.khan').offer !== null,
    );
    const bilal = agents.body.find((a: { name: string }) => a.name === 'bilal.khan');
    expect(bilal.offer).toMatchObject({ contactId: cb.id, title: 'Callback' });
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBeNull();
  });

  it('offers a waiting callback as soon as the host hears the resources raised the limit', async () => {
    t = await startTestService({ workDir: work });
    const cb = await callbackWaitingForALine(t);
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBe('CENTER_AT_CAPACITY');

    const file = join(work, 'flows', 'resources.json');
    const resources = JSON.parse(readFileSync(file, 'utf8'));
    resources.account.maxConcurrentCalls = 2;
    writeFileSync(file, `${JSON.stringify(resources, null, 2)}\n`);
    // No call ends and no agent changes: the next request reads the file, and the callback goes at once.
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBeNull();
    expect(t.service.host.offerOf('bilal.khan')).toMatchObject({ title: 'Callback' });
    expect(t.service.host.acd.agents.get('bilal.khan')?.contactId).toBe(cb.id);
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBeNull();
  });

  it('offers a waiting callback once the limit is raised through the resources API', async () => {
    t = await startTestService({ workDir: work });
    const cb = await callbackWaitingForALine(t);
    expect(t.service.host.offerOf('bilal.khan')).toBeUndefined();

    const current = await t.api().get('/api/resources').expect(200);
    const raised = {
      ...current.body.resources,
      account: { ...current.body.resources.account, maxConcurrentCalls: 2 },
    };
    await t
      .api()
      .put('/api/resources')
      .set('If-Match', String(current.headers.etag))
      .send(raised)
      .expect(200);
    const offer = await eventually(
      async () => t!.service.host.offerOf('bilal.khan'),
      (o) => o !== undefined,
      10_000,
    );
    expect(offer).toMatchObject({ title: 'Callback' });
    expect(t.service.host.acd.agents.get('bilal.khan')?.contactId).toBe(cb.id);
  });

  it('refuses an agent-initiated callback at capacity with 409 center_at_capacity', async () => {
    t = await startTestService({ workDir: work });
    await startCall(t);
    const before = (await callbacks(t)).length;
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    const res = await t
      .api()
      .post('/api/agents/alice.ng/callbacks')
      .send({ number: '+12015550123' })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'center_at_capacity',
      details: { reason: 'CENTER_AT_CAPACITY', limit: 1, liveCalls: 1 },
    });
    expect(await callbacks(t)).toHaveLength(before);
    const agents = await t.api().get('/api/agents').expect(200);
    expect(agents.body.find((a: { name: string }) => a.name === 'alice.ng')).toMatchObject({
      state: 'Available',
      contactId: null,
    });
  });

  it('keeps a waiting callback, its place and its reason across a restart', async () => {
    t = await startTestService({ workDir: work });
    const call = await startCall(t);
    const { body: cb } = await t
      .api()
      .post('/api/callbacks')
      .send({ number: '+12015550123', queue: 'billing' })
      .expect(201);
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBe('CENTER_AT_CAPACITY');
    await t.close();

    t = await startTestService({ workDir: work });
    // The call is restored too, so the center is still at capacity: no offer after the restart.
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBe('CENTER_AT_CAPACITY');
    const agents = await t.api().get('/api/agents').expect(200);
    expect(agents.body.find((a: { name: string }) => a.name === 'bilal.khan').offer).toBeNull();

    await t.api().post(`/api/contacts/${call}/events`).send({ type: 'hangUp' }).expect(200);
    const offered = await eventually(
      () => t!.api().get('/api/agents'),
      (r) => r.body.find((a: { name: string }) => a.name === 'bilal.khan').offer !== null,
    );
    expect(offered.body.find((a: { name: string }) => a.name === 'bilal.khan').offer.contactId).toBe(cb.id);
  });

  it('after a restart, waits with CENTER_AT_CAPACITY instead of dialling a callback again without a free line', async () => {
    // Time stands still: the customer's phone rings and never answers, so the dial is pending at the stop.
    const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));
    t = await startTestService({ workDir: work, service: { clock: frozen() } });
    await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
    const { body: cb } = await t
      .api()
      .post('/api/callbacks')
      .send({ number: '+12015550123', queue: 'billing' })
      .expect(201);
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    const host = () => t!.service.host;
    await eventually(
      async () => host().snapshot(cb.id)?.callback?.phase,
      (phase) => phase === 'dialling',
      10_000,
    );
    expect(host().snapshot(cb.id)?.callback?.phase).toBe('dialling');
    // A caller arrives at capacity (the carrier delivers it): two live calls of one.
    const call = await startCall(t);
    expect(host().capacity()).toMatchObject({ liveCalls: 2, atCapacity: true });
    await t.close();

    t = await startTestService({ workDir: work, service: { clock: frozen() } });
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBe('CENTER_AT_CAPACITY');
    expect(host().snapshot(cb.id)).toMatchObject({ status: 'queued', callback: { phase: 'queued' } });
    const trace = await t.api().get(`/api/contacts/${cb.id}/trace`).expect(200);
    expect(trace.body.entries.some((e: { note?: string }) => e.note?.includes('was not placed again'))).toBe(
      true,
    );
    const agents = await t.api().get('/api/agents').expect(200);
    expect(agents.body.find((a: { name: string }) => a.name === 'bilal.khan').state).toBe('WrapUp');

    // The call ends, bilal is ready again: the callback is offered, as any waiting callback would be.
    await t.api().post(`/api/contacts/${call}/events`).send({ type: 'hangUp' }).expect(200);
    await t.api().post('/api/agents/bilal.khan/wrap-up').send({ reason: 'Resolved' }).expect(200);
    expect(host().offerOf('bilal.khan')?.kind).toBe('callback');
    expect(host().acd.agents.get('bilal.khan')?.contactId).toBe(cb.id);
    expect((await callbacks(t)).find((c) => c.id === cb.id)?.waitReason).toBeNull();
  });
});
