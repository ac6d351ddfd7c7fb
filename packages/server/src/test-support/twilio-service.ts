import { FakeTwilio } from '@callflow/adapter-twilio/testing';
import supertest from 'supertest';
import { expect } from 'vitest';
import { WallClock } from '../runtime-host/wall-clock.js';
import { startTestService, type TestService } from './temp-service.js';

export const AUTH_TOKEN = 'twilio-auth-token-for-tests';
export const PUBLIC_URL = 'https://voice.example.com/twilio';
export const SUPPORT_NUMBER = '+12125550101'; // resources: numbers.support -> support-inbound
export const SALES_NUMBER = '+12125550110'; // resources: numbers.sales-new-york -> sales-inbound
export const CALLER = '+12025550143';

/** The inbound sample flows; each is published with every flow it needs (modules, queue and whisper flows). */
export const SAMPLE_FLOWS_TO_PUBLISH = ['support-inbound', 'sales-inbound'];

export interface TwilioTestService {
  /** The service running now (another one after `restart`). */
  svc: TestService;
  fake: FakeTwilio;
  /** Stops the service and starts it again on the same directories; the fake's calls go on. */
  restart(): Promise<TestService>;
}

/**
 * The real service (store, published flows, durable host, ACD) with Twilio configured, a clock that
 * starts at `at` and runs at wall speed, and a fake Twilio that sends signed webhooks the way Twilio
 * does — through the Host header of the public URL, as behind a proxy.
 */
export async function startTwilioService(
  options: { at?: string; agents?: string[]; workDir?: string; env?: Record<string, string> } = {},
): Promise<TwilioTestService> {
  const start = Date.parse(options.at ?? '2026-03-09T15:00:00Z');
  const realStart = Date.now();
  let fake!: FakeTwilio;
  const launch = () =>
    startTestService({
      ...(options.workDir ? { workDir: options.workDir } : {}),
      env: {
        CALLFLOW_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        CALLFLOW_TWILIO_PUBLIC_URL: PUBLIC_URL,
        // The CRM lookup fails at once (no network in tests): the flow routes the call on, unverified.
        CALLFLOW_HTTP_REQUESTS: 'off',
        ...options.env,
      },
      service: {
        clock: new WallClock(() => start + (Date.now() - realStart)),
        twilioClient: {
          redirectCall: (sid, url) => fake.client.redirectCall(sid, url),
          createCall: (p) => fake.client.createCall(p),
          startRecording: (sid, c) => fake.client.startRecording(sid, c),
          sendMessage: (p) => fake.client.sendMessage(p),
          updateRecording: (sid, r, s) => fake.client.updateRecording(sid, r, s),
        },
      },
    });
  const running: TwilioTestService = {
    svc: await launch(),
    get fake() {
      return fake;
    },
    async restart() {
      await running.svc.close();
      running.svc = await launch();
      return running.svc;
    },
  };
  fake = new FakeTwilio({
    authToken: AUTH_TOKEN,
    publicUrl: PUBLIC_URL,
    transport: async (path, form, headers) => {
      const res = await supertest(running.svc.service.app)
        .post(path)
        .set('Host', 'voice.example.com')
        .set(headers)
        .type('form')
        .send(form);
      return { status: res.status, text: res.text };
    },
  });
  for (const flow of SAMPLE_FLOWS_TO_PUBLISH) {
    const res = await running.svc.api().post(`/api/flows/${flow}/publish`).send({ withDependencies: true });
    expect(res.status, `publish ${flow}: ${res.text}`).toBe(201);
  }
  for (const agent of options.agents ?? [])
    await running.svc.api().post(`/api/agents/${agent}/state`).send({ state: 'Available' }).expect(200);
  return running;
}
