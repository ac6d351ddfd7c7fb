import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

// Monday 10:00 in New York: the sales line is open.
const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));
const PIN = '9753';

let t: TestService;
beforeEach(async () => {
  t = await startTestService({ service: { clock: frozen() } });
  // Each with the flows it needs (the queues' customer-queue and whisper flows).
  for (const id of ['after-hours', 'verify-caller', 'outbound-whisper', 'sales-inbound'])
    await t.api().post(`/api/flows/${id}/publish`).send({ withDependencies: true }).expect(201);
});
afterEach(async () => {
  await t.close();
});

interface ContactBody {
  contactId: string;
  block: string | null;
  stack: { flowId: string; block: string }[];
  system: Record<string, unknown>;
}

const contact = async (id: string): Promise<ContactBody> =>
  (await t.api('viewer').get(`/api/contacts/${id}`).expect(200)).body;
const atBlock = (id: string, block: string) =>
  eventually(
    () => contact(id),
    (c) => c.block === block,
  );
const press = async (id: string, digits: string): Promise<ContactBody> =>
  (await t.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits }).expect(200)).body.state;

/** Every view of the contact a viewer can read: none may hold the PIN. */
async function expectNoPin(id: string): Promise<void> {
  const views = {
    contact: (await t.api('viewer').get(`/api/contacts/${id}`).expect(200)).body,
    list: (await t.api('viewer').get('/api/contacts').expect(200)).body,
    trace: (await t.api('viewer').get(`/api/contacts/${id}/trace`).expect(200)).body,
    log: (await t.api('viewer').get(`/api/contacts/${id}/log`).expect(200)).body,
  };
  for (const [name, body] of Object.entries(views)) expect(JSON.stringify(body), name).not.toContain(PIN);
}

describe('a module’s secure PIN in the contact API (sample flows)', () => {
  it('is masked while the module runs and after it returns, $lastDigits included', async () => {
    const { body } = await t.api().post('/api/contacts').send({ flow: 'sales-inbound', to: '+12125550111' });
    const id = body.contactId as string;
    await atBlock(id, 'sales-menu');
    await press(id, '2');
    await atBlock(id, 'enter-account');
    await press(id, '12345678#');
    const asking = await atBlock(id, 'ask-pin');
    expect(asking.stack.at(-1)?.flowId).toBe('verify-caller');

    // The step that takes the PIN answers with the contact inside the module, at the CRM check.
    const during = await press(id, `${PIN}#`);
    expect(during.stack.at(-1)).toMatchObject({ flowId: 'verify-caller', block: 'check-pin' });
    expect(during.system.lastDigits).toBe('•••');
    expect(JSON.stringify(during)).not.toContain(PIN);
    await expectNoPin(id);

    // The CRM cannot be reached from a test: the module returns "not verified" and the call queues.
    const after = await eventually(
      () => contact(id),
      (c) => !c.stack.some((f) => f.flowId === 'verify-caller'),
    );
    expect(after.stack.map((f) => f.flowId)).not.toContain('verify-caller');
    expect(after.system.lastDigits).toBe('•••');
    await expectNoPin(id);
  });
});
