import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

// Time stands still: a dialled customer answers only when a test says so, an offer never rings out.
const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));

let t: TestService;
beforeEach(async () => {
  t = await startTestService({ service: { clock: frozen() } });
  await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
});
afterEach(async () => {
  await t.close();
});

async function agentView(name: string) {
  const res = await t.api().get('/api/agents').expect(200);
  return res.body.find((a: { name: string }) => a.name === name);
}

async function webCallback(number = '+12015550123'): Promise<string> {
  const { body } = await t
    .api()
    .post('/api/callbacks')
    .send({ name: 'Ann', number, queue: 'billing' })
    .expect(201);
  return body.id as string;
}

describe('cancelling a callback that is offered to an agent', () => {
  it('withdraws the offer: the agent is free and is offered the next callback', async () => {
    const first = await webCallback();
    const offered = await t
      .api()
      .post('/api/agents/bilal.khan/state')
      .send({ state: 'Available' })
      .expect(200);
    expect(offered.body.offer).toMatchObject({ contactId: first, queue: 'billing' });

    await t.api().delete(`/api/callbacks/${first}`).expect(204);
    expect(await agentView('bilal.khan')).toMatchObject({ state: 'Available', contactId: null, offer: null });
    // Nothing left to accept or reject.
    expect((await t.api().post('/api/agents/bilal.khan/accept').expect(409)).body.code).toBe('no_offer');
    expect((await t.api().post('/api/agents/bilal.khan/reject').expect(409)).body.code).toBe('no_offer');

    // The next callback is offered to the agent at once.
    const second = await webCallback('+12015550124');
    expect((await agentView('bilal.khan')).offer).toMatchObject({ contactId: second });
    await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    expect(await agentView('bilal.khan')).toMatchObject({ state: 'Busy', contactId: second, offer: null });
    expect(t.service.host.snapshot(second)?.callback?.agent).toBe('bilal.khan');
  });

  it('offers a callback already waiting to the agent freed by the cancel', async () => {
    const first = await webCallback();
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    const waiting = await webCallback('+12015550124');
    expect((await agentView('bilal.khan')).offer).toMatchObject({ contactId: first });
    await t.api().delete(`/api/callbacks/${first}`).expect(204);
    expect((await agentView('bilal.khan')).offer).toMatchObject({ contactId: waiting });
  });
});

describe("cancelling an agent's own callback", () => {
  async function ownCallback(): Promise<string> {
    await t.api().post('/api/agents/alice.ng/state').send({ state: 'Available' }).expect(200);
    const { body } = await t
      .api()
      .post('/api/agents/alice.ng/callbacks')
      .send({ number: '+12015550123' })
      .expect(201);
    expect(await agentView('alice.ng')).toMatchObject({ state: 'Busy', contactId: body.id });
    return body.id as string;
  }

  it('while it rings: the agent goes to wrap-up, and to Available after it', async () => {
    const id = await ownCallback();
    await eventually(
      async () => t.service.host.snapshot(id)?.callback?.phase,
      (phase) => phase === 'dialling',
    );
    await t.api().delete(`/api/callbacks/${id}`).expect(204);
    expect(await agentView('alice.ng')).toMatchObject({ state: 'WrapUp', contactId: null });
    expect(t.service.host.capacity().liveCalls).toBe(0);
    // There is no call left to hang up: 409, not a 200 that changes nothing.
    const hangUp = await t.api().post('/api/agents/alice.ng/hangup').expect(409);
    expect(hangUp.body).toMatchObject({ code: 'no_connected_call', details: { state: 'WrapUp' } });
    await t.api().post('/api/agents/alice.ng/wrap-up').send({ reason: 'Wrong number' }).expect(200);
    expect(await agentView('alice.ng')).toMatchObject({ state: 'Available' });
  });

  it('once the customer answered: the agent goes to wrap-up and can place another call', async () => {
    const id = await ownCallback();
    const dialling = await eventually(
      async () => t.service.host.snapshot(id)?.callback,
      (cb) => cb?.phase === 'dialling',
    );
    t.service.host.send(id, { type: 'dialResult', ref: String(dialling?.dialRef), result: 'answered' });
    await t.api().delete(`/api/callbacks/${id}`).expect(204);
    expect(await agentView('alice.ng')).toMatchObject({ state: 'WrapUp', contactId: null });
    await t.api().post('/api/agents/alice.ng/wrap-up').send({ reason: 'Wrong number' }).expect(200);
    const again = await t.api().post('/api/agents/alice.ng/callbacks').send({ number: '+12015550124' });
    expect(again.status).toBe(201);
  });
});
