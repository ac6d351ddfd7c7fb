import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { billingCallConnectedTo, queuedBillingCall } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';

// Time stands still: a dialled customer answers only when a test says so.
const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));

let t: TestService;
beforeEach(async () => {
  t = await startTestService({ service: { clock: frozen() } });
});
afterEach(async () => {
  await t.close();
});

/** The customer of a callback that is dialling answers: the callback is connected. */
async function customerAnswers(contactId: string): Promise<void> {
  const host = t.service.host;
  const dialling = await eventually(
    async () => host.snapshot(contactId)?.callback,
    (cb) => cb?.phase === 'dialling',
  );
  host.send(contactId, { type: 'dialResult', ref: String(dialling?.dialRef), result: 'answered' });
  expect(host.snapshot(contactId)?.status).toBe('connected');
}

const hangUp = (agent: string) => t.api().post(`/api/agents/${agent}/hangup`);

async function agentView(name: string) {
  const res = await t.api().get('/api/agents').expect(200);
  return res.body.find((a: { name: string }) => a.name === name);
}

/** The agent hung up: 200 with the agent in wrap-up and the contact ended; wrap-up makes them Available. */
async function expectHungUp(res: { body: unknown }, agent: string, contactId: string): Promise<void> {
  expect(res.body).toEqual({
    agent: expect.objectContaining({ name: agent, state: 'WrapUp', contactId: null, offer: null }),
    contact: { contactId, status: 'ended', endReason: 'agent hung up' },
  });
  const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
  expect(contact.body).toMatchObject({ status: 'ended', endReason: 'agent hung up' });
  expect(await agentView(agent)).toMatchObject({ state: 'WrapUp', contactId: null });
  const done = await t.api().post(`/api/agents/${agent}/wrap-up`).send({ reason: 'Resolved' }).expect(200);
  expect(done.body.state).toBe('Available');
}

describe('POST /api/agents/:name/hangup', () => {
  it('ends a queued call bridged to the agent, who goes to wrap-up', async () => {
    const contactId = await billingCallConnectedTo(t);
    const res = await hangUp('bilal.khan').expect(200);
    await expectHungUp(res, 'bilal.khan', contactId);
    expect(t.service.host.capacity().liveCalls).toBe(0);
  });

  it('takes an empty JSON object as the body too', async () => {
    const contactId = await billingCallConnectedTo(t);
    const res = await hangUp('bilal.khan').send({}).expect(200);
    expect(res.body.contact).toMatchObject({ contactId, status: 'ended' });
  });

  it('ends a queued callback the agent accepted once the customer answered', async () => {
    await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
    const { body: callback } = await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann', number: '+12015550123', queue: 'billing' })
      .expect(201);
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    await customerAnswers(callback.id);
    const res = await hangUp('bilal.khan').expect(200);
    await expectHungUp(res, 'bilal.khan', callback.id);
    const list = await t.api().get('/api/callbacks').expect(200);
    expect(list.body.map((c: { id: string }) => c.id)).not.toContain(callback.id);
  });

  it("ends the agent's own callback", async () => {
    await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    const { body: own } = await t
      .api()
      .post('/api/agents/alice.ng/callbacks')
      .send({ number: '+12015550123' })
      .expect(201);
    await customerAnswers(own.id);
    const res = await hangUp('alice.ng').expect(200);
    await expectHungUp(res, 'alice.ng', own.id);
  });

  it("ends the agent's own callback while it still rings, and its line is free again", async () => {
    await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    const { body: own } = await t
      .api()
      .post('/api/agents/alice.ng/callbacks')
      .send({ number: '+12015550123' })
      .expect(201);
    await eventually(
      async () => t.service.host.snapshot(own.id)?.callback?.phase,
      (phase) => phase === 'dialling',
    );
    const res = await hangUp('alice.ng').expect(200);
    await expectHungUp(res, 'alice.ng', own.id);
    expect(t.service.host.capacity().liveCalls).toBe(0);
  });

  it('answers 404 agent_not_found for an unknown agent', async () => {
    const res = await hangUp('nobody').expect(404);
    expect(res.body).toMatchObject({ code: 'agent_not_found', details: { name: 'nobody' } });
  });

  it('answers 409 no_connected_call with the state of an agent who is not on a call', async () => {
    const offline = await hangUp('alice.ng').expect(409);
    expect(offline.body).toMatchObject({
      code: 'no_connected_call',
      details: { name: 'alice.ng', state: 'Offline' },
    });
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    const free = await hangUp('alice.ng').expect(409);
    expect(free.body.details.state).toBe('Available');
    // Busy by hand, with no call: nothing to hang up either.
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Busy' }).expect(200);
    const busy = await hangUp('alice.ng').expect(409);
    expect(busy.body.details.state).toBe('Busy');
  });

  it('answers 409 while the call is only offered, and the offer stays', async () => {
    const contactId = await queuedBillingCall(t);
    const offered = await t
      .api()
      .post('/api/agents/bilal.khan/state')
      .send({ state: 'Available' })
      .expect(200);
    expect(offered.body.offer).toMatchObject({ contactId });
    const res = await hangUp('bilal.khan').expect(409);
    expect(res.body).toMatchObject({ code: 'no_connected_call', details: { state: 'Available' } });
    expect((await agentView('bilal.khan')).offer).toMatchObject({ contactId });
    const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body.status).toBe('offered');
  });

  it('answers 409 in wrap-up after the call ended (a second hang-up)', async () => {
    await billingCallConnectedTo(t);
    await hangUp('bilal.khan').expect(200);
    const again = await hangUp('bilal.khan').expect(409);
    expect(again.body.details).toEqual({ name: 'bilal.khan', state: 'WrapUp' });
  });

  it.each([
    ['an unknown field', { reason: 'done' }],
    ['an array', []],
  ])('answers 400 invalid_body for %s, and the call goes on', async (_why, body) => {
    const contactId = await billingCallConnectedTo(t);
    const res = await hangUp('bilal.khan').send(body).expect(400);
    expect(res.body.code).toBe('invalid_body');
    const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body.status).toBe('connected');
  });

  it('answers 415 for a body not sent as JSON', async () => {
    const res = await hangUp('bilal.khan').set('Content-Type', 'text/plain').send('now').expect(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('answers 413 payload_too_large for a body over the limit', async () => {
    const small = await startTestService({ env: { CALLFLOW_BODY_LIMIT: '1kb' } });
    try {
      const res = await small
        .api()
        .post('/api/agents/bilal.khan/hangup')
        .send({ note: 'x'.repeat(5000) })
        .expect(413);
      expect(res.body.code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
  });

  it('is refused to a viewer (403), and the call goes on', async () => {
    const contactId = await billingCallConnectedTo(t);
    const res = await t.api('viewer').post('/api/agents/bilal.khan/hangup').expect(403);
    expect(res.body.code).toBe('forbidden');
    const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body.status).toBe('connected');
  });
});

describe('an agent hang-up on the live event stream', () => {
  let stream: AbortController;
  beforeEach(() => {
    stream = new AbortController();
  });
  afterEach(() => stream.abort());

  type Message = { type: string; data: Record<string, unknown> };

  /**
   * Opens the stream and waits for its first message (the server has subscribed by then); the returned
   * function reads `agent.state` and `contact.step` messages until `until` holds.
   */
  async function openStream(
    base: string,
  ): Promise<(until: (found: Message[]) => boolean) => Promise<Message[]>> {
    const res = await fetch(`${base}/api/events?token=${TOKENS.viewer}`, { signal: stream.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    return async (until) => {
      const found: Message[] = [];
      for (;;) {
        const messages = text.split('\n\n');
        text = messages.pop() ?? '';
        for (const message of messages) {
          const type = /^event: (.+)$/m.exec(message)?.[1];
          const data = /^data: (.+)$/m.exec(message)?.[1];
          if (data && (type === 'agent.state' || type === 'contact.step'))
            found.push({ type, data: JSON.parse(data) });
        }
        if (until(found)) return found;
        const chunk = await reader.read();
        if (chunk.done) return found;
        text += decoder.decode(chunk.value);
      }
    };
  }

  it('carries the agent going to wrap-up and the contact ending', async () => {
    const base = `http://127.0.0.1:${await t.service.listen()}`;
    const contactId = await billingCallConnectedTo(t);
    const read = await openStream(base);
    await hangUp('bilal.khan').expect(200);
    const wrapUp = (e: Message) =>
      e.type === 'agent.state' && e.data.agent === 'bilal.khan' && e.data.state === 'WrapUp';
    const events = await read((found) => found.some(wrapUp));
    expect(events.find(wrapUp)).toBeDefined();
    expect(events).toContainEqual({
      type: 'contact.step',
      data: expect.objectContaining({ contactId, status: 'ended' }),
    });
  });
});
