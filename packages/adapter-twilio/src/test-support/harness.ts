import { emptyResources } from '@callflow/model';
import type { ConformanceHarness } from '@callflow/runtime';
import express from 'express';
import request from 'supertest';
import { TwilioAdapter } from '../adapter.js';
import { FakeTwilio } from '../testing/fake-twilio.js';
import { twilioWebhooks } from '../webhooks.js';
import { AUTH_TOKEN, PUBLIC_URL } from './signed-requests.js';

/** The adapter behind its webhook routes, with a fake Twilio on the other side, for the conformance suite. */
export function conformanceHarness(): ConformanceHarness {
  const app = express();
  const fake = new FakeTwilio({
    authToken: AUTH_TOKEN,
    publicUrl: PUBLIC_URL,
    transport: async (path, form, headers) => {
      const res = await request(app).post(path).type('form').set(headers).send(form);
      return { status: res.status, text: res.text };
    },
  });
  const adapter = new TwilioAdapter({ publicUrl: PUBLIC_URL, client: fake.client });
  const resources = emptyResources();
  resources.numbers.main = { number: '+12015550100', displayName: 'Main', inboundFlow: 'conformance' };
  app.use(
    '/twilio',
    twilioWebhooks({
      adapter,
      host: { resources: () => resources, startInboundCall: () => undefined },
      authToken: AUTH_TOKEN,
      publicUrl: PUBLIC_URL,
    }),
  );
  return {
    adapter,
    provider: {
      incomingCall: (from, to) => fake.incomingCall(from, to),
      press: (contactId, digits) => fake.press(contactId, digits),
      hangUp: (contactId) => fake.hangUp(contactId),
      numberBehaves: (number, behaviour) => void fake.numbers.set(number, behaviour),
      settle: (seconds) => fake.settle(seconds),
      failNext: (contactId) => void fake.failing.add(contactId),
    },
  };
}
