import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDED_CALL_RETENTION_MS } from './adapter.js';
import { incoming, menu, type Reaction, setup } from './test-support/scripted-app.js';
import { attributes, pathOf, signedPost } from './test-support/signed-requests.js';

const MINUTE = 60_000;
const HANGUP = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const connectOnKey: Reaction = (e) =>
  e.type === 'digits'
    ? [{ type: 'play', ref: 'p2', to: 'caller', prompt: { text: 'Connecting you.' } }]
    : undefined;

/** A caller rings, hears the menu and hangs up; returns the answer to the incoming call. */
async function callAndHangUp(app: Express, callSid: string) {
  const answer = await signedPost(app, '/voice', { ...incoming, CallSid: callSid });
  await signedPost(app, '/status', { CallSid: callSid, CallStatus: 'completed' });
  return answer;
}

const gatherOf = (twiml: string) => pathOf(attributes(twiml, 'Gather', 'action')[0]!);

describe('Twilio adapter: ended calls are forgotten after a while', () => {
  it('holds no ended call once the retention period has passed, whoever ended it', async () => {
    let now = 0;
    const { adapter, app } = setup({
      start: menu,
      react: (e) => (e.type === 'digits' ? [{ type: 'hangup', reason: 'done' }] : undefined),
      adapter: { now: () => now },
    });
    for (let i = 1; i <= 4; i++) await callAndHangUp(app, `CA${i}`);
    // The fifth call is ended by the flow (its answer is a <Hangup/>), not by the caller.
    const fifth = await signedPost(app, '/voice', { ...incoming, CallSid: 'CA5' });
    const bye = await signedPost(app, gatherOf(fifth.text), { CallSid: 'CA5', Digits: '1' });
    expect(bye.text).toContain('<Hangup/>');
    expect(adapter.retainedCalls()).toEqual({ live: 0, ended: 5 });

    now += DEFAULT_ENDED_CALL_RETENTION_MS - 1;
    expect(adapter.retainedCalls()).toEqual({ live: 0, ended: 5 });
    now += 1;
    expect(adapter.retainedCalls()).toEqual({ live: 0, ended: 0 });
  });

  it('answers a retried webhook identically within the retention period, and with <Hangup/> after it', async () => {
    let now = 0;
    const { adapter, app, events, logs } = setup({
      start: menu,
      react: connectOnKey,
      adapter: { now: () => now },
    });
    const first = await signedPost(app, '/voice', incoming);
    const gather = gatherOf(first.text);
    const answered = await signedPost(app, gather, { CallSid: 'CA100', Digits: '1' });
    await signedPost(app, '/status', { CallSid: 'CA100', CallStatus: 'completed' });

    now += 9 * MINUTE;
    const retried = await signedPost(app, gather, { CallSid: 'CA100', Digits: '1' });
    expect(retried.text).toBe(answered.text);
    expect(retried.text).toContain('Connecting you.');

    now += 2 * MINUTE;
    const late = await signedPost(app, gather, { CallSid: 'CA100', Digits: '1' });
    expect(late.status).toBe(200);
    expect(late.text).toBe(HANGUP);
    expect(events.filter((e) => e.event.type === 'digits')).toHaveLength(1);
    expect(adapter.retainedCalls()).toEqual({ live: 0, ended: 0 });
    expect(logs).toContainEqual({
      message: 'webhook for a call already forgotten: answered without delivering',
      data: { contactId: 'twilio-CA100', route: 'gather' },
      level: 'debug',
    });
  });

  it('answers late webhooks for a forgotten call with 200, delivering nothing and starting nothing', async () => {
    let now = 0;
    const { adapter, app, events, started, logs } = setup({
      start: [{ type: 'dial', ref: 'd1', purpose: 'transfer', to: '+13125550147', timeoutSeconds: 20 }],
      adapter: { now: () => now, endedCallRetentionMs: 5 * MINUTE },
    });
    const first = await callAndHangUp(app, 'CA100');
    const dialAction = pathOf(attributes(first.text, 'Dial', 'action')[0]!);
    expect(events.map((e) => e.event.type)).toEqual(['callerHangUp']);
    now += 5 * MINUTE;
    expect(adapter.retainedCalls()).toEqual({ live: 0, ended: 0 });

    const status = await signedPost(app, '/status', { CallSid: 'CA100', CallStatus: 'completed' });
    expect(status.status).toBe(200);
    expect(status.text).toBe(EMPTY);
    const dial = await signedPost(app, dialAction, { CallSid: 'CA100', DialCallStatus: 'no-answer' });
    expect(dial.text).toBe(HANGUP);
    const voice = await signedPost(app, '/voice', incoming);
    expect(voice.text).toBe(HANGUP);
    const whisper = await signedPost(app, '/whisper?contact=twilio-CA100', { CallSid: 'CA101' });
    expect(whisper.text).toBe(EMPTY);
    // A command the engine still sends fails like one for an ended call, and brings nothing back.
    adapter.execute('twilio-CA100', { type: 'play', ref: 'p9', to: 'caller', prompt: { text: 'Bye.' } });

    expect(started).toEqual(['support-inbound']);
    expect(events.map((e) => e.event.type)).toEqual(['callerHangUp', 'adapterError']);
    expect(adapter.retainedCalls()).toEqual({ live: 0, ended: 0 });
    expect(logs.filter((l) => l.level === 'debug').map((l) => l.data?.route)).toEqual([
      'status',
      'dial',
      'voice',
      'whisper',
    ]);
  });

  it('never drops a live call, however long it lasts and however many calls end meanwhile', async () => {
    let now = 0;
    const { adapter, app, events, started } = setup({
      start: menu,
      react: connectOnKey,
      adapter: { now: () => now, maxEndedCalls: 2 },
    });
    const first = await signedPost(app, '/voice', incoming);
    for (let hour = 1; hour <= 10; hour++) {
      now += 60 * MINUTE;
      for (let i = 1; i <= 3; i++) await callAndHangUp(app, `CA${hour}-${i}`);
    }
    expect(adapter.retainedCalls()).toEqual({ live: 1, ended: 2 });

    const retried = await signedPost(app, '/voice', incoming);
    expect(retried.text).toBe(first.text);
    expect(started).toHaveLength(31);
    const pressed = await signedPost(app, gatherOf(first.text), { CallSid: 'CA100', Digits: '1' });
    expect(pressed.text).toContain('Connecting you.');
    expect(events.filter((e) => e.contactId === 'twilio-CA100').map((e) => e.event.type)).toEqual([
      'promptDone',
      'digits',
    ]);
  });

  it('keeps at most maxEndedCalls ended calls, forgetting the longest-ended first', async () => {
    let now = 0;
    const { adapter, app } = setup({ start: menu, adapter: { now: () => now, maxEndedCalls: 3 } });
    const answers = [];
    for (let i = 1; i <= 5; i++) {
      now += 1000;
      answers.push(await callAndHangUp(app, `CA${i}`));
    }
    expect(adapter.retainedCalls()).toEqual({ live: 0, ended: 3 });
    for (const [i, answer] of answers.entries()) {
      const retried = await signedPost(app, '/voice', { ...incoming, CallSid: `CA${i + 1}` });
      expect(retried.text).toBe(i < 2 ? HANGUP : answer.text);
    }
  });

  it('passes on the hang-up of a call it has no state for (the service restarted during the call)', async () => {
    const { app, events } = setup({ start: menu });
    // A fresh adapter, as after a restart: the caller of CA900 hangs up while the engine still holds the contact.
    const status = await signedPost(app, '/status', { CallSid: 'CA900', CallStatus: 'completed' });
    expect(status.status).toBe(200);
    expect(events).toEqual([
      { contactId: 'twilio-CA900', event: { type: 'callerHangUp', id: 'twilio:twilio-CA900:hangup' } },
    ]);
    // Twilio's retry of the same callback delivers nothing more.
    await signedPost(app, '/status', { CallSid: 'CA900', CallStatus: 'completed' });
    expect(events).toHaveLength(1);
  });
});
