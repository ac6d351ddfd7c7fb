import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, menuFlow, SECRET_PIN } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import { WallClock } from './wall-clock.js';

/** Into the billing queue with a note for the popover and a secure PIN beside it. */
function queueFlow(id: string): Record<string, unknown> {
  return {
    $schema: '../schemas/flow.schema.json',
    formatVersion: 1,
    id,
    name: 'Queue with a secure PIN',
    type: 'inbound',
    start: 'set',
    variables: {
      note: { type: 'string', label: 'Note', agentViewable: true },
      pin: { type: 'string', label: 'PIN', agentViewable: true, secure: true },
    },
    blocks: {
      set: {
        type: 'setVariables',
        settings: {
          assignments: [
            { variable: 'note', value: { value: 'Refund' } },
            { variable: 'pin', value: { value: SECRET_PIN } },
          ],
        },
        next: { success: 'queue', error: 'bye' },
      },
      queue: {
        type: 'setWorkingQueue',
        settings: { queue: 'billing' },
        next: { success: 'transfer', error: 'bye' },
      },
      transfer: { type: 'transferToQueue', settings: {}, next: { atCapacity: 'bye', error: 'bye' } },
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

/** A Transfer to number that goes on when the called party hangs up (`resumeAfterDisconnect`). */
function transferBackFlow(id: string): Record<string, unknown> {
  return {
    $schema: '../schemas/flow.schema.json',
    formatVersion: 1,
    id,
    name: 'Transfer and back',
    type: 'inbound',
    start: 'out',
    blocks: {
      out: {
        type: 'transferToNumber',
        settings: {
          to: { value: '+16465550188' },
          callerId: { strategy: 'fixed', number: 'main' },
          timeoutSeconds: 30,
          resumeAfterDisconnect: true,
        },
        next: { connected: 'bye', busy: 'bye', noAnswer: 'bye', error: 'bye' },
      },
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

// Time stands still: a dialled number answers when the test says so.
const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));

interface AgentBody {
  name: string;
  state: string;
  contactId: string | null;
  offer: { contactId: string | null; queue: string; title: string; popover: unknown[] } | null;
}

async function agent(service: TestService, name: string): Promise<AgentBody | undefined> {
  const agents = await service.api().get('/api/agents').expect(200);
  return (agents.body as AgentBody[]).find((a) => a.name === name);
}

let work: string;
let t: TestService | undefined;
afterEach(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('restart', () => {
  it('restores contacts with their timers, agents and callback requests after a graceful stop', async () => {
    work = mkdtempSync(join(tmpdir(), 'callflow-restore-'));
    t = await startTestService({ workDir: work });
    await t
      .api()
      .put('/api/flows/menu-flow')
      .set('If-None-Match', '*')
      .send(menuFlow('menu-flow', 'one'))
      .expect(201);
    await t.api().post('/api/flows/menu-flow/publish').expect(201);
    const { body } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    const before = await eventually(
      () => t!.api().get(`/api/contacts/${body.contactId}`),
      (r) => r.body.timers.length === 1,
    );
    const callback = await t
      .api()
      .post('/api/callbacks')
      .send({ number: '+12015550123', queue: 'billing' })
      .expect(201);
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    await t.close();

    t = await startTestService({ workDir: work });
    const after = await t.api().get(`/api/contacts/${body.contactId}`).expect(200);
    expect(after.body).toMatchObject({
      block: 'one-menu',
      steps: before.body.steps,
      timers: before.body.timers,
    });
    const callbacks = await t.api().get('/api/callbacks').expect(200);
    expect(callbacks.body.map((c: { id: string }) => c.id)).toEqual([callback.body.id]);
    const agents = await t.api().get('/api/agents').expect(200);
    expect(agents.body.find((a: { name: string }) => a.name === 'alice.ng').state).toBe('Available');
    const pressed = await t
      .api()
      .post(`/api/contacts/${body.contactId}/events`)
      .send({ type: 'digits', digits: '1' })
      .expect(200);
    expect(pressed.body.state.block).toBe('one-wait');
    const health = await t.api().get('/healthz').expect(200);
    // The call and the callback request (a contact of its own).
    expect(health.body).toMatchObject({ ok: true, contacts: 2 });
  });

  it('lets an agent accept, after a restart, the offer made before it', async () => {
    work = mkdtempSync(join(tmpdir(), 'callflow-restore-'));
    t = await startTestService({ workDir: work });
    const { body: callback } = await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann', number: '+12015550123', queue: 'billing' })
      .expect(201);
    const offered = await t
      .api()
      .post('/api/agents/bilal.khan/state')
      .send({ state: 'Available' })
      .expect(200);
    expect(offered.body.offer).toMatchObject({ contactId: callback.id, queue: 'billing' });
    await t.close();

    t = await startTestService({ workDir: work });
    const accepted = await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    expect(accepted.body).toMatchObject({ state: 'Busy', contactId: callback.id });
  });

  it('shows the agent, after a restart, the offer made before it: popover included, secure values left out', async () => {
    work = mkdtempSync(join(tmpdir(), 'callflow-restore-'));
    t = await startTestService({ workDir: work });
    await t
      .api()
      .put('/api/flows/queue-flow')
      .set('If-None-Match', '*')
      .send(queueFlow('queue-flow'))
      .expect(201);
    await t.api().post('/api/flows/queue-flow/publish').send({ withDependencies: true }).expect(201);
    const { body: call } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'queue-flow', to: '+12125550101' })
      .expect(201);
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    const before = await agent(t, 'bilal.khan');
    expect(before?.offer).toMatchObject({
      contactId: call.contactId,
      popover: [{ label: 'Note', name: 'note', value: 'Refund' }],
    });
    await t.close();

    t = await startTestService({ workDir: work });
    const after = await agent(t, 'bilal.khan');
    expect(after?.offer).toEqual(before?.offer);
    expect(JSON.stringify(after)).not.toContain(SECRET_PIN);
    expect((await t.api().post('/api/agents/bilal.khan/accept').expect(200)).body.state).toBe('Busy');
  });

  it('keeps an agent on their own callback after a restart: the call ends, the agent wraps up', async () => {
    work = mkdtempSync(join(tmpdir(), 'callflow-restore-'));
    t = await startTestService({ workDir: work, service: { clock: frozen() } });
    await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    const { body: own } = await t
      .api()
      .post('/api/agents/alice.ng/callbacks')
      .send({ number: '+12015550123' })
      .expect(201);
    const host = () => t!.service.host;
    const dialling = await eventually(
      async () => host().snapshot(own.id)?.callback,
      (cb) => cb?.phase === 'dialling',
    );
    host().send(own.id, { type: 'dialResult', ref: String(dialling?.dialRef), result: 'answered' });
    expect(host().snapshot(own.id)?.status).toBe('connected');
    await t.close();

    t = await startTestService({ workDir: work, service: { clock: frozen() } });
    expect(host().snapshot(own.id)?.status).toBe('connected');
    expect(await agent(t, 'alice.ng')).toMatchObject({ state: 'Busy', contactId: own.id });
    expect(host().capacity().liveCalls).toBe(1);
    await t.api().post(`/api/contacts/${own.id}/events`).send({ type: 'hangUp' }).expect(200);
    expect(await agent(t, 'alice.ng')).toMatchObject({ state: 'WrapUp', contactId: null });
    const wrapped = await t
      .api()
      .post('/api/agents/alice.ng/wrap-up')
      .send({ reason: 'Resolved' })
      .expect(200);
    expect(wrapped.body.state).toBe('Available');
  });

  it('counts a transfer leg answered before a restart as a live call after it', async () => {
    work = mkdtempSync(join(tmpdir(), 'callflow-restore-'));
    t = await startTestService({ workDir: work, service: { clock: frozen() } });
    await t
      .api()
      .put('/api/flows/transfer-back')
      .set('If-None-Match', '*')
      .send(transferBackFlow('transfer-back'))
      .expect(201);
    await t.api().post('/api/flows/transfer-back/publish').expect(201);
    const { body: call } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'transfer-back', to: '+12125550101' })
      .expect(201);
    const host = () => t!.service.host;
    const ref = String(host().snapshot(call.contactId)?.stack.at(-1)?.wait?.ref);
    host().send(call.contactId, { type: 'dialResult', ref, result: 'answered' });
    expect(host().capacity().liveCalls).toBe(2);
    await t.close();

    t = await startTestService({ workDir: work, service: { clock: frozen() } });
    // Nothing to dial again: the answered leg is still connected.
    expect(host().repository.load(call.contactId)?.pending).toEqual([]);
    // The caller and the connected leg, as before the restart.
    expect(host().capacity().liveCalls).toBe(2);
    host().send(call.contactId, { type: 'dialResult', ref, result: 'completed' });
    expect(host().snapshot(call.contactId)?.status).toBe('ended');
    expect(host().capacity().liveCalls).toBe(0);
  });
});
