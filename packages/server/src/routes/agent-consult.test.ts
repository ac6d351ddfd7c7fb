import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingCallConnectedTo, TO_BILLING } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import {
  OTHER_AGENT,
  startTestService,
  TEST_AGENT,
  type TestService,
  TOKENS,
} from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

/** bilal.khan (on the billing call) consults alice.ng; each acts with its own desktop token. */
const bilal = () => t.api({ token: OTHER_AGENT.token });
const alice = () => t.api('agent');
const BILAL = '/api/agents/bilal.khan';
const ALICE = `/api/agents/${TEST_AGENT}`;

async function aliceInWrapUp() {
  await alice().post(`${ALICE}/state`).send({ state: 'Available' }).expect(200);
  await alice().post(`${ALICE}/callbacks`).send({ number: '+13125550166' }).expect(201);
  await alice().post(`${ALICE}/hangup`).expect(200);
  expect((await alice().get(ALICE).expect(200)).body.state).toBe('WrapUp');
}

describe('consult, then warm transfer or cancel', () => {
  it('refuses oneself and an agent in wrap-up; consults an Available agent, who sees the consult popover; completes as a warm transfer', async () => {
    const current = await t.api().get('/api/resources').expect(200);
    const next = structuredClone(current.body.resources);
    next.account.consultPopover = ['note'];
    await t.api().put('/api/resources').set('If-Match', current.body.etag).send(next).expect(200);
    const contactId = await billingCallConnectedTo(t);

    const self = await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { agent: 'bilal.khan' } })
      .expect(409);
    expect(self.body).toMatchObject({
      code: 'consult_refused',
      details: { reason: 'an agent cannot consult themselves' },
    });
    await aliceInWrapUp();
    const wrapUp = await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { agent: TEST_AGENT } })
      .expect(409);
    expect(wrapUp.body.details.reason).toBe(`agent ${TEST_AGENT} is WrapUp, not Available`);
    await alice().post(`${ALICE}/wrap-up`).send({ reason: 'Resolved' }).expect(200);

    const started = await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { agent: TEST_AGENT } })
      .expect(201);
    expect(started.body.consult).toMatchObject({ from: 'bilal.khan', contactId, status: 'ringing' });
    const asked = await alice().get(ALICE).expect(200);
    expect(asked.body.consult).toMatchObject({ role: 'consulted', from: 'bilal.khan', status: 'ringing' });
    expect(asked.body.consult.popover).toEqual([
      { label: 'Agent name', name: '$agentName', value: 'Bilal Khan' },
      { label: 'Agent DN', name: '$agentDn', value: '+12125550202' },
      { label: 'Team', name: '$team', value: 'Support agents' },
      { label: 'Note', name: 'note', value: null },
    ]);
    // Consulted, alice takes no queue offers; the contact knows it is in a consult.
    expect(asked.body.state).toBe('Busy');
    expect((await t.api().get(`/api/contacts/${contactId}/trace`).expect(200)).body.entries).toContainEqual(
      expect.objectContaining({ event: 'consult', note: 'consult or conference started' }),
    );
    // Not answered yet: nothing to complete.
    const early = await bilal().post(`${BILAL}/consult/complete`).expect(409);
    expect(early.body.details.reason).toBe('the consulted agent has not answered yet');

    await alice().post(`${ALICE}/consult/accept`).expect(200);
    const done = await bilal().post(`${BILAL}/consult/complete`).expect(200);
    expect(done.body).toMatchObject({
      result: 'transferred',
      agent: { name: 'bilal.khan', state: 'WrapUp' },
    });
    const now = await eventually(
      () => alice().get(ALICE),
      (r) => r.body.contactId === contactId,
    );
    expect(now.body).toMatchObject({ state: 'Busy', contactId, consult: null, offer: null });
    const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body).toMatchObject({ status: 'connected', queue: { agent: TEST_AGENT } });
  });

  it('consults a number with the caller ID of the rule set; a pick not allowed is refused; cancel keeps the call', async () => {
    const contactId = await billingCallConnectedTo(t);
    const refused = await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(212) 555-0188' }, callerId: 'campaign' })
      .expect(422);
    expect(refused.body.code).toBe('caller_id_not_allowed');
    const premium = await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '1 900 555 0123' } })
      .expect(422);
    expect(premium.body.code).toBe('invalid_number');
    const started = await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(212) 555-0188' } })
      .expect(201);
    // The billing queue shows "main", which bilal may present; the leg rings until the number answers.
    expect(started.body.consult).toMatchObject({
      to: { number: '+12125550188' },
      status: 'ringing',
      callerId: { rule: 'queue', number: '+12125550100', rejected: [] },
    });
    await bilal().delete(`${BILAL}/consult`).expect(204);
    await bilal().delete(`${BILAL}/consult`).expect(409);
    const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body).toMatchObject({ status: 'connected', queue: { agent: 'bilal.khan' } });
  });

  it('cancel after the customer hung up frees the consulted agent', async () => {
    const contactId = await billingCallConnectedTo(t);
    await alice().post(`${ALICE}/state`).send({ state: 'Available' }).expect(200);
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { agent: TEST_AGENT } })
      .expect(201);
    await t.api().post(`/api/contacts/${contactId}/events`).send({ type: 'hangUp' }).expect(200);
    await bilal().delete(`${BILAL}/consult`).expect(204);
    const after = await alice().get(ALICE).expect(200);
    expect(after.body).toMatchObject({ state: 'Available', consult: null });
    // The other agent's token cannot end or complete bilal's consult.
    await alice().post(`${BILAL}/consult/complete`).expect(403);
  });

  it('once the consulted agent answers, both agents read the call data and the first save wins; the consulted stream carries its saves', async () => {
    const contactId = await billingCallConnectedTo(t);
    await alice().post(`${ALICE}/state`).send({ state: 'Available' }).expect(200);
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { agent: TEST_AGENT } })
      .expect(201);
    // Asked but not answered: no contact on alice's screen yet.
    const early = await alice().get(`${ALICE}/contact`).expect(409);
    expect(early.body.code).toBe('no_contact');
    await alice().patch(`${ALICE}/contact/variables/note`).send({ value: 'x', version: 0 }).expect(409);

    await alice().post(`${ALICE}/consult/accept`).expect(200);
    const controller = new AbortController();
    const base = `http://127.0.0.1:${await t.service.listen()}`;
    const stream = await fetch(`${base}/api/events?token=${TOKENS.agent}`, { signal: controller.signal });
    const seen = await alice().get(`${ALICE}/contact`).expect(200);
    expect(seen.body).toMatchObject({ contactId, variables: [{ name: 'note', editable: true, version: 0 }] });
    // Both from version 0: bilal saves first and wins; alice is told the value now held.
    await bilal().patch(`${BILAL}/contact/variables/note`).send({ value: 'VIP', version: 0 }).expect(200);
    const lost = await alice()
      .patch(`${ALICE}/contact/variables/note`)
      .send({ value: 'regular', version: 0 })
      .expect(409);
    expect(lost.body).toMatchObject({
      code: 'variable_conflict',
      details: { current: { value: 'VIP', version: 1 } },
    });
    const stored = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(stored.body).toMatchObject({ variables: { note: 'VIP' }, variableVersions: { note: 1 } });
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes('contact.variable')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain(contactId);

    // The consult ends: the contact is bilal's alone again.
    await bilal().delete(`${BILAL}/consult`).expect(204);
    await alice().get(`${ALICE}/contact`).expect(409);
  });

  it('a declined consult leaves the consulted agent Available and offered the call waiting in their queue at once', async () => {
    await billingCallConnectedTo(t);
    await alice().post(`${ALICE}/state`).send({ state: 'Available' }).expect(200);
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { agent: TEST_AGENT } })
      .expect(201);
    // A caller waits in the support queue, which alice works: consulted, she is not offered it.
    const toSupport = { ...TO_BILLING, id: 'to-support', name: 'To support' };
    toSupport.blocks = {
      ...TO_BILLING.blocks,
      pick: { ...TO_BILLING.blocks.pick, settings: { queue: 'support' } },
    };
    await t.api().put('/api/flows/to-support').set('If-None-Match', '*').send(toSupport).expect(201);
    await t.api().post('/api/flows/to-support/publish').send({ withDependencies: true }).expect(201);
    const started = await t
      .api()
      .post('/api/contacts')
      .send({ flow: 'to-support', from: '+12015550177', to: '+12125550101' })
      .expect(201);
    const waiting = started.body.contactId as string;
    await eventually(
      () => t.api().get(`/api/contacts/${waiting}`),
      (r) => r.body.status === 'queued',
    );
    expect((await alice().get(ALICE).expect(200)).body).toMatchObject({ state: 'Busy', offer: null });

    await alice().delete(`${ALICE}/consult`).expect(204);
    const offered = await eventually(
      () => alice().get(ALICE),
      (r) => r.body.offer?.contactId === waiting,
    );
    expect(offered.body).toMatchObject({ state: 'Available', consult: null, offer: { contactId: waiting } });
  });
});
