import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../ops/event-bus.js';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { OTHER_AGENT, startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

const bilal = () => t.api({ token: OTHER_AGENT.token });
const BILAL = '/api/agents/bilal.khan';
const MAIN = '+12125550100';
const CONSULTED = '+13125550188';
const dials = (contactId: string) => t.service.host.telephony.dials(contactId);

/** bilal (on a billing call) consults 312 555 0188: the simulator answers the leg after its ring. */
async function consultAnswered(contactId: string) {
  const started = await bilal()
    .post(`${BILAL}/consult`)
    .send({ to: { number: '(312) 555-0188' } })
    .expect(201);
  const connected = await eventually(
    () => bilal().get(BILAL),
    (r) => r.body.consult?.status === 'connected',
  );
  expect(connected.body.consult).toMatchObject({ to: { number: CONSULTED }, status: 'connected' });
  expect(dials(contactId)).toEqual([expect.objectContaining({ to: CONSULTED, status: 'answered' })]);
  return started.body.consult;
}

describe('a consult with a number opens a real leg', () => {
  it('dials the leg with the rule set’s caller ID, shows its state, and completes as a warm transfer', async () => {
    const contactId = await billingCallConnectedTo(t);
    const told: LiveEvent[] = [];
    t.service.events.subscribe(({ event }) => {
      if (event.type === 'agent.consult') told.push(event);
    });
    const preview = await bilal().get(`${BILAL}/caller-id?to=%2B13125550188&purpose=consult`).expect(200);
    const started = await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(312) 555-0188' } })
      .expect(201);
    // Ringing until the number answers; the caller ID is the one the preview told, from the engine.
    expect(started.body.consult).toMatchObject({ status: 'ringing', to: { number: CONSULTED } });
    expect(started.body.consult.callerId).toEqual(preview.body);
    expect(started.body.consult.callerId).toMatchObject({ rule: 'queue', number: MAIN });
    expect(dials(contactId)).toEqual([
      expect.objectContaining({ purpose: 'consult', to: CONSULTED, callerId: MAIN, status: 'ringing' }),
    ]);
    const trace = (await t.api().get(`/api/contacts/${contactId}/trace`).expect(200)).body.entries;
    expect(trace).toContainEqual(
      expect.objectContaining({
        event: 'agentConsultDial',
        callerId: expect.objectContaining({ rule: 'queue', number: MAIN, rejected: [] }),
      }),
    );

    const connected = await eventually(
      () => bilal().get(BILAL),
      (r) => r.body.consult?.status === 'connected',
    );
    expect(connected.body.consult.status).toBe('connected');
    expect(dials(contactId)[0]?.status).toBe('answered');
    expect(told.map((e) => (e.consult as { status?: string } | null)?.status)).toEqual([
      'ringing',
      'connected',
    ]);
    // Still with the customer (on hold) until the agent completes.
    expect((await t.api().get(`/api/contacts/${contactId}`).expect(200)).body.status).toBe('connected');

    const done = await bilal().post(`${BILAL}/consult/complete`).expect(200);
    expect(done.body).toMatchObject({
      result: 'transferred',
      target: { number: CONSULTED },
      callerId: { rule: 'queue', number: MAIN },
      agent: { name: 'bilal.khan', state: 'WrapUp', consult: null },
    });
    // The customer is bridged to the leg that was consulted: no second call is placed.
    expect(dials(contactId)).toEqual([
      expect.objectContaining({ to: CONSULTED, bridged: true, status: 'answered' }),
    ]);
    const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body.status).toBe('transferred');
  });

  it('cancel hangs the leg up and leaves the agent with the customer', async () => {
    const contactId = await billingCallConnectedTo(t);
    await consultAnswered(contactId);
    await bilal().delete(`${BILAL}/consult`).expect(204);
    expect(dials(contactId)).toEqual([
      expect.objectContaining({ to: CONSULTED, status: 'hungUp', bridged: false }),
    ]);
    const agent = await bilal().get(BILAL).expect(200);
    expect(agent.body).toMatchObject({ state: 'Busy', contactId, consult: null });
    const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body).toMatchObject({ status: 'connected', queue: { agent: 'bilal.khan' } });
    // A new consult may start: the old leg is gone from the contact.
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(312) 555-0199' } })
      .expect(201);
  });

  it('cancel while the number still rings stops the dial; complete before the answer is refused', async () => {
    const contactId = await billingCallConnectedTo(t);
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(312) 555-0188' } })
      .expect(201);
    const early = await bilal().post(`${BILAL}/consult/complete`).expect(409);
    expect(early.body.details.reason).toBe(`${CONSULTED} has not answered yet`);
    await bilal().delete(`${BILAL}/consult`).expect(204);
    expect(dials(contactId)).toEqual([expect.objectContaining({ to: CONSULTED, status: 'cancelled' })]);
    expect((await t.api().get(`/api/contacts/${contactId}`).expect(200)).body.status).toBe('connected');
  });

  it('the customer hanging up hangs the leg up and ends the consult', async () => {
    const contactId = await billingCallConnectedTo(t);
    await consultAnswered(contactId);
    await t.api().post(`/api/contacts/${contactId}/events`).send({ type: 'hangUp' }).expect(200);
    const after = await eventually(
      () => bilal().get(BILAL),
      (r) => r.body.consult === null,
    );
    expect(after.body.consult).toBeNull();
    expect(dials(contactId)[0]?.status).toBe('hungUp');
  });

  it('a leg that is busy ends the consult by itself: RT108 to the desktop, the agent with the customer', async () => {
    const contactId = await billingCallConnectedTo(t);
    const told: LiveEvent[] = [];
    t.service.events.subscribe(({ event }) => {
      if (event.type === 'agent.consult') told.push(event);
    });
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(312) 555-0188' } })
      .expect(201);
    const ref = dials(contactId)[0]?.ref as string;
    // The provider reports the consulted number busy (as a Twilio status callback would).
    t.service.host.send(contactId, { type: 'dialResult', ref, result: 'busy', id: 'busy-1' });
    const after = await bilal().get(BILAL).expect(200);
    expect(after.body).toMatchObject({ state: 'Busy', contactId, consult: null });
    expect(told.at(-1)).toEqual({
      type: 'agent.consult',
      agent: 'bilal.khan',
      consult: null,
      ended: { code: 'RT108', reason: `${CONSULTED} was busy` },
    });
    const metrics = await t.api().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/callflow_errors_total\{code="RT108"\} 1/);
    expect((await t.api().get(`/api/contacts/${contactId}`).expect(200)).body.status).toBe('connected');
  });
});
