import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, menuFlow } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

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
    await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann', number: '+12015550123', queue: 'billing' })
      .expect(201);
    const offered = await t
      .api()
      .post('/api/agents/bilal.khan/state')
      .send({ state: 'Available' })
      .expect(200);
    expect(offered.body.offer).not.toBeNull();
    await t.close();

    t = await startTestService({ workDir: work });
    const accepted = await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    expect(accepted.body.state).toBe('Busy');
  });
});
