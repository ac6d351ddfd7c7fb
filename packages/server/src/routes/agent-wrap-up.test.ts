import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import { OTHER_AGENT, startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

const bilal = () => t.api({ token: OTHER_AGENT.token });

describe('wrap-up with one of the admin reasons', () => {
  it("the desktop lists the admin's reasons; a reason not in the list is refused and the agent stays in wrap-up", async () => {
    const desktop = await bilal().get('/api/agents/bilal.khan/desktop').expect(200);
    expect(desktop.body.wrapUpReasons).toEqual([
      'Resolved',
      'Follow-up needed',
      'Transferred',
      'Sale made',
      'Wrong number',
    ]);
    await billingCallConnectedTo(t);
    await bilal().post('/api/agents/bilal.khan/hangup').expect(200);
    const refused = await bilal()
      .post('/api/agents/bilal.khan/wrap-up')
      .send({ reason: 'Customer was rude' })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'unknown_wrap_up_reason',
      details: { reason: 'Customer was rude', allowed: desktop.body.wrapUpReasons },
    });
    expect((await bilal().get('/api/agents/bilal.khan').expect(200)).body.state).toBe('WrapUp');
    const done = await bilal()
      .post('/api/agents/bilal.khan/wrap-up')
      .send({ reason: 'Resolved' })
      .expect(200);
    expect(done.body.state).toBe('Available');
  });

  it('without an admin list, any short reason is taken (as before)', async () => {
    const current = await t.api().get('/api/resources').expect(200);
    const next = structuredClone(current.body.resources);
    delete next.account.wrapUpReasons;
    await t.api().put('/api/resources').set('If-Match', current.body.etag).send(next).expect(200);
    await bilal().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    const desktop = await bilal().get('/api/agents/bilal.khan/desktop').expect(200);
    expect(desktop.body.wrapUpReasons).toEqual([]);
  });
});
