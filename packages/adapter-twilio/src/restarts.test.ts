import type { ContactEvent, TelephonyCommand } from '@callflow/runtime';
import { describe, expect, it } from 'vitest';
import { incoming, menu, type Reaction, setup } from './test-support/scripted-app.js';
import { attributes, pathOf, signedPost } from './test-support/signed-requests.js';

const HANGUP = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
const CALL = { CallSid: 'CA100' };

const gatherOf = (twiml: string) => pathOf(attributes(twiml, 'Gather', 'action')[0]!);
const questionOf = (twiml: string) =>
  new URL(attributes(twiml, 'Gather', 'action')[0]!).searchParams.get('n');

/** An engine that asks again after every key, with a new question each time (like a menu's retry). */
function askingAgain(): Reaction {
  let n = 1;
  return (e) => {
    if (e.type !== 'digits') return undefined;
    n += 1;
    const again: TelephonyCommand[] = [
      { type: 'play', ref: `p${n}`, to: 'caller', prompt: { text: `Question ${n}.` } },
      { type: 'collectDigits', ref: `c${n}`, maxDigits: 1 },
    ];
    return again;
  };
}

const digitIds = (events: { event: ContactEvent }[]) =>
  events.filter((e) => e.event.type === 'digits').map((e) => e.event.id);

describe('Twilio adapter across a restart', () => {
  it('gives the keys pressed after a restart ids the process before never gave', async () => {
    const before = setup({ start: menu, react: askingAgain() });
    let twiml = (await signedPost(before.app, '/voice', incoming)).text;
    for (const key of ['1', '2', '3'])
      twiml = (await signedPost(before.app, gatherOf(twiml), { ...CALL, Digits: key })).text;
    const idsBefore = digitIds(before.events);
    expect(idsBefore).toHaveLength(3);

    // A deploy: a new process, a new adapter; Twilio goes on with the TwiML it was given last.
    const after = setup({ start: menu, react: askingAgain() });
    for (const key of ['4', '5', '6'])
      twiml = (await signedPost(after.app, gatherOf(twiml), { ...CALL, Digits: key })).text;
    const idsAfter = digitIds(after.events);
    expect(idsAfter).toHaveLength(3);
    for (const id of idsAfter) expect(idsBefore).not.toContain(id);
  });

  it('puts the question in the <Gather> action and drops keys of an earlier question, answering with the current one', async () => {
    const { app, adapter } = setup({ start: menu, react: askingAgain() });
    const raw: ContactEvent[] = [];
    adapter.subscribe((_contact, event) => void raw.push(event));
    const first = (await signedPost(app, '/voice', incoming)).text;
    const firstQuestion = gatherOf(first);
    expect(questionOf(first)).toBe('c1');
    let twiml = (await signedPost(app, firstQuestion, { ...CALL, Digits: '9' })).text;
    expect(questionOf(twiml)).toBe('c2');
    // The caller listens on: 40 rounds of the <Gather> timing out, more than the 32 answers remembered.
    for (let i = 0; i < 40; i += 1) twiml = (await signedPost(app, gatherOf(twiml), CALL)).text;
    expect(questionOf(twiml)).toBe('c2');

    const replay = await signedPost(app, firstQuestion, { ...CALL, Digits: '9' });
    expect(replay.status).toBe(200);
    expect(raw.filter((e) => e.type === 'digits')).toHaveLength(1);
    expect(questionOf(replay.text)).toBe('c2'); // the current TwiML: still asking question 2
    // The question asked now still takes its keys.
    await signedPost(app, gatherOf(replay.text), { ...CALL, Digits: '1' });
    expect(raw.filter((e) => e.type === 'digits').map((e) => (e as { ref?: string }).ref)).toEqual([
      'c1',
      'c2',
    ]);
  });

  it('after a restart hands the keys to the engine with their question, for it to judge', async () => {
    const before = setup({ start: menu, react: askingAgain() });
    const first = (await signedPost(before.app, '/voice', incoming)).text;
    await signedPost(before.app, gatherOf(first), { ...CALL, Digits: '9' });
    const after = setup({ start: menu });
    await signedPost(after.app, gatherOf(first), { ...CALL, Digits: '9' });
    expect(after.events.map((e) => e.event)).toContainEqual(
      expect.objectContaining({ type: 'digits', ref: 'c1' }),
    );
  });

  it('answers a late webhook for a call that ended before the restart with a hang-up, and forgets it', async () => {
    const ended = new Set(['twilio-CA100']);
    const before = setup({ start: menu });
    const first = (await signedPost(before.app, '/voice', incoming)).text;
    const after = setup({ start: menu, host: { contactEnded: (id) => ended.has(id) } });
    const late = await signedPost(after.app, gatherOf(first), { ...CALL, Digits: '1' });
    expect(late.text).toBe(HANGUP);
    expect(after.events).toEqual([]);
    expect(after.adapter.retainedCalls()).toEqual({ live: 0, ended: 0 });
    expect(after.adapter.forgot('twilio-CA100')).toBe(true);
    // The final status callback changes nothing either; a retried incoming-call webhook hangs up too.
    await signedPost(after.app, '/status', { ...CALL, CallStatus: 'completed' });
    expect((await signedPost(after.app, '/voice', incoming)).text).toBe(HANGUP);
    expect(after.events).toEqual([]);
    expect(after.started).toEqual([]);
    expect(after.adapter.retainedCalls()).toEqual({ live: 0, ended: 0 });
    // A call the engine still runs is served as before.
    const live = await signedPost(after.app, '/voice', { ...incoming, CallSid: 'CA200' });
    expect(live.text).toContain('<Gather');
  });
});
