import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

describe('web callbacks', () => {
  it('queues a request with the number in E.164 and lists it', async () => {
    const res = await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann Lee', number: '(201) 555-0123', queue: 'billing' })
      .expect(201);
    expect(res.body).toMatchObject({
      kind: 'web',
      name: 'Ann Lee',
      number: '+12015550123',
      queue: 'billing',
    });
    const list = await t.api().get('/api/callbacks').expect(200);
    expect(list.body.map((c: { id: string }) => c.id)).toContain(res.body.id);
  });

  it('keeps an extension with the number, to be keyed in once the customer answers', async () => {
    const res = await t
      .api()
      .post('/api/callbacks')
      .send({ number: '(201) 555-0123:45#', queue: 'billing' })
      .expect(201);
    expect(res.body.number).toBe('+12015550123:45#');
  });

  it.each([
    ['letters', 'call me maybe'],
    ['too short', '12'],
    ['a country outside the allowlist', '+442071838750'],
  ])('refuses an invalid number (%s) with 422 invalid_number and queues nothing', async (_why, number) => {
    const res = await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann', number, queue: 'billing' })
      .expect(422);
    expect(res.body.code).toBe('invalid_number');
    expect(res.body.details.path).toBe('/number');
    const list = await t.api().get('/api/callbacks').expect(200);
    expect(list.body).toEqual([]);
  });

  it('refuses an unknown queue and wrong field types', async () => {
    const queue = await t
      .api()
      .post('/api/callbacks')
      .send({ number: '+12015550123', queue: 'nope' })
      .expect(422);
    expect(queue.body.code).toBe('queue_not_found');
    const types = await t
      .api()
      .post('/api/callbacks')
      .send({ number: 2015550123, queue: 'billing' })
      .expect(400);
    expect(types.body.code).toBe('invalid_body');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses the queue name %s (an Object.prototype member, not a queue) with 422 queue_not_found',
    async (queue) => {
      const res = await t.api().post('/api/callbacks').send({ number: '+12015550123', queue }).expect(422);
      expect(res.body).toMatchObject({ code: 'queue_not_found', details: { path: '/queue' } });
      const list = await t.api().get('/api/callbacks').expect(200);
      expect(list.body).toEqual([]);
    },
  );

  it('cancels a request (204), then 404s it', async () => {
    const { body } = await t
      .api()
      .post('/api/callbacks')
      .send({ number: '+12015550123', queue: 'billing' })
      .expect(201);
    await t.api().delete(`/api/callbacks/${body.id}`).expect(204);
    const list = await t.api().get('/api/callbacks').expect(200);
    expect(list.body).toEqual([]);
    const again = await t.api().delete(`/api/callbacks/${body.id}`).expect(404);
    expect(again.body.code).toBe('callback_not_found');
  });
});

describe('agents', () => {
  it('lists the agents of the resources file', async () => {
    const res = await t.api().get('/api/agents').expect(200);
    expect(res.body.find((a: { name: string }) => a.name === 'bilal.khan')).toMatchObject({
      state: 'Offline',
      offer: null,
    });
  });

  it('offers a queued callback to an agent who goes Available, who accepts it', async () => {
    const { body: callback } = await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann', number: '+12015550123', queue: 'billing' })
      .expect(201);
    const available = await t
      .api()
      .post('/api/agents/bilal.khan/state')
      .send({ state: 'Available' })
      .expect(200);
    expect(available.body.offer).toMatchObject({
      contactId: callback.id,
      title: 'Callback',
      queue: 'billing',
    });
    const accepted = await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    expect(accepted.body).toMatchObject({ state: 'Busy', contactId: callback.id });
    const none = await t.api().post('/api/agents/alice.ng/accept').expect(409);
    expect(none.body.code).toBe('no_offer');
  });

  it('refuses unknown agents, unknown states and wrap-up outside wrap-up', async () => {
    await t.api().post('/api/agents/nobody/state').send({ state: 'Available' }).expect(404);
    const state = await t.api().post('/api/agents/alice.ng/state').send({ state: 'Sleeping' }).expect(400);
    expect(state.body.code).toBe('invalid_body');
    await t.api().post('/api/agents/alice.ng/wrap-up').send({ reason: 'Resolved' }).expect(409);
  });

  it('places an agent-initiated callback to a validated number', async () => {
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    await t.api().post('/api/agents/alice.ng/callbacks').send({ number: 'not a number' }).expect(422);
    const res = await t
      .api()
      .post('/api/agents/alice.ng/callbacks')
      .send({ number: '+12015550123' })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'agent', number: '+12015550123' });
    const placed = await t.api().get(`/api/contacts/${res.body.id}`).expect(200);
    expect(placed.body).toMatchObject({ kind: 'agentOutbound', dialedNumber: '+12015550123' });
  });

  it('lets an agent wrap up after the call ends, then go Available', async () => {
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    await t.api().post('/api/agents/alice.ng/callbacks').send({ number: '+12015550123' }).expect(201);
    // The outbound whisper is not published: it is skipped, the call is placed and the customer answers.
    await eventually(
      () => t.api().get('/api/agents'),
      (r) => r.body.find((a: { name: string }) => a.name === 'alice.ng').state === 'Busy',
      10_000,
    );
    await t.api().post('/api/agents/alice.ng/hangup').expect(200);
    const agents = await eventually(
      () => t.api().get('/api/agents'),
      (r) => r.body.find((a: { name: string }) => a.name === 'alice.ng').state === 'WrapUp',
      10_000,
    );
    expect(agents.body.find((a: { name: string }) => a.name === 'alice.ng').state).toBe('WrapUp');
    const done = await t.api().post('/api/agents/alice.ng/wrap-up').send({ reason: 'Resolved' }).expect(200);
    expect(done.body.state).toBe('Available');
  }, 20_000);

  it('refuses a transfer by an agent with no connected contact, with a coded 409', async () => {
    const res = await t
      .api()
      .post('/api/agents/alice.ng/transfer')
      .send({ to: { queue: 'billing' } })
      .expect(409);
    expect(res.body.code).toBe('transfer_refused');
    expect(res.body.details.reason).toBe('alice.ng has no connected contact');
  });
});
