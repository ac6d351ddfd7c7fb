import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { queuedBillingCall } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const agentView = async (service: TestService, name: string) =>
  (await service.api().get('/api/agents').expect(200)).body.find((a: { name: string }) => a.name === name);

describe('the simulated clock under test control', () => {
  it('skips forward to the end of a ring: the offer times out at once, the agent is RONA and the call back in its queue', async () => {
    t = await startTestService({ env: { CALLFLOW_SIM_CLOCK_CONTROL: 'on' } });
    const service = t;
    const contactId = await queuedBillingCall(service);
    await service.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    expect((await agentView(service, 'bilal.khan')).offer).toMatchObject({ contactId });
    const before = Date.now();
    // The billing queue rings for 20 s: 30 s later the offer has timed out.
    const skipped = await service.api().post('/api/sim/clock').send({ skipSeconds: 30 }).expect(200);
    expect(Date.parse(skipped.body.now)).toBeGreaterThanOrEqual(before + 30_000);
    const rona = await eventually(
      () => agentView(service, 'bilal.khan'),
      (agent) => agent.state === 'RONA',
    );
    expect(rona).toMatchObject({ state: 'RONA', offer: null });
    const contact = await service.api().get(`/api/contacts/${contactId}`).expect(200);
    expect(contact.body.status).toBe('queued');
  });

  it('is refused without CALLFLOW_SIM_CLOCK_CONTROL=on, and to everyone but admins', async () => {
    t = await startTestService();
    const refused = await t.api().post('/api/sim/clock').send({ skipSeconds: 30 }).expect(409);
    expect(refused.body.code).toBe('clock_control_off');
    const editor = await t.api('editor').post('/api/sim/clock').send({ skipSeconds: 30 }).expect(403);
    expect(editor.body.code).toBe('forbidden');
  });

  it('takes whole seconds from 1 to a day', async () => {
    t = await startTestService({ env: { CALLFLOW_SIM_CLOCK_CONTROL: 'on' } });
    for (const skipSeconds of [0, -5, 1.5, 86_401, '30']) {
      const res = await t.api().post('/api/sim/clock').send({ skipSeconds }).expect(400);
      expect(res.body).toMatchObject({
        code: 'invalid_body',
        details: { problems: [{ path: '/skipSeconds' }] },
      });
    }
  });
});

describe('CALLFLOW_SIM_CLOCK_CONTROL', () => {
  const defaults = { flowsDir: '/tmp/flows', editorDist: '/tmp/editor' };
  it('is off unless set, and refused with Twilio: a real call never runs on a skipped clock', () => {
    expect(loadConfig([], {}, defaults).simClockControl).toBe(false);
    expect(loadConfig([], { CALLFLOW_SIM_CLOCK_CONTROL: 'on' }, defaults).simClockControl).toBe(true);
    expect(() => loadConfig([], { CALLFLOW_SIM_CLOCK_CONTROL: 'yes' }, defaults)).toThrow(/"on" or "off"/);
    const twilio = {
      CALLFLOW_TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      CALLFLOW_TWILIO_AUTH_TOKEN: 'auth-token-0123456789',
      CALLFLOW_TWILIO_PUBLIC_URL: 'https://voice.example.com/twilio',
    };
    expect(() => loadConfig([], { ...twilio, CALLFLOW_SIM_CLOCK_CONTROL: 'on' }, defaults)).toThrow(
      /CALLFLOW_SIM_CLOCK_CONTROL is for the simulated service/,
    );
  });
});
