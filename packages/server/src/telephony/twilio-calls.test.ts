import { FakeTwilio } from '@callflow/adapter-twilio/testing';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestService } from '../test-support/temp-service.js';
import {
  AUTH_TOKEN,
  CALLER,
  PUBLIC_URL,
  SALES_NUMBER,
  SUPPORT_NUMBER,
  startTwilioService,
} from '../test-support/twilio-service.js';

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function twilioService(at: string, agents: string[] = []) {
  const { svc, fake } = await startTwilioService({ at, agents });
  running = svc;
  return { svc, fake };
}

const dials = (twiml: string) =>
  [...twiml.matchAll(/<Dial\b([^>]*)>\s*<Number[^>]*>([^<]+)<\/Number>/g)].map((m) => ({
    callerId: /callerId="([^"]*)"/.exec(m[1] ?? '')?.[1],
    to: m[2],
  }));

async function trace(svc: TestService, contactId: string) {
  const res = await svc.api().get(`/api/contacts/${contactId}/trace`).expect(200);
  return res.body.entries as {
    block?: string;
    callerId?: { number?: string; rule: string; reason: string };
  }[];
}

describe('Twilio calls through the service', { timeout: 60_000 }, () => {
  it('sales: the Chicago office is dialled with the Chicago number as caller ID (same area code)', async () => {
    const { svc, fake } = await twilioService('2026-03-09T15:00:00Z');
    const contact = await fake.incomingCall('+16175550142', SALES_NUMBER);
    expect(fake.calls.get(contact)?.twiml).toContain('Thank you for calling Northwind Outfitters sales.');
    await fake.settle(20); // the welcome plays, the menu asks
    await fake.press(contact, '3');
    await fake.settle(20);
    const transcript = fake.transcript(contact);
    expect(dials(transcript)).toEqual([{ callerId: '+13125550111', to: '+13125550175' }]);
    const entries = await trace(svc, contact);
    const decision = entries.find((e) => e.callerId)?.callerId;
    expect(decision?.rule).toBe('sameAreaCode');
    expect(decision?.number).toBe('+13125550111');
    expect(entries.map((e) => e.block)).toContain('regional-office');
    // The call's log holds what was said and done on the line, as for a simulated call.
    const log = await svc.api().get(`/api/contacts/${contact}/log`).expect(200);
    const lines = (log.body.entries as { direction: string; type: string; detail: unknown }[]).map(
      (e) => `${e.direction} ${e.type} ${JSON.stringify(e.detail)}`,
    );
    expect(lines.find((l) => l.startsWith('command play '))).toContain('Northwind Outfitters sales');
    expect(lines.some((l) => l.startsWith('event digits ') && l.includes('"digits":"3"'))).toBe(true);
    expect(lines.find((l) => l.startsWith('command dial '))).toContain('"+13125550175"');
  });

  it('reports the calls the adapter holds at /metrics: live while the call lasts, ended after it', async () => {
    const { svc, fake } = await twilioService('2026-03-09T15:00:00Z');
    const retained = async () => {
      const text = (await svc.api().get('/metrics').expect(200)).text;
      const of = (state: string) =>
        Number(
          new RegExp(`^callflow_twilio_calls_retained\\{state="${state}"\\} (\\d+)$`, 'm').exec(text)?.[1],
        );
      return { live: of('live'), ended: of('ended') };
    };
    expect(await retained()).toEqual({ live: 0, ended: 0 });
    const contact = await fake.incomingCall(CALLER, SALES_NUMBER);
    await fake.settle(20);
    expect(await retained()).toEqual({ live: 1, ended: 0 });
    await fake.hangUp(contact);
    await fake.settle(20);
    expect(await retained()).toEqual({ live: 0, ended: 1 });
  });

  it('support out of hours: the answering service is dialled with the main number (fixed caller ID)', async () => {
    const { svc, fake } = await twilioService('2026-03-08T16:00:00Z'); // a Sunday
    const contact = await fake.incomingCall(CALLER, SUPPORT_NUMBER);
    await fake.settle(30);
    expect(fake.transcript(contact)).toContain('We are closed right now.');
    await fake.press(contact, '1');
    await fake.settle(30);
    expect(dials(fake.transcript(contact))).toEqual([{ callerId: '+12125550100', to: '+16465550188' }]);
    const decision = (await trace(svc, contact)).find((e) => e.callerId)?.callerId;
    expect(decision).toMatchObject({ number: '+12125550100', rule: 'fixed' });
    expect(fake.rest).toContain(`record ${fake.calls.get(contact)?.sid} dual`);
  });

  it('support out of hours, answering service busy: the callback is placed through the REST API with the main number', async () => {
    const { svc, fake } = await twilioService('2026-03-08T16:00:00Z', ['alice.ng']);
    fake.numbers.set('+16465550188', 'busy');
    const contact = await fake.incomingCall(CALLER, SUPPORT_NUMBER);
    await fake.settle(30);
    await fake.press(contact, '1');
    await fake.settle(40);
    const transcript = fake.transcript(contact);
    expect(transcript).toContain('We will call you back');
    expect(transcript).toContain('<Hangup/>');
    const callbacks = await svc.api().get('/api/callbacks').expect(200);
    const mine = (callbacks.body as { id: string; number: string; queue: string }[]).find((c) =>
      c.id.startsWith(contact),
    );
    expect(mine).toMatchObject({ number: CALLER, queue: 'support' });
    // An agent is available: offered the callback, then the customer is dialled for real.
    const offer = await svc.api().get('/api/agents').expect(200);
    expect(JSON.stringify(offer.body)).toContain('alice.ng');
    await svc.api().post('/api/agents/alice.ng/accept').expect(200);
    await fake.settle(40);
    expect(fake.rest).toContain(`create ${CALLER} from +12125550100`);
  });

  it('support in hours: queued, offered to the agent, then bridged to the agent with the whisper', async () => {
    const { svc, fake } = await twilioService('2026-03-10T18:30:00Z', ['alice.ng']);
    const contact = await fake.incomingCall(CALLER, SUPPORT_NUMBER);
    await fake.settle(20);
    await fake.press(contact, '2'); // technical support
    await fake.settle(20);
    await fake.press(contact, '12345678#'); // the account number
    await fake.settle(40);
    await svc.api().post('/api/agents/alice.ng/accept').expect(200);
    await fake.settle(40);
    const transcript = fake.transcript(contact);
    expect(transcript).toMatch(
      /<Dial[^>]*><Client url="[^"]*\/twilio\/whisper\?contact=twilio-CA\d+[^"]*"[^>]*>alice\.ng<\/Client><\/Dial>/,
    );
    const whisperUrl = /<Client url="([^"]*)"/.exec(transcript)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const whisper = await fake.send(whisperUrl, { CallSid: 'CA-agent-leg' });
    expect(whisper.text).toContain('<Say>');
    const contactState = await svc.api().get(`/api/contacts/${contact}`).expect(200);
    expect(JSON.stringify(contactState.body)).toContain('alice.ng');
  });

  it('refuses forged webhooks and webhooks for another public URL', async () => {
    const { fake } = await twilioService('2026-03-09T15:00:00Z');
    const forged = await fake.send(
      `${PUBLIC_URL}/voice`,
      { CallSid: 'CA1', From: CALLER, To: SALES_NUMBER },
      'not-the-token',
    );
    expect(forged.status).toBe(403);
    const other = new FakeTwilio({
      authToken: AUTH_TOKEN,
      publicUrl: 'https://attacker.example/twilio',
      transport: async (path, form, headers) => {
        const res = await supertest(running!.service.app)
          .post(path)
          .set('Host', 'voice.example.com')
          .set(headers)
          .type('form')
          .send(form);
        return { status: res.status, text: res.text };
      },
    });
    expect(
      (
        await other.send('https://attacker.example/twilio/voice', {
          CallSid: 'CA2',
          From: CALLER,
          To: SALES_NUMBER,
        })
      ).status,
    ).toBe(403);
  });
});
