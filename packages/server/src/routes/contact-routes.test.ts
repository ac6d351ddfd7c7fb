import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, menuFlow, SECRET_PIN } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

async function saveAndPublish(variant: string, etag?: string): Promise<string> {
  const put = t.api().put('/api/flows/menu-flow');
  const saved = await (etag ? put.set('If-Match', etag) : put.set('If-None-Match', '*')).send(
    menuFlow('menu-flow', variant),
  );
  expect(saved.status).toBeLessThan(300);
  await t.api().post('/api/flows/menu-flow/publish').expect(201);
  return saved.body.etag;
}

const contact = (id: string) => t.api().get(`/api/contacts/${id}`);
const waitingAt = (id: string, block: string) =>
  eventually(
    () => contact(id),
    (res) => res.body.block === block && res.body.timers.length > 0,
  );

describe('contacts', () => {
  it('refuses to start a contact on an unpublished flow (409) or an unknown one (404)', async () => {
    const unpublished = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'support-inbound', to: '+12125550101' })
      .expect(409);
    expect(unpublished.body.code).toBe('flow_not_published');
    const unknown = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'ghost', to: '+12125550101' })
      .expect(404);
    expect(unknown.body.code).toBe('flow_not_found');
  });

  it('validates the start body', async () => {
    const res = await t.api().post('/api/contacts').send({ flow: 7 }).expect(400);
    expect(res.body.code).toBe('invalid_body');
    expect(res.body.details.problems.map((p: { path: string }) => p.path)).toEqual(['/flow', '/to']);
  });

  it('runs a contact on the live version, takes keys and ends on hang-up', async () => {
    await saveAndPublish('one');
    const started = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', from: '+12015550123', to: '+12125550101' })
      .expect(201);
    expect(started.body.version).toBe(1);
    const id = started.body.contactId;
    await waitingAt(id, 'one-menu');
    const pressed = await t
      .api()
      .post(`/api/contacts/${id}/events`)
      .send({ type: 'digits', digits: '1' })
      .expect(200);
    expect(pressed.body.state.block).toBe('one-wait');
    const list = await t.api().get('/api/contacts').expect(200);
    expect(list.body.map((c: { contactId: string }) => c.contactId)).toContain(id);
    const hung = await t.api().post(`/api/contacts/${id}/events`).send({ type: 'hangUp' }).expect(200);
    expect(hung.body.state.status).toBe('ended');
    const again = await t.api().post(`/api/contacts/${id}/events`).send({ type: 'hangUp' }).expect(409);
    expect(again.body.code).toBe('contact_ended');
  });

  it('redacts secure variables in the contact state and the trace', async () => {
    await saveAndPublish('one');
    const { body } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    await waitingAt(body.contactId, 'one-menu');
    await t
      .api()
      .post(`/api/contacts/${body.contactId}/events`)
      .send({ type: 'digits', digits: '1' })
      .expect(200);
    const state = await contact(body.contactId).expect(200);
    expect(state.body.variables.pin).toBe('•••');
    const trace = await t.api().get(`/api/contacts/${body.contactId}/trace`).expect(200);
    expect(trace.body.entries.length).toBeGreaterThan(2);
    expect(JSON.stringify(trace.body)).not.toContain(SECRET_PIN);
  });

  it('keeps a running contact on its version across a publish; new contacts take the new one', async () => {
    const etag = await saveAndPublish('one');
    const old = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    await waitingAt(old.body.contactId, 'one-menu');
    await saveAndPublish('two', etag);
    const fresh = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    expect(fresh.body.version).toBe(2);
    await waitingAt(fresh.body.contactId, 'two-menu');
    const pressed = await t
      .api()
      .post(`/api/contacts/${old.body.contactId}/events`)
      .send({ type: 'digits', digits: '1' })
      .expect(200);
    expect(pressed.body.state).toMatchObject({ version: 1, block: 'one-wait' });
  });

  it('starts new contacts on the rolled-back version', async () => {
    const etag = await saveAndPublish('one');
    await saveAndPublish('two', etag);
    await t.api().post('/api/flows/menu-flow/rollback').send({ version: 1 }).expect(200);
    const started = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    expect(started.body.version).toBe(1);
    await waitingAt(started.body.contactId, 'one-menu');
  });

  it('refuses unknown events and bad digits with 400 invalid_event', async () => {
    await saveAndPublish('one');
    const { body } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    const unknown = await t
      .api()
      .post(`/api/contacts/${body.contactId}/events`)
      .send({ type: 'explode' })
      .expect(400);
    expect(unknown.body.code).toBe('invalid_event');
    const bad = await t
      .api()
      .post(`/api/contacts/${body.contactId}/events`)
      .send({ type: 'digits', digits: '1a' })
      .expect(400);
    expect(bad.body.code).toBe('invalid_event');
    await t.api().post('/api/contacts/nobody/events').send({ type: 'hangUp' }).expect(404);
  });
});

describe('agent variable edits', () => {
  it('saves the first edit and answers a stale one with 409 variable_conflict and the current value', async () => {
    await saveAndPublish('one');
    const { body } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    const id = body.contactId;
    const first = await t
      .api()
      .patch(`/api/contacts/${id}/variables/note`)
      .send({ value: 'VIP', version: 0, agent: 'alice' })
      .expect(200);
    expect(first.body).toEqual({ value: 'VIP', version: 1 });
    const second = await t
      .api()
      .patch(`/api/contacts/${id}/variables/note`)
      .send({ value: 'Late', version: 0, agent: 'bob' })
      .expect(409);
    expect(second.body.code).toBe('variable_conflict');
    expect(second.body.details.current).toEqual({ value: 'VIP', version: 1 });
    const state = await contact(id).expect(200);
    expect(state.body.variables.note).toBe('VIP');
  });

  it('refuses edits of a variable that is not agent editable (422)', async () => {
    await saveAndPublish('one');
    const { body } = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'menu-flow', to: '+12125550101' })
      .expect(201);
    const res = await t
      .api()
      .patch(`/api/contacts/${body.contactId}/variables/pin`)
      .send({ value: '0000', version: 0 })
      .expect(422);
    expect(res.body.code).toBe('variable_not_editable');
  });

  it('checks the edit body', async () => {
    const res = await t
      .api()
      .patch('/api/contacts/x/variables/note')
      .send({ value: 'x', version: 'one' })
      .expect(400);
    expect(res.body.code).toBe('invalid_body');
  });
});
