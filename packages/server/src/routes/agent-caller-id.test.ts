import type { Resources } from '@callflow/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingCallConnectedTo, queuedBillingCall } from '../test-support/billing-calls.js';
import { startTestService, TEST_AGENT, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

async function changeResources(change: (r: Resources) => void) {
  const current = await t.api().get('/api/resources').expect(200);
  const next = structuredClone(current.body.resources) as Resources;
  change(next);
  return t.api().put('/api/resources').set('If-Match', current.body.etag).send(next);
}

describe('the caller ID of calls agents place, over HTTP', () => {
  it('PUT /api/resources refuses a default number that is not among the agent allowed numbers (CF506)', async () => {
    const before = await t.api().get('/api/resources').expect(200);
    const res = await changeResources((r) => {
      r.agents['dmitri.volkov']!.defaultNumber = 'campaign';
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid_resources');
    expect(res.body.details.problems).toEqual([
      expect.objectContaining({ code: 'CF506', path: '/agents/dmitri.volkov/defaultNumber' }),
    ]);
    const after = await t.api().get('/api/resources').expect(200);
    expect(after.body.etag).toBe(before.body.etag);
  });

  it('an agent picks a number it may not present: 422 caller_id_not_allowed, nothing placed', async () => {
    await t.api('agent').post(`/api/agents/${TEST_AGENT}/state`).send({ state: 'Available' }).expect(200);
    const res = await t
      .api('agent')
      .post(`/api/agents/${TEST_AGENT}/callbacks`)
      .send({ number: '+13125550166', callerId: 'campaign' })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'caller_id_not_allowed',
      details: { callerId: 'campaign', allowed: ['support', 'main'] },
    });
    // By E.164 too: the campaign number is not alice's either.
    await t
      .api('agent')
      .post(`/api/agents/${TEST_AGENT}/callbacks`)
      .send({ number: '+13125550166', callerId: '+16175550120' })
      .expect(422);
    const agent = await t.api('agent').get(`/api/agents/${TEST_AGENT}`).expect(200);
    expect(agent.body).toMatchObject({ state: 'Available', contactId: null });
    expect((await t.api().get('/api/callbacks').expect(200)).body).toEqual([]);
  });

  it('an agent places a call with an allowed number it picked: the decision says agentChoice', async () => {
    // No outbound whisper, so the call is dialled at once.
    await changeResources((r) => {
      delete r.queues.support!.outboundWhisperFlow;
    }).then((res) => expect(res.status).toBe(200));
    await t.api('agent').post(`/api/agents/${TEST_AGENT}/state`).send({ state: 'Available' }).expect(200);
    const res = await t
      .api('agent')
      .post(`/api/agents/${TEST_AGENT}/callbacks`)
      .send({ number: '(312) 555-0166', callerId: 'main' })
      .expect(201);
    expect(res.body.callerId).toMatchObject({ rule: 'agentChoice', number: '+12125550100', rejected: [] });
    const trace = await t.api().get(`/api/contacts/${res.body.id}/trace`).expect(200);
    const placed = trace.body.entries.find((e: { callerId?: unknown }) => e.callerId);
    expect(placed.callerId).toMatchObject({ rule: 'agentChoice', number: '+12125550100' });
  });

  it("the picker's preview: a restricted agent's strategy, with the numbers passed over", async () => {
    // dmitri.volkov may present Chicago and Toronto only; his group picks by area code, else his default.
    const res = await t.api().get('/api/agents/dmitri.volkov/caller-id?to=%2B12125559999').expect(200);
    expect(res.body).toMatchObject({ rule: 'agentDefault', number: '+13125550111' });
    expect(res.body.rejected.map((r: { number: string }) => r.number)).toEqual([
      '+13125550111',
      '+14165550113',
    ]);
    const chicago = await t.api().get('/api/agents/dmitri.volkov/caller-id?to=%2B13125550199').expect(200);
    expect(chicago.body).toMatchObject({ rule: 'sameAreaCode', number: '+13125550111', rejected: [] });
    const bad = await t.api().get('/api/agents/dmitri.volkov/caller-id?to=911').expect(422);
    expect(bad.body.code).toBe('invalid_number');
  });

  it('a transfer to a number with a picked caller ID: allowed is used, not allowed is refused and the call stays', async () => {
    const contactId = await billingCallConnectedTo(t);
    const refused = await t
      .api()
      .post('/api/agents/bilal.khan/transfer')
      .send({ to: { number: '(212) 555-0188' }, callerId: 'campaign' })
      .expect(422);
    expect(refused.body.code).toBe('caller_id_not_allowed');
    const still = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(still.body.status).toBe('connected');
    const res = await t
      .api()
      .post('/api/agents/bilal.khan/transfer')
      .send({ to: { number: '(212) 555-0188' }, callerId: 'support' })
      .expect(200);
    expect(res.body).toMatchObject({
      result: 'transferred',
      callerId: { rule: 'agentChoice', number: '+12125550101', rejected: [] },
    });
  });

  it('at capacity, an agent token placing a call gets 409 center_at_capacity with the reason code', async () => {
    await changeResources((r) => {
      r.account.maxConcurrentCalls = 1;
    }).then((res) => expect(res.status).toBe(200));
    await queuedBillingCall(t);
    await t.api('agent').post(`/api/agents/${TEST_AGENT}/state`).send({ state: 'Available' }).expect(200);
    const res = await t
      .api('agent')
      .post(`/api/agents/${TEST_AGENT}/callbacks`)
      .send({ number: '+13125550166' })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'center_at_capacity',
      details: { reason: 'CENTER_AT_CAPACITY', limit: 1, liveCalls: 1 },
    });
    // Nothing was placed: the agent is as before.
    const agent = await t.api('agent').get(`/api/agents/${TEST_AGENT}`).expect(200);
    expect(agent.body).toMatchObject({ state: 'Available', contactId: null });
  });
});
