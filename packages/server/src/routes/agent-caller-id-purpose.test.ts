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

const bilal = () => t.api({ token: OTHER_AGENT.token });
const AGENT = '/api/agents/bilal.khan';
const MAIN = '+12125550100';
const SUPPORT = '+12125550101';

interface LogEntry {
  direction: string;
  type: string;
  detail: { to?: string; callerId?: string; callerIdName?: string; purpose?: string };
}

/** The dial the host carried out for the contact, once its outbound whisper has played. */
async function dialled(contactId: string): Promise<LogEntry['detail'] | undefined> {
  const log = await eventually(
    () => t.api().get(`/api/contacts/${contactId}/log`).expect(200),
    (r) => r.body.entries.some((e: LogEntry) => e.direction === 'command' && e.type === 'dial'),
  );
  return log.body.entries.find((e: LogEntry) => e.direction === 'command' && e.type === 'dial')?.detail;
}

describe('the caller-ID preview names the call it foresees (purpose)', () => {
  it('purpose=callback during a connected call answers what placing the pending callback dials', async () => {
    // bilal is on a billing call; his callback goes out through billing's outbound whisper, whose Call
    // phone number block fixes "main" over his pick. A transfer during the call plays no whisper.
    await billingCallConnectedTo(t);
    const ask = (purpose?: string) =>
      bilal().get(
        `${AGENT}/caller-id?to=%2B13125550177&callerId=support${purpose ? `&purpose=${purpose}` : ''}`,
      );
    const asTransfer = await ask().expect(200);
    expect(asTransfer.body).toMatchObject({ rule: 'agentChoice', number: SUPPORT });
    expect((await ask('transfer').expect(200)).body).toEqual(asTransfer.body);

    const preview = await ask('callback').expect(200);
    expect(preview.body).toMatchObject({
      rule: 'outboundWhisper',
      number: MAIN,
      rejected: [{ candidate: 'support', number: SUPPORT }],
    });

    await bilal().put(`${AGENT}/pending-callback`).send({ number: '(312) 555-0177' }).expect(200);
    const placed = await bilal()
      .post(`${AGENT}/pending-callback/place`)
      .send({ callerId: 'support' })
      .expect(201);
    expect(placed.body.callerId).toEqual(preview.body);
    const dial = await dialled(placed.body.id);
    expect(dial).toMatchObject({ to: '+13125550177', callerId: preview.body.number });
    expect(dial?.callerIdName).toBe(preview.body.name);
    // The simulator's own record of the leg it dialled.
    expect(t.service.host.telephony.dials(placed.body.id)).toEqual([
      expect.objectContaining({ to: '+13125550177', callerId: MAIN, purpose: 'agentOutbound' }),
    ]);
  });

  it('purpose=consult tells the consult leg’s caller ID; an unknown purpose is a coded 400', async () => {
    const none = await bilal().get(`${AGENT}/caller-id?to=%2B13125550177&purpose=consult`).expect(409);
    expect(none.body).toMatchObject({ code: 'no_connected_call', details: { purpose: 'consult' } });
    // Outside a call, an outbound call is foreseen: no purpose is needed.
    const outbound = await bilal().get(`${AGENT}/caller-id?to=%2B13125550177`).expect(200);
    const asked = await bilal().get(`${AGENT}/caller-id?to=%2B13125550177&purpose=outbound`).expect(200);
    expect(asked.body).toEqual(outbound.body);

    await billingCallConnectedTo(t);
    const preview = await bilal().get(`${AGENT}/caller-id?to=%2B13125550188&purpose=consult`).expect(200);
    expect(preview.body).toMatchObject({ rule: 'queue', number: MAIN, rejected: [] });
    const started = await bilal()
      .post(`${AGENT}/consult`)
      .send({ to: { number: '(312) 555-0188' } })
      .expect(201);
    expect(started.body.consult.callerId).toEqual(preview.body);

    for (const bad of ['inbound', 'CALLBACK', '']) {
      const res = await bilal().get(`${AGENT}/caller-id?to=%2B13125550177&purpose=${bad}`).expect(400);
      expect(res.body).toMatchObject({ code: 'invalid_query', details: { parameter: 'purpose' } });
    }
  });
});
