import { emptyResources, type Resources } from '@callflow/model';
import type { ContactEvent, TelephonyCommand } from '@callflow/runtime';
import express from 'express';
import { vi } from 'vitest';
import { TwilioAdapter, type TwilioAdapterOptions, type TwilioLog } from '../adapter.js';
import type { TwilioRestClient } from '../rest-client.js';
import { twilioWebhooks, type VoiceHost } from '../webhooks.js';
import { AUTH_TOKEN, PUBLIC_URL } from './signed-requests.js';

export const CALLER = '+12025550143';
export const MAIN = '+12125550100';
export const EXTERNAL = '+13125550147';

/** Resources with one number, `main`, whose calls start `support-inbound`. */
function resources(): Resources {
  const r = emptyResources();
  r.numbers.main = { number: MAIN, displayName: 'Main', inboundFlow: 'support-inbound' };
  return r;
}

export type Reaction = (event: ContactEvent) => TelephonyCommand[] | undefined;

/** A scripted engine: what it "returns" at the start of a call and for each event. */
export function setup(script: {
  start?: TelephonyCommand[];
  react?: Reaction;
  client?: TwilioRestClient;
  host?: Partial<VoiceHost>;
  /** Retention and clock options of the adapter. */
  adapter?: Pick<TwilioAdapterOptions, 'endedCallRetentionMs' | 'maxEndedCalls' | 'now'>;
}) {
  const logs: { message: string; data?: Record<string, unknown>; level?: string }[] = [];
  const log: TwilioLog = (message, data, level) => void logs.push({ message, data, level });
  const adapter = new TwilioAdapter({
    publicUrl: PUBLIC_URL,
    ...(script.client ? { client: script.client } : {}),
    ...script.adapter,
    log,
  });
  const events: { contactId: string; event: ContactEvent }[] = [];
  adapter.subscribe((contactId, event) => {
    if (event.id && events.some((e) => e.event.id === event.id)) return; // the engine drops duplicates by id
    events.push({ contactId, event });
    for (const c of script.react?.(event) ?? []) adapter.execute(contactId, c);
  });
  const started: string[] = [];
  const host: VoiceHost = {
    resources,
    startInboundCall: ({ contactId, flowId }) => {
      started.push(flowId);
      for (const c of script.start ?? []) adapter.execute(contactId, c);
    },
    ...script.host,
  };
  const app = express();
  app.use(
    '/twilio',
    twilioWebhooks({ adapter, host, authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, budgetMs: 200, log }),
  );
  return { adapter, app, events, started, logs };
}

/** The webhook Twilio sends when a caller rings the main number. */
export const incoming = {
  CallSid: 'CA100',
  From: CALLER,
  To: MAIN,
  CallStatus: 'ringing',
  Direction: 'inbound',
};
export const menu: TelephonyCommand[] = [
  { type: 'play', ref: 'p1', to: 'caller', prompt: { text: 'For sales press 1.' } },
  { type: 'collectDigits', ref: 'c1', maxDigits: 1 },
];

/** A REST client that records what it was asked. */
export function fakeClient(): TwilioRestClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    redirectCall: vi.fn(async (sid: string, url: string) => void calls.push(`redirect ${sid} ${url}`)),
    createCall: vi.fn(async (p) => {
      calls.push(`create ${p.to} from ${p.from}`);
      return { sid: 'CA900' };
    }),
    startRecording: vi.fn(async (sid: string, channels: string) => {
      calls.push(`record ${sid} ${channels}`);
      return { sid: 'RE1' };
    }),
    sendMessage: vi.fn(async (p: { to: string; from: string }) => {
      calls.push(`message ${p.to} from ${p.from}`);
      return { sid: 'SM1' };
    }),
    updateRecording: vi.fn(
      async (sid: string, rec: string, status: string) =>
        void calls.push(`recording ${sid} ${rec} ${status}`),
    ),
  };
}
