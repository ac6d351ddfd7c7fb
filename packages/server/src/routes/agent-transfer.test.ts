import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
let work: string;
beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'callflow-transfer-'));
  t = await startTestService({ workDir: work });
});
afterEach(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

async function agentView(name: string) {
  const res = await t.api().get('/api/agents').expect(200);
  return res.body.find((a: { name: string }) => a.name === name);
}

const transfer = (agent: string, body: unknown) =>
  t
    .api()
    .post(`/api/agents/${agent}/transfer`)
    .send(body as object);

describe('POST /api/agents/:name/transfer', () => {
  it('transfers to a queue: 200, the agent goes to wrap-up and is passed over while another agent is free', async () => {
    const contactId = await billingCallConnectedTo(t);
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    const res = await transfer('bilal.khan', { to: { queue: 'support' } }).expect(200);
    expect(res.body).toMatchObject({
      result: 'transferred',
      target: { queue: 'support' },
      agent: { name: 'bilal.khan', state: 'WrapUp', contactId: null },
    });
    expect(res.body.reason).toMatch(/offered to bilal\.khan only when no other agent is free/);
    expect(await agentView('alice.ng')).toMatchObject({ offer: { contactId, queue: 'support' } });
    await t.api().post('/api/agents/bilal.khan/wrap-up').send({ reason: 'Transferred' }).expect(200);
    expect(await agentView('bilal.khan')).toMatchObject({ state: 'Available', offer: null });
    // alice lets it ring: bilal is the only agent free now, so the call is offered to him, not left waiting.
    await t.api().post('/api/agents/alice.ng/reject').expect(200);
    expect(await agentView('bilal.khan')).toMatchObject({ offer: { contactId, queue: 'support' } });
  });

  it('offers the contact back to the transferring agent when they are the only one free', async () => {
    const contactId = await billingCallConnectedTo(t);
    await transfer('bilal.khan', { to: { queue: 'billing' } }).expect(200);
    const queued = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(queued.body.status).toBe('queued');
    const back = await t
      .api()
      .post('/api/agents/bilal.khan/wrap-up')
      .send({ reason: 'Transferred' })
      .expect(200);
    expect(back.body.offer).toMatchObject({ contactId, queue: 'billing' });
  });

  it('after A transfers to B and B to a queue, passes over B only: A is offered the call', async () => {
    const contactId = await billingCallConnectedTo(t);
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    await transfer('bilal.khan', { to: { agent: 'alice.ng' } }).expect(200);
    await t.api().post('/api/agents/alice.ng/accept').expect(200);
    await eventually(
      () => t.api().get(`/api/contacts/${contactId}`),
      (r) => r.body.status === 'connected',
    );
    await t.api().post('/api/agents/bilal.khan/wrap-up').send({ reason: 'Transferred' }).expect(200);
    // bilal is free; alice puts the call in the support queue: it is offered to bilal at once.
    const res = await transfer('alice.ng', { to: { queue: 'support' } }).expect(200);
    expect(res.body.agent).toMatchObject({ name: 'alice.ng', state: 'WrapUp' });
    expect(t.service.host.snapshot(contactId)?.queue?.exclude).toEqual(['alice.ng']);
    expect(await agentView('bilal.khan')).toMatchObject({ offer: { contactId, queue: 'support' } });
    await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    const connected = await eventually(
      () => t.api().get(`/api/contacts/${contactId}`),
      (r) => r.body.status === 'connected',
    );
    expect(connected.body.queue).toMatchObject({ name: 'support', agent: 'bilal.khan' });
  });

  it('still passes over the transferring agent after a restart', async () => {
    const contactId = await billingCallConnectedTo(t);
    await transfer('bilal.khan', { to: { queue: 'support' } }).expect(200);
    await t.close();
    t = await startTestService({ workDir: work });
    expect(t.service.host.snapshot(contactId)?.queue?.exclude).toEqual(['bilal.khan']);
    const s = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(s.body.status).toBe('queued');
    const alice = await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    expect(alice.body.offer).toMatchObject({ contactId, queue: 'support' });
    await t.api().post('/api/agents/bilal.khan/wrap-up').send({ reason: 'Transferred' }).expect(200);
    expect(await agentView('bilal.khan')).toMatchObject({ state: 'Available', offer: null });
  });

  it('transfers to an Available agent, who is offered the contact directly', async () => {
    const contactId = await billingCallConnectedTo(t);
    await t.api().post('/api/agents/carmen.diaz/state').send({ state: 'Available' }).expect(200);
    await transfer('bilal.khan', { to: { agent: 'carmen.diaz' } }).expect(200);
    const agents = await t.api().get('/api/agents').expect(200);
    const carmen = agents.body.find((a: { name: string }) => a.name === 'carmen.diaz');
    expect(carmen.offer).toMatchObject({ contactId, queue: 'billing', title: 'Billing' });
    await t.api().post('/api/agents/carmen.diaz/accept').expect(200);
    const s = await eventually(
      () => t.api().get(`/api/contacts/${contactId}`),
      (r) => r.body.status === 'connected',
    );
    expect(s.body.status).toBe('connected');
  });

  it('transfers to a number: 200 with the caller ID chosen; the number rings, the agent is free', async () => {
    const contactId = await billingCallConnectedTo(t);
    const res = await transfer('bilal.khan', { to: { number: '(201) 555-0123' } }).expect(200);
    expect(res.body.target).toEqual({ number: '+12015550123' });
    // Billing's outbound caller ID is the account's main number (the active-call rule picks the queue's).
    expect(res.body.reason).toMatch(/caller ID \+\d+ \(queue\)/);
    expect(res.body.agent).toMatchObject({ state: 'WrapUp', contactId: null });
    const s = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(s.body.status).toBe('transferring');
  });

  it('answers 409 transfer_refused with the reason, and the contact stays with the agent', async () => {
    const contactId = await billingCallConnectedTo(t);
    const offline = await transfer('bilal.khan', { to: { agent: 'carmen.diaz' } }).expect(409);
    expect(offline.body.code).toBe('transfer_refused');
    expect(offline.body.details.reason).toBe('agent carmen.diaz is Offline, not Available');
    const abroad = await transfer('bilal.khan', { to: { number: '+442071838750' } }).expect(409);
    expect(abroad.body.details.reason).toMatch(/^cannot dial/);
    const queue = await transfer('bilal.khan', { to: { queue: 'nowhere' } }).expect(409);
    expect(queue.body.details.reason).toBe('queue "nowhere" is not in resources');
    const s = await t.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(s.body.status).toBe('connected');
    const idle = await transfer('alice.ng', { to: { queue: 'support' } }).expect(409);
    expect(idle.body.details.reason).toBe('alice.ng has no connected contact');
  });

  it.each(['constructor', 'toString', '__proto__', 'valueOf'])(
    'refuses the queue or agent name %s (an Object.prototype member) as not in resources',
    async (name) => {
      const contactId = await billingCallConnectedTo(t);
      const queue = await transfer('bilal.khan', { to: { queue: name } }).expect(409);
      expect(queue.body).toMatchObject({
        code: 'transfer_refused',
        details: { reason: `queue "${name}" is not in resources` },
      });
      const agent = await transfer('bilal.khan', { to: { agent: name } }).expect(409);
      expect(agent.body).toMatchObject({
        code: 'transfer_refused',
        details: { reason: `agent "${name}" is not in resources` },
      });
      const s = await t.api().get(`/api/contacts/${contactId}`).expect(200);
      expect(s.body.status).toBe('connected');
    },
  );

  it.each([
    ['a string', { to: 'support' }],
    ['no target', { to: {} }],
    ['two targets', { to: { queue: 'support', agent: 'alice.ng' } }],
    ['an unknown kind', { to: { team: 'support' } }],
    ['an empty name', { to: { queue: '' } }],
    ['no to', {}],
    ['an extra field', { to: { queue: 'support' }, mode: 'warm' }],
  ])('answers 400 invalid_body for %s', async (_why, body) => {
    const res = await transfer('alice.ng', body).expect(400);
    expect(res.body.code).toBe('invalid_body');
  });

  it('answers 404 for an unknown agent', async () => {
    const res = await transfer('nobody', { to: { queue: 'support' } }).expect(404);
    expect(res.body.code).toBe('agent_not_found');
  });
});

describe('POST /api/agents/:name/transfer of a callback', () => {
  // Time stands still: the dialled customer answers only when a test says so.
  beforeEach(async () => {
    await t.close();
    t = await startTestService({
      service: { clock: new WallClock(() => Date.parse('2026-01-05T15:00:00Z')) },
    });
  });

  /** A web callback in billing that bilal.khan accepted; the customer is being dialled. */
  async function diallingCallback(): Promise<{ id: string; dialRef: string }> {
    await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
    await t.api().post('/api/flows/support-queue/publish').expect(201);
    const { body } = await t
      .api()
      .post('/api/callbacks')
      .send({ name: 'Ann', number: '+12015550123', queue: 'billing' })
      .expect(201);
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    const dialling = await eventually(
      async () => t.service.host.snapshot(body.id)?.callback,
      (cb) => cb?.phase === 'dialling',
    );
    return { id: body.id, dialRef: String(dialling?.dialRef) };
  }

  it('refuses it with 409 while the customer is being dialled, then transfers it to a queue once connected', async () => {
    const { id, dialRef } = await diallingCallback();
    const early = await transfer('bilal.khan', { to: { queue: 'support' } }).expect(409);
    expect(early.body.details.reason).toBe(
      'the callback is not connected yet (+12015550123 is being dialled): it can be transferred once the customer answers',
    );
    t.service.host.send(id, { type: 'dialResult', ref: dialRef, result: 'answered' });
    expect(t.service.host.snapshot(id)?.status).toBe('connected');

    const res = await transfer('bilal.khan', { to: { queue: 'support' } }).expect(200);
    expect(res.body).toMatchObject({
      result: 'transferred',
      target: { queue: 'support' },
      agent: { name: 'bilal.khan', state: 'WrapUp', contactId: null },
    });
    const queued = await t.api().get(`/api/contacts/${id}`).expect(200);
    expect(queued.body.status).toBe('queued');
    // The request is complete: the list of callback requests no longer shows it as waiting.
    const requests = await t.api().get('/api/callbacks').expect(200);
    expect(requests.body.map((c: { id: string }) => c.id)).not.toContain(id);
    const alice = await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    expect(alice.body.offer).toMatchObject({ contactId: id, queue: 'support', title: 'Technical support' });
    await t.api().post('/api/flows/agent-whisper/publish').expect(201);
    await t.api().post('/api/flows/customer-whisper/publish').expect(201);
    await t.api().post('/api/agents/alice.ng/accept').expect(200);
    // alice takes it as a call (support's whispers, then the bridge); nothing is dialled again.
    const taken = await eventually(
      async () => t.service.host.snapshot(id),
      (s) => s?.status === 'connected',
    );
    expect(taken).toMatchObject({
      status: 'connected',
      queue: { agent: 'alice.ng' },
      callback: { attempts: 1 },
    });
    // The customer hangs up on alice: the contact ends; the request was not dialled again.
    t.service.host.send(id, { type: 'dialResult', ref: dialRef, result: 'completed' });
    const ended = await t.api().get(`/api/contacts/${id}`).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'caller hung up' });
  });

  it('transfers a connected callback to a number with the caller ID of its queue', async () => {
    const { id, dialRef } = await diallingCallback();
    t.service.host.send(id, { type: 'dialResult', ref: dialRef, result: 'answered' });
    const abroad = await transfer('bilal.khan', { to: { number: '+442071838750' } }).expect(409);
    expect(abroad.body.details.reason).toMatch(/^cannot dial/);
    const res = await transfer('bilal.khan', { to: { number: '(415) 555-0123' } }).expect(200);
    expect(res.body.target).toEqual({ number: '+14155550123' });
    // Billing's outbound caller ID is the account's main number (the active-call rule picks the queue's).
    expect(res.body.reason).toMatch(/caller ID \+12125550100 \(queue\)/);
    expect(res.body.agent).toMatchObject({ state: 'WrapUp', contactId: null });
    const s = await t.api().get(`/api/contacts/${id}`).expect(200);
    expect(s.body.status).toBe('transferring');
  });
});
