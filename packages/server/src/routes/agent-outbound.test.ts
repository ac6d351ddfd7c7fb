import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

// Time stands still: nothing rings out or ends unless a test says so.
const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));

let t: TestService;
beforeEach(async () => {
  t = await startTestService({ service: { clock: frozen() } });
  await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
});
afterEach(async () => {
  await t.close();
});

const placeCall = (agent: string, number = '+12015550123') =>
  t.api().post(`/api/agents/${agent}/callbacks`).send({ number });

async function agentView(name: string) {
  const res = await t.api().get('/api/agents').expect(200);
  return res.body.find((a: { name: string }) => a.name === name);
}

/** Nothing was placed: no callback request, no contact, the agent unchanged. */
async function expectNothingPlaced(agent: string, state: string): Promise<void> {
  expect((await t.api().get('/api/callbacks').expect(200)).body).toEqual([]);
  expect(t.service.host.activeContacts().filter((c) => c.kind === 'agentOutbound')).toEqual([]);
  expect(await agentView(agent)).toMatchObject({ state, contactId: null });
}

describe('POST /api/agents/:name/callbacks and the agent state', () => {
  it('refuses an Offline agent with 409 agent_not_available, and places nothing', async () => {
    const res = await placeCall('alice.ng').expect(409);
    expect(res.body).toMatchObject({
      code: 'agent_not_available',
      details: { name: 'alice.ng', state: 'Offline', reason: 'AGENT_NOT_AVAILABLE' },
    });
    await expectNothingPlaced('alice.ng', 'Offline');
  });

  it('refuses an agent in RONA', async () => {
    await t.api().post('/api/callbacks').send({ number: '+12015550124', queue: 'billing' }).expect(201);
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    await t.api().post('/api/agents/bilal.khan/reject').expect(200);
    expect((await agentView('bilal.khan')).state).toBe('RONA');
    const res = await placeCall('bilal.khan').expect(409);
    expect(res.body).toMatchObject({ code: 'agent_not_available', details: { state: 'RONA' } });
  });

  it('refuses an agent in wrap-up, and places the call once they are Available again', async () => {
    await billingCallConnectedTo(t);
    await t.api().post('/api/agents/bilal.khan/hangup').expect(200);
    const res = await placeCall('bilal.khan').expect(409);
    expect(res.body).toMatchObject({ code: 'agent_not_available', details: { state: 'WrapUp' } });
    await t.api().post('/api/agents/bilal.khan/wrap-up').send({ reason: 'Resolved' }).expect(200);
    const placed = await placeCall('bilal.khan').expect(201);
    expect(await agentView('bilal.khan')).toMatchObject({ state: 'Busy', contactId: placed.body.id });
  });

  it('refuses an agent on a call with 409 agent_busy', async () => {
    await billingCallConnectedTo(t);
    const res = await placeCall('bilal.khan').expect(409);
    expect(res.body.code).toBe('agent_busy');
  });

  it.each(['Available', 'Busy'])('places the call of an agent who is %s', async (state) => {
    await t.api().post('/api/agents/alice.ng/state').send({ state }).expect(200);
    const placed = await placeCall('alice.ng').expect(201);
    expect(placed.body).toMatchObject({ kind: 'agent', number: '+12015550123' });
    expect(await agentView('alice.ng')).toMatchObject({ state: 'Busy', contactId: placed.body.id });
  });
});
