import { afterEach, beforeEach, expect, it } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { queuedBillingCall } from '../test-support/billing-calls.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

const NOW = Date.parse('2026-01-05T15:00:00Z');

let t: TestService;
beforeEach(async () => {
  // Time stands still: the offer rings until a request ends it.
  t = await startTestService({ service: { clock: new WallClock(() => NOW) } });
});
afterEach(async () => {
  await t.close();
});

it("an agent's offer says how long it rings and when it rings out: the desktop's ring timer", async () => {
  const contactId = await queuedBillingCall(t);
  await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
  const agent = await t.api().get('/api/agents/bilal.khan').expect(200);
  // The billing queue's offer time (flows/resources.json) from the moment it was offered.
  expect(agent.body.offer).toMatchObject({
    contactId,
    timeoutSeconds: 20,
    ringsUntil: new Date(NOW + 20_000).toISOString(),
  });
  // The service's own clock beside it: a desktop counts down to ringsUntil on it, whatever its own says.
  expect(agent.body.now).toBe(new Date(NOW).toISOString());
  const contact = await t.api().get(`/api/contacts/${contactId}`).expect(200);
  expect(contact.body.timers).toContainEqual(
    expect.objectContaining({ event: 'offerTimeout', at: agent.body.offer.ringsUntil }),
  );
});
