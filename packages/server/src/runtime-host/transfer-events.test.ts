import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { startTestService, type TestService, TOKENS } from '../test-support/temp-service.js';

let t: TestService;
let base: string;
let stream: AbortController;
let received: Promise<Record<string, unknown>[]>;

/** Collects the data of every `agent.transfer` message of the live event stream until `count` arrived. */
async function transferEvents(count: number): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${base}/api/events?token=${TOKENS.viewer}`, { signal: stream.signal });
  const reader = res.body!.getReader();
  const found: Record<string, unknown>[] = [];
  let text = '';
  while (found.length < count) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
    const messages = text.split('\n\n');
    text = messages.pop() ?? '';
    for (const message of messages) {
      const data = message.split('\n').find((line) => line.startsWith('data: '));
      if (message.includes('event: agent.transfer') && data) found.push(JSON.parse(data.slice(6)));
    }
  }
  return found;
}

beforeEach(async () => {
  t = await startTestService();
  base = `http://127.0.0.1:${await t.service.listen()}`;
  stream = new AbortController();
});
afterEach(async () => {
  stream.abort();
  await received.catch(() => undefined);
  await t.close();
});

describe('agent transfers on the live event stream', () => {
  it('carries each answer to an agent: refused with the reason, then transferred with the target', async () => {
    const contactId = await billingCallConnectedTo(t);
    // The service itself listens on the bus too: wait for the stream's own subscription.
    const before = t.service.events.subscribers;
    received = transferEvents(3);
    await eventually(
      async () => t.service.events.subscribers,
      (n) => n > before,
    );
    await t
      .api()
      .post('/api/agents/bilal.khan/transfer')
      .send({ to: { agent: 'carmen.diaz' } })
      .expect(409);
    await t
      .api()
      .post('/api/agents/bilal.khan/transfer')
      .send({ to: { number: '(201) 555-0123' } })
      .expect(200);
    await t
      .api()
      .post('/api/agents/alice.ng/transfer')
      .send({ to: { queue: 'support' } })
      .expect(409);
    const [refused, transferred, noContact] = await received;
    expect(refused).toMatchObject({
      agent: 'bilal.khan',
      contactId,
      result: 'refused',
      reason: 'agent carmen.diaz is Offline, not Available',
      target: { agent: 'carmen.diaz' },
    });
    expect(transferred).toMatchObject({
      agent: 'bilal.khan',
      contactId,
      result: 'transferred',
      target: { number: '+12015550123' },
    });
    expect(transferred?.reason).toMatch(/^dialling \+12015550123/);
    expect(noContact).toMatchObject({
      agent: 'alice.ng',
      contactId: null,
      result: 'refused',
      reason: 'alice.ng has no connected contact',
      target: { queue: 'support' },
    });
  });
});
