import { expect } from 'vitest';
import { eventually } from './flows.js';
import type { TestService } from './temp-service.js';

/**
 * An inbound flow that puts the caller straight in the billing queue (no whispers there). Its `note`
 * variable is agent viewable, so an offer carries a popover, and agent editable (the desktop's edits).
 */
export const TO_BILLING = {
  formatVersion: 1,
  id: 'to-billing',
  name: 'To billing',
  type: 'inbound',
  start: 'pick',
  variables: { note: { type: 'string', label: 'Note', agentViewable: true, agentEditable: true } },
  blocks: {
    pick: { type: 'setWorkingQueue', settings: { queue: 'billing' }, next: { success: 'go', error: 'bye' } },
    go: { type: 'transferToQueue', settings: {}, next: { atCapacity: 'bye', error: 'bye' } },
    bye: { type: 'disconnect', settings: {} },
  },
};

/** Publishes the billing flow (and the queue's customer-queue flow), starts a call and waits until it is queued. */
export async function queuedBillingCall(t: TestService): Promise<string> {
  await t.api().put('/api/flows/to-billing').set('If-None-Match', '*').send(TO_BILLING).expect(201);
  // With the billing queue's customer-queue and outbound whisper flows: calls reach them.
  await t.api().post('/api/flows/to-billing/publish').send({ withDependencies: true }).expect(201);
  const { body } = await t
    .api()
    .post('/api/contacts')
    .send({ flow: 'to-billing', from: '+12015550199', to: '+12125550101' })
    .expect(201);
  const contactId = body.contactId as string;
  const queued = await eventually(
    () => t.api().get(`/api/contacts/${contactId}`),
    (r) => r.body.status === 'queued',
  );
  expect(queued.body.status).toBe('queued');
  return contactId;
}

/** A billing call bridged to `agent` (bilal.khan by default: in the billing group). */
export async function billingCallConnectedTo(t: TestService, agent = 'bilal.khan'): Promise<string> {
  const contactId = await queuedBillingCall(t);
  await t.api().post(`/api/agents/${agent}/state`).send({ state: 'Available' }).expect(200);
  await t.api().post(`/api/agents/${agent}/accept`).expect(200);
  const connected = await eventually(
    () => t.api().get(`/api/contacts/${contactId}`),
    (r) => r.body.status === 'connected',
  );
  expect(connected.body.status).toBe('connected');
  return contactId;
}
