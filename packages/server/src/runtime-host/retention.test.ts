import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, menuFlow } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import { WallClock } from './wall-clock.js';

const DAY = 86_400_000;
// The service's clock, moved by the test: the retention is measured on it.
let now = Date.now();

let t: TestService;
beforeEach(async () => {
  now = Date.now();
  t = await startTestService({
    env: { CALLFLOW_CONTACT_RETENTION: '2d' },
    service: { clock: new WallClock(() => now) },
  });
  await t.api().put('/api/flows/menu-flow').set('If-None-Match', '*').send(menuFlow('menu-flow', 'one'));
  await t.api().post('/api/flows/menu-flow/publish').expect(201);
});
afterEach(async () => {
  await t.close();
});

async function call(): Promise<string> {
  const { body } = await t
    .api()
    .post('/api/contacts')
    .send({ flow: 'menu-flow', to: '+12125550101' })
    .expect(201);
  return body.contactId;
}

const rows = (table: 'contacts' | 'contact_trace', column: 'id' | 'contact_id', id: string) =>
  (t.service.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(id) as { n: number }).n;

describe('retention of ended contacts (CALLFLOW_CONTACT_RETENTION)', () => {
  it('removes an ended contact and its trace once the retention has passed, and never a running one', async () => {
    const ended = await call();
    await t.api().post(`/api/contacts/${ended}/events`).send({ type: 'hangUp' }).expect(200);
    await eventually(
      async () => (await t.api().get(`/api/contacts/${ended}`)).body.status,
      (status) => status === 'ended',
    );
    const running = await call();
    expect(rows('contact_trace', 'contact_id', ended)).toBeGreaterThan(0);

    // A day later: kept.
    now += DAY;
    expect(t.service.retention.sweep()).toEqual({ contacts: 0, callbacks: 0 });
    await t.api().get(`/api/contacts/${ended}/trace`).expect(200);

    // Past two days: gone, trace and all; the running contact stays, however old.
    now += DAY + 60_000;
    expect(t.service.retention.sweep()).toMatchObject({ contacts: 1 });
    expect(rows('contacts', 'id', ended)).toBe(0);
    expect(rows('contact_trace', 'contact_id', ended)).toBe(0);
    await t.api().get(`/api/contacts/${ended}`).expect(404);
    await t.api().get(`/api/contacts/${ended}/trace`).expect(404);
    expect((await t.api().get(`/api/contacts/${running}`).expect(200)).body.status).not.toBe('ended');
    expect(rows('contacts', 'id', running)).toBe(1);
  });

  it('refuses a retention that is not a duration', async () => {
    await expect(startTestService({ env: { CALLFLOW_CONTACT_RETENTION: 'forever' } })).rejects.toThrow(
      /CALLFLOW_CONTACT_RETENTION "forever" is not a duration/,
    );
  });
});
