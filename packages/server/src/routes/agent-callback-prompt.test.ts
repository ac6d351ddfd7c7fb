import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/** bilal.khan's own desktop token (the billing calls of the test support are offered to him). */
const bilal = () => t.api({ token: OTHER_AGENT.token });
const AGENT = '/api/agents/bilal.khan';
/** The designer's simulator keys digits on the customer's leg. */
const customerKeys = (contactId: string, digits: string) =>
  t.api().post(`/api/contacts/${contactId}/events`).send({ type: 'digits', digits }).expect(200);
const pendingOnceNot = (status: string) =>
  eventually(
    () => bilal().get(AGENT),
    (r) => r.body.pendingCallback?.status !== status,
  ).then((r) => r.body.pendingCallback);

describe('agent-initiated callback with a prompt to the customer', () => {
  it('prompt, the customer keys, the agent edits, then calls it: the call ends and the callback is placed', async () => {
    const contactId = await billingCallConnectedTo(t);
    const prompted = await bilal().post(`${AGENT}/pending-callback/prompt`).expect(202);
    expect(prompted.body.pendingCallback).toEqual({
      contactId,
      status: 'prompting',
      number: null,
      reason: null,
    });
    await customerKeys(contactId, '3125550');
    await customerKeys(contactId, '166#');
    expect(await pendingOnceNot('prompting')).toEqual({
      contactId,
      status: 'entered',
      number: '+13125550166',
      reason: null,
    });
    // The call goes on while the agent prepares the callback.
    expect((await t.api().get(`/api/contacts/${contactId}`).expect(200)).body.status).toBe('connected');

    // Prompt again: the customer keys an emergency number, which the dial-number rules refuse.
    await bilal().post(`${AGENT}/pending-callback/prompt`).expect(202);
    await customerKeys(contactId, '911#');
    const refused = await pendingOnceNot('prompting');
    expect(refused).toMatchObject({ status: 'invalid', number: '911' });
    expect(refused.reason).toBeTruthy();
    const notYet = await bilal().post(`${AGENT}/pending-callback/place`).expect(409);
    expect(notYet.body).toMatchObject({ code: 'no_pending_callback', details: { status: 'invalid' } });

    // The agent types a premium number (refused), then a good one.
    const premium = await bilal()
      .put(`${AGENT}/pending-callback`)
      .send({ number: '+1 900 555 0123' })
      .expect(422);
    expect(premium.body.code).toBe('invalid_number');
    const edited = await bilal()
      .put(`${AGENT}/pending-callback`)
      .send({ number: '(312) 555-0177' })
      .expect(200);
    expect(edited.body.pendingCallback).toMatchObject({ status: 'edited', number: '+13125550177' });

    // A caller ID the agent may not present: refused, nothing dialled, the call still on.
    await bilal().post(`${AGENT}/pending-callback/place`).send({ callerId: 'campaign' }).expect(422);
    expect((await t.api().get(`/api/contacts/${contactId}`).expect(200)).body.status).toBe('connected');
    expect((await t.api().get('/api/callbacks').expect(200)).body).toEqual([]);

    const placed = await bilal()
      .post(`${AGENT}/pending-callback/place`)
      .send({ callerId: 'support' })
      .expect(201);
    expect(placed.body).toMatchObject({ number: '+13125550177' });
    const ended = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'agent hung up' });
    const agent = await bilal().get(AGENT).expect(200);
    expect(agent.body).toMatchObject({ state: 'Busy', contactId: placed.body.id, pendingCallback: null });
  });

  it('cancel after the customer hung up: nothing is dialled', async () => {
    const contactId = await billingCallConnectedTo(t);
    await bilal().post(`${AGENT}/pending-callback/prompt`).expect(202);
    await t.api().post(`/api/contacts/${contactId}/events`).send({ type: 'hangUp' }).expect(200);
    const after = await eventually(
      () => bilal().get(AGENT),
      (r) => r.body.state === 'WrapUp',
    );
    expect(after.body.pendingCallback).toMatchObject({ status: 'prompting' });
    await bilal().delete(`${AGENT}/pending-callback`).expect(204);
    expect((await bilal().get(AGENT).expect(200)).body.pendingCallback).toBeNull();
    await bilal().delete(`${AGENT}/pending-callback`).expect(409);
    expect((await t.api().get('/api/callbacks').expect(200)).body).toEqual([]);
    // Prompting needs a connected call.
    const refused = await bilal().post(`${AGENT}/pending-callback/prompt`).expect(409);
    expect(refused.body.code).toBe('no_connected_call');
  });

  it("another agent's token cannot prompt bilal's customer", async () => {
    await billingCallConnectedTo(t);
    const res = await t.api('agent').post(`${AGENT}/pending-callback/prompt`).expect(403);
    expect(res.body.code).toBe('forbidden_agent');
  });
});
