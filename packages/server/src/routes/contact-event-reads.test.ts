import type { ContactSnapshot } from '@callflow/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactRepository } from '../runtime-host/contact-repository.js';
import { DurableContacts } from '../runtime-host/durable-contacts.js';
import { eventually, menuFlow } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

// A contact event reads the contact's snapshot from the store once per step: the step reads it, and the
// answer, the call log and the route's checks take it from the step. Reads are counted on the store
// interfaces (the runtime's ContactStore, the database's ContactRecords), not timed; steps by the saves
// (an event may cause more than one: a prompt that plays at once ends in a step of its own).

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
  await t.api().put('/api/flows/menu-flow').set('If-None-Match', '*').send(menuFlow('menu-flow', 'one'));
  await t.api().post('/api/flows/menu-flow/publish').expect(201);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

async function startAtMenu(): Promise<string> {
  const started = await t
    .api()
    .post('/api/contacts')
    .send({ flow: 'menu-flow', from: '+12015550123', to: '+12125550101' })
    .expect(201);
  const id: string = started.body.contactId;
  await eventually(
    () => t.api().get(`/api/contacts/${id}`),
    (res) => res.body.block === 'one-menu' && res.body.timers.length > 0,
  );
  return id;
}

/** Counts snapshot reads through the store interfaces, and steps saved, while `send` runs. */
async function readsDuring<T>(
  send: () => Promise<T>,
): Promise<{ reads: number; steps: number; saved: ContactSnapshot[]; result: T }> {
  const running = vi.spyOn(DurableContacts.prototype, 'load');
  const stored = vi.spyOn(ContactRepository.prototype, 'load');
  const saves = vi.spyOn(DurableContacts.prototype, 'save');
  const result = await send();
  const reads = running.mock.calls.length + stored.mock.calls.length;
  const saved = saves.mock.calls.map(([step]) => step.result.snapshot);
  vi.restoreAllMocks();
  return { reads, steps: saved.length, saved, result };
}

describe('a contact event reads the snapshot once', () => {
  it('keys on a running contact: one read per step, and the answer is the contact as its step left it', async () => {
    const id = await startAtMenu();
    const { reads, steps, saved, result } = await readsDuring(() =>
      t.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits: '1' }).expect(200),
    );
    expect(steps).toBeGreaterThanOrEqual(1);
    expect(reads).toBe(steps);
    // The keys' own step, as saved (a prompt's end may step the contact again after the answer).
    const step = saved[0];
    expect(result.body.state).toMatchObject({ block: 'one-wait', steps: step?.steps, status: step?.status });
    expect(result.body.state.system.lastDigits).toBe('1');
  });

  it('a hang-up that ends the contact: one read (not a database read for the answer)', async () => {
    const id = await startAtMenu();
    const { reads, steps, result } = await readsDuring(() =>
      t.api().post(`/api/contacts/${id}/events`).send({ type: 'hangUp' }).expect(200),
    );
    expect(steps).toBe(1);
    expect(reads).toBe(1);
    expect(result.body.state.status).toBe('ended');
    const stored = t.service.host.repository.load(id);
    expect(stored?.snapshot.status).toBe('ended');
    expect(result.body.state.steps).toBe(stored?.snapshot.steps);
  });

  it('an event for a contact that has ended: one read, answered 409 contact_ended; unknown: 404', async () => {
    const id = await startAtMenu();
    await t.api().post(`/api/contacts/${id}/events`).send({ type: 'hangUp' }).expect(200);
    const { reads, steps, result } = await readsDuring(() =>
      t.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits: '1' }).expect(409),
    );
    expect(steps).toBe(0);
    expect(reads).toBe(1);
    expect(result.body.code).toBe('contact_ended');
    const unknown = await t
      .api()
      .post('/api/contacts/no-such-contact/events')
      .send({ type: 'hangUp' })
      .expect(404);
    expect(unknown.body.code).toBe('contact_not_found');
  });
});
