import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeTwilio } from '@callflow/adapter-twilio/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CALLER,
  SALES_NUMBER,
  startTwilioService,
  type TwilioTestService,
} from '../test-support/twilio-service.js';

const LOOP_NUMBER = '+12125550188'; // not in resources: the default flow answers it

/** A first menu (3 goes on), then a menu the caller can hear again and again (1), or leave (2). */
const menuLoop = {
  formatVersion: 1,
  id: 'menu-loop',
  name: 'Menu loop',
  type: 'inbound',
  start: 'first',
  blocks: {
    first: {
      type: 'menu',
      settings: {
        prompt: { text: 'Press 3 to go on.' },
        options: [{ digit: '3' }],
        timeoutSeconds: 60,
        retries: 0,
      },
      next: { '3': 'loop', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    },
    loop: {
      type: 'menu',
      settings: {
        prompt: { text: 'Press 1 to hear this again, 2 to leave.' },
        options: [{ digit: '1' }, { digit: '2' }],
        timeoutSeconds: 60,
        retries: 0,
      },
      next: { '1': 'again', '2': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    },
    again: {
      type: 'playPrompt',
      settings: { prompt: { text: 'Again.' } },
      next: { success: 'loop', error: 'loop' },
    },
    bye: { type: 'disconnect', settings: {} },
  },
};

const decode = (text: string) => text.replace(/&amp;/g, '&');
const gatherAction = (twiml: string) => decode(/<Gather[^>]*\saction="([^"]*)"/.exec(twiml)?.[1] ?? '');

let running: TwilioTestService | undefined;
let work: string | undefined;
afterEach(async () => {
  await running?.svc.close();
  running = undefined;
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

async function start(env: Record<string, string> = {}) {
  work = mkdtempSync(join(tmpdir(), 'callflow-twilio-replays-'));
  running = await startTwilioService({ workDir: work, env });
  return running;
}

async function contactOf(t: TwilioTestService, contact: string) {
  return (await t.svc.api().get(`/api/contacts/${contact}`).expect(200)).body as { status: string };
}

async function lastIgnored(t: TwilioTestService, contact: string) {
  const res = await t.svc.api().get(`/api/contacts/${contact}/trace`).expect(200);
  return (res.body.entries as { event?: string; ignored?: string }[])
    .filter((e) => e.event === 'digits')
    .at(-1);
}

describe('Twilio webhooks replayed or late', { timeout: 60_000 }, () => {
  it('an old signed /gather replayed after more key presses is not delivered into the current menu, before or after a restart', async () => {
    const t = await start({ CALLFLOW_TWILIO_DEFAULT_FLOW: 'menu-loop' });
    await t.svc.api().put('/api/flows/menu-loop').set('If-None-Match', '*').send(menuLoop).expect(201);
    await t.svc.api().post('/api/flows/menu-loop/publish').expect(201);
    const fake: FakeTwilio = t.fake;
    const contact = await fake.incomingCall(CALLER, LOOP_NUMBER);
    const sid = fake.calls.get(contact)?.sid as string;
    // The signed request of the first menu's key, as someone could capture it.
    const firstMenu = gatherAction(fake.calls.get(contact)?.twiml ?? '');
    expect(firstMenu).toContain('n=');
    await fake.press(contact, '3');
    // Many more key presses: past what the adapter remembers (32 answers) and the contact (64 event ids).
    for (let i = 0; i < 40; i += 1) {
      await fake.press(contact, '1');
      await fake.settle(1);
    }
    expect(fake.transcript(contact).split('Again.').length).toBeGreaterThan(40);

    // Replayed: "3" is no option of the current menu, so delivering it would end the call (noMatch).
    const replay = await fake.send(firstMenu, { CallSid: sid, Digits: '3' });
    expect(replay.status).toBe(200);
    expect(replay.text).not.toContain('<Hangup/>');
    expect(replay.text).toContain('<Gather');
    expect((await contactOf(t, contact)).status).toBe('running');

    // The same after a restart: the adapter knows nothing of the call, the contact's snapshot does.
    await t.restart();
    const afterRestart = await fake.send(firstMenu, { CallSid: sid, Digits: '3' });
    expect(afterRestart.text).not.toContain('<Hangup/>');
    expect((await contactOf(t, contact)).status).toBe('running');
    expect((await lastIgnored(t, contact))?.ignored).toMatch(/^keys for an earlier question/);

    // The menu asked now still takes its keys: 2 leaves.
    fake.calls.get(contact)!.twiml = afterRestart.text;
    await fake.press(contact, '2');
    await fake.settle(5);
    expect((await contactOf(t, contact)).status).toBe('ended');
  });

  it('a late webhook for a call that ended before a restart is answered with a hang-up and not kept', async () => {
    const t = await start();
    const contact = await t.fake.incomingCall(CALLER, SALES_NUMBER);
    await t.fake.settle(5);
    const lastGather = gatherAction(t.fake.calls.get(contact)?.twiml ?? '');
    expect(lastGather).not.toBe('');
    await t.fake.hangUp(contact);
    expect((await contactOf(t, contact)).status).toBe('ended');

    await t.restart();
    const sid = t.fake.calls.get(contact)?.sid as string;
    const late = await t.fake.send(lastGather, { CallSid: sid, Digits: '1' });
    expect(late.status).toBe(200);
    expect(late.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    const metrics = (await t.svc.api().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^callflow_twilio_calls_retained\{state="live"\} 0$/m);
    expect(metrics).toMatch(/^callflow_twilio_calls_retained\{state="ended"\} 0$/m);
    // A second late webhook (Twilio's final status callback) is no different.
    await t.fake.send(`https://voice.example.com/twilio/status?contact=${contact}`, {
      CallSid: sid,
      CallStatus: 'completed',
    });
    expect((await t.svc.api().get('/metrics').expect(200)).text).toMatch(
      /^callflow_twilio_calls_retained\{state="live"\} 0$/m,
    );
    expect((await contactOf(t, contact)).status).toBe('ended');
  });
});
