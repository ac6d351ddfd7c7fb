import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { eventually, SECRET_PIN } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

const T0 = Date.parse('2026-01-05T15:00:00Z');

/** Welcome, a secure PIN set, a menu (1: the billing queue, 2: goodbye). */
const FLOW = {
  formatVersion: 1,
  id: 'traffic',
  name: 'Traffic',
  type: 'inbound',
  start: 'welcome',
  variables: { pin: { type: 'string', label: 'PIN', secure: true } },
  blocks: {
    welcome: {
      type: 'playPrompt',
      settings: { prompt: { text: 'Hello' } },
      next: { success: 'set-pin', error: 'set-pin' },
    },
    'set-pin': {
      type: 'setVariables',
      settings: { assignments: [{ variable: 'pin', value: { value: SECRET_PIN } }] },
      next: { success: 'menu', error: 'menu' },
    },
    menu: {
      type: 'menu',
      settings: {
        prompt: { text: 'Press 1 or 2' },
        options: [{ digit: '1' }, { digit: '2' }],
        timeoutSeconds: 60,
        retries: 0,
      },
      next: { '1': 'pick', '2': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    },
    pick: { type: 'setWorkingQueue', settings: { queue: 'billing' }, next: { success: 'go', error: 'bye' } },
    go: { type: 'transferToQueue', settings: {}, next: { atCapacity: 'bye', error: 'bye' } },
    bye: { type: 'disconnect', settings: {} },
  },
};

let now = T0;
let t: TestService;
beforeEach(async () => {
  now = T0;
  // The service's clock moves only when a test moves it: times in blocks are exact.
  t = await startTestService({ service: { clock: new WallClock(() => now) } });
});
afterEach(async () => {
  await t.close();
});

const contact = (id: string) => t.api().get(`/api/contacts/${id}`);
const send = (id: string, event: Record<string, unknown>) =>
  t.api().post(`/api/contacts/${id}/events`).send(event).expect(200);

async function publish(): Promise<void> {
  const put = await t.api().put('/api/flows/traffic').set('If-None-Match', '*').send(FLOW);
  expect(put.status).toBe(201);
  await t.api().post('/api/flows/traffic/publish').send({ withDependencies: true }).expect(201);
}

/** A simulated call that reaches the menu and waits there for a key. */
async function callToMenu(): Promise<string> {
  const { body } = await t
    .api()
    .post('/api/contacts')
    .send({ flow: 'traffic', from: '+12015550199', to: '+12125550101' })
    .expect(201);
  const id = body.contactId as string;
  await eventually(
    () => contact(id),
    (r) => r.body.block === 'menu' && r.body.timers.length > 0,
  );
  return id;
}

const traffic = (query = '') => t.api().get(`/api/flows/traffic/traffic${query}`);
const none = { hungUp: 0, left: 0, ended: 0, inBlock: 0 };

describe('GET /api/flows/:id/traffic', () => {
  it('counts the calls that entered each block, took each outcome, hung up there, and their time', async () => {
    await publish();
    const calls = [];
    for (let i = 0; i < 5; i += 1) calls.push(await callToMenu());
    const [hangA, hangB, goodbye, queuedA, queuedB] = calls as [string, string, string, string, string];
    now = T0 + 5_000;
    await send(hangA, { type: 'hangUp' });
    await send(hangB, { type: 'hangUp' });
    await send(goodbye, { type: 'digits', digits: '2' });
    await send(queuedA, { type: 'digits', digits: '1' });
    await send(queuedB, { type: 'digits', digits: '1' });
    for (const id of [queuedA, queuedB])
      await eventually(
        () => contact(id),
        (r) => r.body.status === 'queued',
      );
    // 15 s in the queue, the first caller is taken by an agent; the second hangs up after 30 s.
    now = T0 + 20_000;
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    await t.api().post('/api/agents/bilal.khan/accept').expect(200);
    await eventually(
      () => contact(queuedA),
      (r) => r.body.status === 'connected',
    );
    now = T0 + 35_000;
    await send(queuedB, { type: 'hangUp' });
    // The connected caller hangs up later: not in any block of the flow any more.
    now = T0 + 90_000;
    await send(queuedA, { type: 'hangUp' });

    const res = await traffic(`?from=2026-01-05T14:00:00Z&to=2026-01-05T16:00:00Z`).expect(200);
    const instant = { count: 5, totalMs: 0, meanMs: 0, p90Ms: 0 };
    expect(res.body).toEqual({
      flowId: 'traffic',
      version: 1,
      from: '2026-01-05T14:00:00.000Z',
      to: '2026-01-05T16:00:00.000Z',
      calls: 5,
      blocks: {
        welcome: { ...none, entered: 5, outcomes: { success: 5 }, time: instant },
        'set-pin': { ...none, entered: 5, outcomes: { success: 5 }, time: instant },
        menu: {
          ...none,
          entered: 5,
          outcomes: { '1': 2, '2': 1 },
          hungUp: 2,
          time: { count: 5, totalMs: 25_000, meanMs: 5_000, p90Ms: 5_000 },
        },
        pick: { ...none, entered: 2, outcomes: { success: 2 }, time: { ...instant, count: 2 } },
        go: {
          ...none,
          entered: 2,
          outcomes: {},
          hungUp: 1,
          left: 1,
          time: { count: 2, totalMs: 45_000, meanMs: 22_500, p90Ms: 30_000 },
        },
        bye: { ...none, entered: 1, outcomes: {}, ended: 1, time: { ...instant, count: 1 } },
      },
    });
    // Counts only: the secure value the calls set is nowhere, nor any caller's number.
    expect(JSON.stringify(res.body)).not.toContain(SECRET_PIN);
    expect(JSON.stringify(res.body)).not.toContain('+1201');
    // The default period is the day before the service's clock: the same calls.
    expect((await traffic().expect(200)).body.calls).toBe(5);
    // A period before the calls counts none of them.
    const before = await traffic('?from=2026-01-05T10:00:00Z&to=2026-01-05T14:59:59Z').expect(200);
    expect(before.body).toMatchObject({ calls: 0, blocks: {} });
  });

  it('counts a call still in a block as there now, and each version apart', async () => {
    await publish();
    await callToMenu();
    const first = await traffic().expect(200);
    expect(first.body.blocks.menu).toMatchObject({ entered: 1, inBlock: 1, time: { count: 0 } });
    const saved = await t.api().get('/api/flows/traffic');
    await t
      .api()
      .put('/api/flows/traffic')
      .set('If-Match', saved.body.etag)
      .send({ ...FLOW, name: 'Traffic 2' })
      .expect(200);
    await t.api().post('/api/flows/traffic/publish').expect(201);
    await callToMenu();
    await callToMenu();
    expect((await traffic().expect(200)).body).toMatchObject({ version: 2, calls: 2 });
    expect((await traffic('?version=1').expect(200)).body).toMatchObject({ version: 1, calls: 1 });
  });

  it('refuses bad periods, versions and flows with catalogued codes', async () => {
    const unpublishedOrMissing = await traffic().expect(404);
    expect(unpublishedOrMissing.body.code).toBe('flow_not_found');
    await t.api().put('/api/flows/traffic').set('If-None-Match', '*').send(FLOW).expect(201);
    expect((await traffic().expect(409)).body.code).toBe('flow_not_published');
    await t.api().post('/api/flows/traffic/publish').send({ withDependencies: true }).expect(201);

    const bad = async (query: string, status: number, code: string, parameter?: string) => {
      const res = await traffic(query).expect(status);
      expect(res.body.code).toBe(code);
      if (parameter) expect(res.body.details.parameter).toBe(parameter);
    };
    await bad('?from=yesterday', 400, 'invalid_period', 'from');
    await bad('?to=2026-13-45T99:00:00Z', 400, 'invalid_period', 'to');
    // A date-time without its zone would mean another instant on another server.
    await bad('?from=2026-01-05T10:00:00', 400, 'invalid_period', 'from');
    await bad('?from=2026-01-05T16:00:00Z&to=2026-01-05T15:00:00Z', 400, 'invalid_period', 'from');
    await bad('?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'invalid_period', 'from');
    await bad('?version=two', 400, 'invalid_version');
    await bad('?version=0', 400, 'invalid_version');
    await bad('?version=7', 404, 'version_not_found');
    await bad('?from=1&from=2', 400, 'invalid_query', 'from');
    expect((await t.api().get('/api/flows/Not_A_Flow/traffic').expect(400)).body.code).toBe(
      'invalid_flow_id',
    );
  });

  it('answers the designer roles, not agents', async () => {
    await publish();
    await traffic().expect(200);
    for (const role of ['editor', 'viewer'] as const) {
      await t.api(role).get('/api/flows/traffic/traffic').expect(200);
    }
    const agent = await t.api('agent').get('/api/flows/traffic/traffic').expect(403);
    expect(agent.body.code).toBe('forbidden');
  });
});
