import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

/** What the caller types: eight digits, so no id or timestamp contains it by chance. */
const ACCOUNT = '48151623';
/** A secure variable's declared default, never set during the call. */
const BRANCH = '77553311';

/**
 * A caller types an account number; a Log to the contact trace block writes it; the call queues for
 * billing, where an agent is offered it (the popover lists the account) and takes it (the desktop's
 * call data shows it). `secure` is the only difference between the two runs below.
 */
function accountLine(secure: boolean) {
  return {
    formatVersion: 1,
    id: 'account-line',
    name: 'Account line',
    type: 'inbound',
    start: 'ask',
    variables: {
      account: { type: 'string', label: 'Account', agentViewable: true, ...(secure ? { secure: true } : {}) },
      // Never set by the flow: the desktop falls back to the declared default, which is secure too.
      branch: {
        type: 'string',
        label: 'Branch',
        agentViewable: true,
        default: BRANCH,
        ...(secure ? { secure: true } : {}),
      },
    },
    blocks: {
      ask: {
        type: 'getDigits',
        settings: {
          prompt: { text: 'Your account number, then hash.' },
          variable: 'account',
          minDigits: 8,
          maxDigits: 8,
          timeoutSeconds: 30,
          terminator: '#',
          retries: 0,
        },
        next: { success: 'note', timeout: 'bye', invalid: 'bye', error: 'bye' },
      },
      note: {
        type: 'logToTrace',
        settings: { message: 'account {{account}} identified' },
        next: { success: 'pick' },
      },
      pick: {
        type: 'setWorkingQueue',
        settings: { queue: 'billing' },
        next: { success: 'go', error: 'bye' },
      },
      go: { type: 'transferToQueue', settings: {}, next: { atCapacity: 'bye', error: 'bye' } },
      bye: { type: 'disconnect', settings: {} },
    },
  };
}

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

/** Runs one call through every path that shows a value; returns what each path answered, as text. */
async function everyPath(secure: boolean): Promise<Record<string, string>> {
  await t
    .api()
    .put('/api/flows/account-line')
    .set('If-None-Match', '*')
    .send(accountLine(secure))
    .expect(201);
  await t.api().post('/api/flows/account-line/publish').send({ withDependencies: true }).expect(201);
  const { body } = await t
    .api()
    .post('/api/contacts')
    .send({ flow: 'account-line', from: '+12015550199', to: '+12125550101' })
    .expect(201);
  const id = body.contactId as string;
  await eventually(
    () => t.api().get(`/api/contacts/${id}`),
    (r) => r.body.block === 'ask',
  );
  const pressed = await t
    .api()
    .post(`/api/contacts/${id}/events`)
    .send({ type: 'digits', digits: `${ACCOUNT}#` });
  await eventually(
    () => t.api().get(`/api/contacts/${id}`),
    (r) => r.body.status === 'queued',
  );
  await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
  const offered = await eventually(
    () => t.api().get('/api/agents/bilal.khan'),
    (r) => r.body.offer?.contactId === id,
  );
  await t.api().post('/api/agents/bilal.khan/accept').expect(200);
  await eventually(
    () => t.api().get(`/api/contacts/${id}`),
    (r) => r.body.status === 'connected',
  );
  const text = async (url: string) => JSON.stringify((await t.api('viewer').get(url).expect(200)).body);
  const trace = (await t.api('viewer').get(`/api/contacts/${id}/trace`).expect(200)).body as {
    entries: { log?: string }[];
  };
  return {
    'the answer to the keys': JSON.stringify(pressed.body),
    'the contact view': await text(`/api/contacts/${id}`),
    'the contact list': await text('/api/contacts'),
    'the trace': JSON.stringify(trace),
    'the Log block line': JSON.stringify(trace.entries.flatMap((e) => e.log ?? [])),
    'the call log (the simulator transcript of a call on the service)': await text(`/api/contacts/${id}/log`),
    'the popover of the offer': JSON.stringify(offered.body.offer?.popover ?? null),
    "the desktop's call data": await text('/api/agents/bilal.khan/contact'),
  };
}

describe('marking a variable secure', () => {
  it('shows the value on every path while it is not secure', async () => {
    const paths = await everyPath(false);
    // Each path really carries the value: the run below proves something only if this holds.
    for (const [path, answer] of Object.entries(paths)) expect(answer, path).toContain(ACCOUNT);
    expect(paths["the desktop's call data"]).toContain(BRANCH);
  });

  it('masks it on every path with no other change than `secure: true`', async () => {
    const paths = await everyPath(true);
    for (const [path, answer] of Object.entries(paths)) {
      expect(answer, path).not.toContain(ACCOUNT);
      expect(answer, path).not.toContain(BRANCH);
    }
    expect(paths['the Log block line']).toContain('account ••• identified');
  });
});
