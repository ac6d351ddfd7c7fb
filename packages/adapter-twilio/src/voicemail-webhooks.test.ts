import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { incoming, setup } from './test-support/scripted-app.js';
import { attributes, pathOf, signedPost } from './test-support/signed-requests.js';

const RECORD = {
  type: 'recordMessage' as const,
  ref: 'r1',
  maxLengthSeconds: 90,
  finishKey: '#',
  silenceTimeoutSeconds: 4,
};

describe('Twilio voicemail', () => {
  it('records with <Record> (length, finish key, silence, beep) and a signed action for the message', async () => {
    const { app } = setup({ start: [RECORD] });
    const res = await signedPost(app, '/voice', incoming);
    expect(attributes(res.text, 'Record', 'maxLength')).toEqual(['90']);
    expect(attributes(res.text, 'Record', 'finishOnKey')).toEqual(['#']);
    expect(attributes(res.text, 'Record', 'timeout')).toEqual(['4']);
    expect(attributes(res.text, 'Record', 'playBeep')).toEqual(['true']);
    expect(attributes(res.text, 'Record', 'action')[0]).toContain('ref=r1');
    expect(res.text).toMatch(/<\/Record>|<Record[^>]*\/>/);
    expect(res.text).toContain('<Redirect');
  });

  it('delivers the recording URL and length as messageRecorded, the silent redirect as no message', async () => {
    const recording = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1';
    const { app, events } = setup({ start: [RECORD] });
    const first = await signedPost(app, '/voice', incoming);
    const action = pathOf(attributes(first.text, 'Record', 'action')[0]!);
    await signedPost(app, action, {
      CallSid: 'CA100',
      RecordingUrl: recording,
      RecordingDuration: '14',
      Digits: '#',
    });
    expect(events.map((e) => e.event)).toContainEqual({
      id: 'twilio:twilio-CA100:recorded:r1',
      type: 'messageRecorded',
      ref: 'r1',
      result: 'recorded',
      recordingUrl: recording,
      durationSeconds: 14,
    });

    const silent = setup({ start: [RECORD] });
    const again = await signedPost(silent.app, '/voice', incoming);
    const redirect = /<Redirect[^>]*>([^<]+)<\/Redirect>/.exec(again.text)?.[1]?.replaceAll('&amp;', '&');
    expect(redirect).toContain('silent=1');
    await signedPost(silent.app, pathOf(redirect!), { CallSid: 'CA100' });
    expect(silent.events.map((e) => e.event)).toContainEqual(
      expect.objectContaining({ type: 'messageRecorded', ref: 'r1', result: 'empty' }),
    );
  });

  it('refuses a forged recording callback: nothing reaches the call', async () => {
    const { app, events } = setup({ start: [RECORD] });
    const first = await signedPost(app, '/voice', incoming);
    const action = pathOf(attributes(first.text, 'Record', 'action')[0]!);
    const forged = await request(app)
      .post(`/twilio${action}`)
      .type('form')
      .set('X-Twilio-Signature', 'bm9wZQ==')
      .send({ CallSid: 'CA100', RecordingUrl: 'https://evil.example/r.mp3', RecordingDuration: '3' });
    expect(forged.status).toBe(403);
    expect(events.filter((e) => e.event.type === 'messageRecorded')).toEqual([]);
  });
});
