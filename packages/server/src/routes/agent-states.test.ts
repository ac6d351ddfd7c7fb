import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { billingCallConnectedTo, queuedBillingCall } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

// Time stands still: an offer never rings out and a dialled customer never answers on their own, so
// every state below stays until a request moves the agent.
const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));

let t: TestService;
beforeEach(async () => {
  t = await startTestService({ service: { clock: frozen() } });
  await t.api().post('/api/flows/outbound-whisper/publish').expect(201);
});
afterEach(async () => {
  await t.close();
});

const post = (path: string, body?: object) => {
  const req = t.api().post(path);
  return body ? req.send(body) : req;
};

async function agentView(name: string) {
  const res = await t.api().get('/api/agents').expect(200);
  return res.body.find((a: { name: string }) => a.name === name);
}

/** A request of the agent's desktop, which must succeed. */
type Step = 'Available' | 'Offline' | 'Busy' | 'reject' | 'hangup' | 'wrap-up';
async function take(agent: string, step: Step): Promise<void> {
  if (step === 'Available' || step === 'Offline' || step === 'Busy')
    await post(`/api/agents/${agent}/state`, { state: step }).expect(200);
  else if (step === 'wrap-up') await post(`/api/agents/${agent}/wrap-up`, { reason: 'Resolved' }).expect(200);
  else await post(`/api/agents/${agent}/${step}`).expect(200);
}

interface AgentStateCase {
  /** The agent the case is about. */
  agent: string;
  /** Puts the agent in the state, over the API. */
  setup: () => Promise<void>;
  /** What `GET /api/agents` shows then. */
  shows: Record<string, unknown>;
  toAvailable: Step[];
  toOffline: Step[];
}

const webCallback = () =>
  post('/api/callbacks', { name: 'Ann', number: '+12015550123', queue: 'billing' }).expect(201);

const CASES: Record<string, AgentStateCase> = {
  Offline: {
    agent: 'bilal.khan',
    setup: async () => {},
    shows: { state: 'Offline' },
    toAvailable: ['Available'],
    toOffline: ['Offline'],
  },
  Available: {
    agent: 'bilal.khan',
    setup: () => take('bilal.khan', 'Available'),
    shows: { state: 'Available', offer: null },
    toAvailable: ['Available'],
    toOffline: ['Offline'],
  },
  'Busy (set by hand)': {
    agent: 'bilal.khan',
    setup: () => take('bilal.khan', 'Busy'),
    shows: { state: 'Busy', contactId: null },
    toAvailable: ['Available'],
    toOffline: ['Offline'],
  },
  'offered a queued call': {
    agent: 'bilal.khan',
    setup: async () => {
      await queuedBillingCall(t);
      await take('bilal.khan', 'Available');
    },
    shows: { state: 'Available', offer: { queue: 'billing' } },
    toAvailable: ['reject', 'Available'],
    toOffline: ['Offline'],
  },
  'offered a callback': {
    agent: 'bilal.khan',
    setup: async () => {
      await webCallback();
      await take('bilal.khan', 'Available');
    },
    shows: { state: 'Available', offer: { queue: 'billing', title: 'Callback' } },
    toAvailable: ['reject', 'Available'],
    toOffline: ['Offline'],
  },
  'offered a call a colleague transferred to them': {
    agent: 'alice.ng',
    setup: async () => {
      await billingCallConnectedTo(t);
      await take('alice.ng', 'Available');
      await post('/api/agents/bilal.khan/transfer', { to: { agent: 'alice.ng' } }).expect(200);
    },
    shows: { state: 'Available', offer: { queue: 'billing' } },
    toAvailable: ['reject', 'Available'],
    toOffline: ['Offline'],
  },
  RONA: {
    agent: 'bilal.khan',
    setup: async () => {
      await queuedBillingCall(t);
      await take('bilal.khan', 'Available');
      await take('bilal.khan', 'reject');
    },
    shows: { state: 'RONA', offer: null },
    toAvailable: ['Available'],
    toOffline: ['Offline'],
  },
  'Busy on a call': {
    agent: 'bilal.khan',
    setup: async () => {
      await billingCallConnectedTo(t);
    },
    shows: { state: 'Busy', offer: null },
    toAvailable: ['hangup', 'wrap-up'],
    toOffline: ['hangup', 'Offline'],
  },
  'Busy on a callback they accepted, still dialling': {
    agent: 'bilal.khan',
    setup: async () => {
      const { body } = await webCallback();
      await take('bilal.khan', 'Available');
      await post('/api/agents/bilal.khan/accept').expect(200);
      await eventually(
        async () => t.service.host.snapshot(body.id)?.callback?.phase,
        (phase) => phase === 'dialling',
      );
    },
    shows: { state: 'Busy', offer: null },
    toAvailable: ['hangup', 'wrap-up'],
    toOffline: ['hangup', 'Offline'],
  },
  'Busy on their own call, still ringing': {
    agent: 'bilal.khan',
    setup: async () => {
      await take('bilal.khan', 'Available');
      await post('/api/agents/bilal.khan/callbacks', { number: '+12015550123' }).expect(201);
    },
    shows: { state: 'Busy', offer: null },
    toAvailable: ['hangup', 'wrap-up'],
    toOffline: ['hangup', 'Offline'],
  },
  WrapUp: {
    agent: 'bilal.khan',
    setup: async () => {
      await billingCallConnectedTo(t);
      await take('bilal.khan', 'hangup');
    },
    shows: { state: 'WrapUp', contactId: null },
    toAvailable: ['wrap-up'],
    toOffline: ['Offline'],
  },
  'WrapUp after transferring a call to a queue': {
    agent: 'bilal.khan',
    setup: async () => {
      await billingCallConnectedTo(t);
      await post('/api/agents/bilal.khan/transfer', { to: { queue: 'support' } }).expect(200);
    },
    shows: { state: 'WrapUp', contactId: null },
    toAvailable: ['wrap-up'],
    toOffline: ['Offline'],
  },
};

/** No live contact still counts on the agent: not offered to them, not connected to them. */
function contactsHeldBy(agent: string): string[] {
  return t.service.host
    .activeContacts()
    .filter((c) => c.queue?.offer?.agent === agent || c.queue?.agent === agent || c.callback?.agent === agent)
    .map((c) => `${c.contactId} (${c.status})`);
}

describe('every agent state has a way back to Available and to Offline over the API', () => {
  describe.each(Object.entries(CASES))('%s', (_name, c) => {
    it(`to Available`, async () => {
      await c.setup();
      expect(await agentView(c.agent)).toMatchObject(c.shows);
      for (const step of c.toAvailable) await take(c.agent, step);
      const view = await agentView(c.agent);
      expect(view.state).toBe('Available');
      // Available and free, or already offered the next contact waiting (the same call, back in its queue).
      if (view.offer === null) expect(view.contactId).toBeNull();
      expect(contactsHeldBy(c.agent).length).toBeLessThanOrEqual(view.offer === null ? 0 : 1);
    });

    it(`to Offline`, async () => {
      await c.setup();
      expect(await agentView(c.agent)).toMatchObject(c.shows);
      for (const step of c.toOffline) await take(c.agent, step);
      expect(await agentView(c.agent)).toMatchObject({ state: 'Offline', contactId: null, offer: null });
      expect(contactsHeldBy(c.agent)).toEqual([]);
      // An Offline agent has nothing to accept, hang up or transfer, and places no call.
      expect((await post(`/api/agents/${c.agent}/accept`).expect(409)).body.code).toBe('no_offer');
      expect((await post(`/api/agents/${c.agent}/hangup`).expect(409)).body.code).toBe('no_connected_call');
      const transfer = await post(`/api/agents/${c.agent}/transfer`, { to: { queue: 'support' } }).expect(
        409,
      );
      expect(transfer.body.code).toBe('transfer_refused');
      const call = await post(`/api/agents/${c.agent}/callbacks`, { number: '+12015550124' }).expect(409);
      expect(call.body.code).toBe('agent_not_available');
      // The agent comes back Available with a request.
      await take(c.agent, 'Available');
    });
  });
});
