import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, TEST_AGENT, type TestService } from '../test-support/temp-service.js';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

const MAIN = '+12125550100';
const SUPPORT = '+12125550101';
const OVERRIDDEN = {
  candidate: 'support',
  number: SUPPORT,
  why: 'overridden by the outbound whisper flow outbound-whisper',
};

interface LogEntry {
  direction: string;
  type: string;
  detail: { to?: string; callerId?: string; callerIdName?: string };
}

/** The dial command the host carried out for the contact (its call log), once the whisper has played. */
async function dialled(contactId: string): Promise<LogEntry['detail'] | undefined> {
  const log = await eventually(
    () => t.api().get(`/api/contacts/${contactId}/log`).expect(200),
    (r) => r.body.entries.some((e: LogEntry) => e.direction === 'command' && e.type === 'dial'),
  );
  return log.body.entries.find((e: LogEntry) => e.direction === 'command' && e.type === 'dial')?.detail;
}

async function placedDecision(contactId: string) {
  const trace = await t.api().get(`/api/contacts/${contactId}/trace`).expect(200);
  return trace.body.entries.find((e: { callerId?: unknown }) => e.callerId)?.callerId;
}

/**
 * The sample queues' outbound whisper fixes the caller ID to `main` (its Call phone number block, the
 * admin's explicit choice): what the agent is told before and after placing must be what is dialled.
 */
describe("an outbound whisper's Call phone number overrides the agent's pick, and everything says so", () => {
  it('an outbound call: preview = placement answer = dialled = trace', async () => {
    await t.api().post('/api/flows/outbound-whisper/publish').send({}).expect(201);
    await t.api('agent').post(`/api/agents/${TEST_AGENT}/state`).send({ state: 'Available' }).expect(200);
    const preview = await t
      .api('agent')
      .get(`/api/agents/${TEST_AGENT}/caller-id?to=%2B13125550166&callerId=support`)
      .expect(200);
    expect(preview.body).toMatchObject({
      rule: 'outboundWhisper',
      number: MAIN,
      name: 'Northwind Outfitters',
      rejected: [OVERRIDDEN],
    });
    expect(preview.body.mayOverride).toBeUndefined();

    const placed = await t
      .api('agent')
      .post(`/api/agents/${TEST_AGENT}/callbacks`)
      .send({ number: '(312) 555-0166', callerId: 'support' })
      .expect(201);
    expect(placed.body.callerId).toEqual(preview.body);

    expect(await dialled(placed.body.id)).toMatchObject({
      to: '+13125550166',
      callerId: MAIN,
      callerIdName: 'Northwind Outfitters',
    });
    expect(await placedDecision(placed.body.id)).toMatchObject({
      rule: 'outboundWhisper',
      number: MAIN,
      rejected: [OVERRIDDEN],
    });
  });

  it('a callback the agent places after prompting the customer: answer = dialled = trace', async () => {
    // bilal.khan's default outbound queue is billing, whose outbound whisper is the same flow.
    const call = await billingCallConnectedTo(t);
    expect(call).toBeTruthy();
    await t
      .api()
      .put('/api/agents/bilal.khan/pending-callback')
      .send({ number: '(312) 555-0177' })
      .expect(200);
    const placed = await t
      .api()
      .post('/api/agents/bilal.khan/pending-callback/place')
      .send({ callerId: 'support' })
      .expect(201);
    expect(placed.body.callerId).toMatchObject({
      rule: 'outboundWhisper',
      number: MAIN,
      rejected: [OVERRIDDEN],
    });
    expect(await dialled(placed.body.id)).toMatchObject({ to: '+13125550177', callerId: MAIN });
    const decision = await placedDecision(placed.body.id);
    expect(decision).toMatchObject({ rule: 'outboundWhisper', number: MAIN, rejected: [OVERRIDDEN] });
    expect(placed.body.callerId.reason).toBe(decision.reason);
  });

  it('a whisper that reads the number from a variable: the answer says it may override, as data', async () => {
    // The campaign branch reads campaignCallerId when the call runs: not knowable beforehand.
    const flow = (await t.api().get('/api/flows/outbound-whisper').expect(200)).body;
    const saved = await t
      .api()
      .put('/api/flows/outbound-whisper')
      .set('If-Match', flow.etag)
      .send({
        ...flow.flow,
        variables: { campaignCallerId: { ...flow.flow.variables.campaignCallerId, default: '+16175550120' } },
      });
    expect(saved.status).toBe(200);
    await t.api().post('/api/flows/outbound-whisper/publish').send({}).expect(201);
    const preview = await t
      .api('agent')
      .get(`/api/agents/${TEST_AGENT}/caller-id?to=%2B13125550166&callerId=support`)
      .expect(200);
    expect(preview.body).toMatchObject({
      rule: 'agentChoice',
      number: SUPPORT,
      mayOverride: { flow: 'outbound-whisper', block: 'campaign-caller-id' },
    });
  });
});
