import { expect } from '@playwright/test';
import type { Api } from './test.ts';

export const PIN = '7351';

/**
 * A support line: the caller keys a PIN (secure, agent viewable) and waits in the support queue. The
 * admin's popover order (tier, reason, caller) differs from the declaration order on purpose.
 */
export const DESK_DEMO = {
  formatVersion: 1,
  id: 'desk-demo',
  name: 'Desktop demo',
  type: 'inbound',
  start: 'ask-pin',
  variables: {
    pin: {
      type: 'string',
      label: 'PIN',
      secure: true,
      agentViewable: true,
    },
    reason: {
      type: 'string',
      label: 'Reason for call',
      agentViewable: true,
      default: 'Billing question',
    },
    caller: {
      type: 'string',
      label: 'Caller name',
      agentViewable: true,
      agentEditable: true,
      default: 'Dana Smith',
    },
    tier: {
      type: 'string',
      label: 'Tier',
      agentViewable: true,
      default: 'gold',
    },
  },
  popover: ['tier', 'reason', 'caller'],
  blocks: {
    'ask-pin': {
      type: 'getDigits',
      settings: {
        prompt: {
          text: 'Enter your PIN.',
        },
        variable: 'pin',
        minDigits: 4,
        maxDigits: 4,
        timeoutSeconds: 60,
        retries: 0,
      },
      next: {
        success: 'queue',
        timeout: 'queue',
        invalid: 'queue',
        error: 'queue',
      },
    },
    queue: {
      type: 'setWorkingQueue',
      settings: {
        queue: 'support',
      },
      next: {
        success: 'to-queue',
        error: 'bye',
      },
    },
    'to-queue': {
      type: 'transferToQueue',
      settings: {},
      next: {
        atCapacity: 'bye',
        error: 'bye',
      },
    },
    bye: {
      type: 'disconnect',
      settings: {},
    },
  },
};

/** A caller on the demo line who keyed the PIN; resolves with the contact id once it is queued. */
export async function callWaiting(api: Api): Promise<string> {
  const started = await api.call('POST', '/api/contacts', {
    body: { flow: 'desk-demo', from: '+12015550123', to: '+12125550101' },
  });
  expect(started.status).toBe(201);
  const contactId = (started.body as { contactId: string }).contactId;
  const keyed = await api.call('POST', `/api/contacts/${contactId}/events`, {
    body: { type: 'digits', digits: PIN },
  });
  expect(keyed.status).toBe(200);
  return contactId;
}
