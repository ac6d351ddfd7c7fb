import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeTwilio, type WebhookTransport } from '@callflow/adapter-twilio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ChildService, call, startChildService } from '../test-support/child-service.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

const AUTH_TOKEN = 'twilio-auth-token-for-restarts';
const PUBLIC_URL = 'https://voice.example.com/twilio';
const UNLISTED_NUMBER = '+12125550199'; // not in resources: the default flow answers it
const CALLER = '+12025550143';

/** Keys typed one by one (each its own webhook), then read back to the caller. */
const accountFlow = {
  formatVersion: 1,
  id: 'account-keys',
  name: 'Account keys',
  type: 'inbound',
  start: 'ask',
  variables: { account: { type: 'string', label: 'Account' } },
  blocks: {
    ask: {
      type: 'getDigits',
      settings: {
        prompt: { text: 'Enter your account number, then hash.' },
        variable: 'account',
        minDigits: 1,
        maxDigits: 10,
        terminator: '#',
        timeoutSeconds: 60,
        retries: 0,
      },
      next: { success: 'confirm', timeout: 'bye', invalid: 'bye', error: 'bye' },
    },
    confirm: {
      type: 'playPrompt',
      settings: { prompt: { text: 'Account {{account}}.' } },
      next: { success: 'bye', error: 'bye' },
    },
    bye: { type: 'disconnect', settings: {} },
  },
};

/** Posts a webhook to the service over HTTP with the public URL's Host, as Twilio does through a proxy. */
function transportTo(service: () => ChildService): WebhookTransport {
  return (path, form, headers) =>
    new Promise((resolve, reject) => {
      const url = new URL(path, service().url);
      const body = new URLSearchParams(form).toString();
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            ...headers,
            Host: 'voice.example.com',
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

let work: string;
let service: ChildService | undefined;
const env = {
  CALLFLOW_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  CALLFLOW_TWILIO_PUBLIC_URL: PUBLIC_URL,
  CALLFLOW_TWILIO_DEFAULT_FLOW: 'account-keys',
};

beforeAll(() => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-twilio-restart-'));
  cpSync(SAMPLE_FLOWS, join(work, 'flows'), { recursive: true });
}, 60_000);

afterAll(async () => {
  await service?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const start = () => startChildService(join(work, 'flows'), join(work, 'data'), env);

describe('a Twilio call across a restart of the service', () => {
  it('delivers every key pressed after the restart (none dropped as a duplicate)', {
    timeout: 90_000,
  }, async () => {
    service = await start();
    const put = await call(service.url, 'PUT', '/api/flows/account-keys', accountFlow, {
      'If-None-Match': '*',
    });
    expect(put?.status, JSON.stringify(put?.body)).toBe(201);
    expect((await call(service.url, 'POST', '/api/flows/account-keys/publish'))?.status).toBe(201);

    const fake = new FakeTwilio({
      authToken: AUTH_TOKEN,
      publicUrl: PUBLIC_URL,
      transport: transportTo(() => service as ChildService),
    });
    const contact = await fake.incomingCall(CALLER, UNLISTED_NUMBER);
    expect(fake.calls.get(contact)?.twiml).toContain('Enter your account number');
    for (const key of ['1', '2', '3']) await fake.press(contact, key);

    // A deploy: the service stops and starts again while the caller is in the middle of typing.
    await service.stop();
    service = await start();
    for (const key of ['4', '5', '6', '#']) await fake.press(contact, key);
    await fake.settle(10);

    expect(fake.transcript(contact)).toContain('Account 123456.');
    const stored = await call(service.url, 'GET', `/api/contacts/${contact}`);
    expect(JSON.stringify(stored?.body)).toContain('123456');
  });
});
