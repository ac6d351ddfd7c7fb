import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import {
  CALLER,
  EXTERNAL,
  fakeClient,
  incoming,
  MAIN,
  menu,
  type Reaction,
  setup,
} from './test-support/scripted-app.js';
import { attributes, pathOf, signedPost } from './test-support/signed-requests.js';

describe('Twilio webhooks', () => {
  it('answers an incoming call with the flow of the dialled number, prompts inside <Gather>', async () => {
    const { app, started } = setup({ start: menu });
    const res = await signedPost(app, '/voice', incoming);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/xml');
    expect(started).toEqual(['support-inbound']);
    expect(res.text).toContain('<Gather');
    expect(res.text).toContain('<Say>For sales press 1.</Say></Gather>');
    expect(attributes(res.text, 'Gather', 'numDigits')).toEqual(['1']);
    const action = attributes(res.text, 'Gather', 'action')[0]!;
    expect(action).toContain('contact=twilio-CA100');
    expect(action).toContain('prompts=p1');
  });

  it('turns keys into a digits event and answers with a <Dial> carrying the resolved caller ID', async () => {
    const { app, events } = setup({
      start: menu,
      react: (e) =>
        e.type === 'digits'
          ? [
              {
                type: 'dial',
                ref: 'd1',
                purpose: 'transfer',
                to: EXTERNAL,
                callerId: MAIN,
                timeoutSeconds: 30,
              },
            ]
          : undefined,
    });
    const first = await signedPost(app, '/voice', incoming);
    const gather = pathOf(attributes(first.text, 'Gather', 'action')[0]!);
    const res = await signedPost(app, gather, { CallSid: 'CA100', Digits: '1' });
    expect(events.map((e) => e.event.type)).toEqual(['promptDone', 'digits']);
    expect(attributes(res.text, 'Dial', 'callerId')).toEqual([MAIN]);
    expect(attributes(res.text, 'Dial', 'timeout')).toEqual(['30']);
    expect(res.text).toContain(`${EXTERNAL}</Number></Dial>`);
  });

  it('never dials a consult leg on the customer’s own leg: the engine is told it was not placed', async () => {
    const { app, events } = setup({
      start: menu,
      react: (e) =>
        e.type === 'digits'
          ? [
              {
                type: 'dial',
                ref: 'c1',
                purpose: 'consult',
                to: EXTERNAL,
                callerId: MAIN,
                timeoutSeconds: 30,
              },
            ]
          : undefined,
    });
    const first = await signedPost(app, '/voice', incoming);
    const gather = pathOf(attributes(first.text, 'Gather', 'action')[0]!);
    const res = await signedPost(app, gather, { CallSid: 'CA100', Digits: '1' });
    expect(res.text).not.toContain('<Dial');
    expect(events.map((e) => e.event)).toContainEqual(
      expect.objectContaining({
        type: 'adapterError',
        ref: 'c1',
        message: expect.stringContaining('consult'),
      }),
    );
  });

  it('keys in the extension once the number answers: <Number sendDigits>', async () => {
    const { app } = setup({
      start: [
        { type: 'dial', ref: 'd1', purpose: 'transfer', to: EXTERNAL, sendDigits: '12#', timeoutSeconds: 30 },
      ],
    });
    const res = await signedPost(app, '/voice', incoming);
    expect(attributes(res.text, 'Number', 'sendDigits')).toEqual(['12#']);
    expect(res.text).toContain(`${EXTERNAL}</Number></Dial>`);
  });

  it('handles a retried webhook once and answers it identically', async () => {
    const react = vi.fn<Reaction>((e) =>
      e.type === 'digits'
        ? [{ type: 'play', ref: 'p2', to: 'caller', prompt: { text: 'Connecting you.' } }]
        : undefined,
    );
    const { app, events } = setup({ start: menu, react });
    const first = await signedPost(app, '/voice', incoming);
    const gather = pathOf(attributes(first.text, 'Gather', 'action')[0]!);
    const a = await signedPost(app, gather, { CallSid: 'CA100', Digits: '1' });
    const b = await signedPost(app, gather, { CallSid: 'CA100', Digits: '1' });
    expect(b.text).toBe(a.text);
    expect(events.filter((e) => e.event.type === 'digits')).toHaveLength(1);
    const again = await signedPost(app, '/voice', incoming);
    expect(again.text).toBe(first.text);
  });

  it('refuses forged and tampered webhooks without touching the call', async () => {
    const { app, started, events } = setup({ start: menu });
    const forged = await request(app)
      .post('/twilio/voice')
      .type('form')
      .set('X-Twilio-Signature', 'bm9wZQ==')
      .send(incoming);
    expect(forged.status).toBe(403);
    const otherToken = await signedPost(app, '/voice', incoming, 'not-the-auth-token');
    expect(otherToken.status).toBe(403);
    expect(started).toEqual([]);
    expect(events).toEqual([]);
  });

  it('maps <Dial> outcomes: busy, no-answer, failed, and answered-then-completed', async () => {
    const { adapter, app, events } = setup({
      start: [{ type: 'dial', ref: 'd1', purpose: 'transfer', to: EXTERNAL, timeoutSeconds: 20 }],
    });
    const first = await signedPost(app, '/voice', incoming);
    const action = pathOf(attributes(first.text, 'Dial', 'action')[0]!);
    await signedPost(app, action, { CallSid: 'CA100', DialCallStatus: 'busy' });
    expect(events.at(-1)?.event).toMatchObject({ type: 'dialResult', ref: 'd1', result: 'busy' });
    const statusUrl = pathOf(attributes(first.text, 'Number', 'statusCallback')[0]!);
    await signedPost(app, statusUrl, { CallSid: 'CA101', ParentCallSid: 'CA100', CallStatus: 'in-progress' });
    await signedPost(app, `${action}&retry=1`, { CallSid: 'CA100', DialCallStatus: 'completed' });
    const results = events
      .filter((e) => e.event.type === 'dialResult')
      .map((e) => (e.event as { result: string }).result);
    // "answered" came twice (status callback, then the action) but carries one id: delivered once.
    expect(results).toEqual(['busy', 'answered', 'completed']);
    expect(adapter.call('twilio-CA100').ended).toBe(false);
  });

  it('pushes commands that arrive between webhooks with a REST redirect to the wait route', async () => {
    const client = fakeClient();
    const { adapter, app } = setup({
      start: [{ type: 'play', ref: 'h', to: 'caller', prompt: { text: 'Please hold.' }, loop: true }],
      client,
    });
    const first = await signedPost(app, '/voice', incoming);
    expect(first.text).toMatch(/<Gather[^>]*><Say>Please hold\.<\/Say><\/Gather>/);
    adapter.execute('twilio-CA100', { type: 'stopPlayback', to: 'caller' });
    adapter.execute('twilio-CA100', {
      type: 'play',
      ref: 'p9',
      to: 'caller',
      prompt: { text: 'An agent is ready.' },
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]).toMatch(
      /^redirect CA100 https:\/\/voice\.example\.com\/twilio\/wait\?contact=twilio-CA100/,
    );
    const wait = await signedPost(app, pathOf(client.calls[0]!.split(' ')[2]!), { CallSid: 'CA100' });
    expect(wait.text).toContain('<Say>An agent is ready.</Say>');
    expect(wait.text).not.toContain('Please hold.');
  });

  it('without REST credentials the wait loop picks pending commands up', async () => {
    const { adapter, app } = setup({ start: [] });
    const first = await signedPost(app, '/voice', incoming);
    expect(first.text).toMatch(/<Gather[^>]*timeout="1"[^>]*\/>/);
    adapter.execute('twilio-CA100', { type: 'hangup', reason: 'done' });
    const loop = pathOf(attributes(first.text, 'Gather', 'action')[0]!);
    const res = await signedPost(app, loop, { CallSid: 'CA100', Digits: '' });
    expect(res.text).toContain('<Hangup/>');
    expect(adapter.call('twilio-CA100').ended).toBe(true);
  });

  it('answers with safe fallback TwiML when the engine fails', async () => {
    const { app } = setup({
      host: {
        startInboundCall: () => {
          throw new Error('engine exploded');
        },
      },
    });
    const res = await signedPost(app, '/voice', incoming);
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<Say>We are sorry, something went wrong. Please call again later.</Say><Hangup/>',
    );
  });

  it('answers within the time budget even when the host is slow, parking the call', async () => {
    const { app } = setup({ host: { startInboundCall: () => new Promise(() => undefined) } });
    const res = await signedPost(app, '/voice', incoming);
    expect(res.text).toContain('<Pause length="1"/>');
    expect(res.text).toContain('/twilio/wait?contact=twilio-CA100');
  });

  it('says a number without a flow is not in service', async () => {
    const { app, started } = setup({ start: menu });
    const res = await signedPost(app, '/voice', { ...incoming, To: '+12125550199' });
    expect(res.text).toContain('not in service');
    expect(started).toEqual([]);
  });

  it("places a callback to a number with an extension with Twilio's sendDigits", async () => {
    const client = fakeClient();
    const { adapter } = setup({ client });
    adapter.execute('callback-2', {
      type: 'dial',
      ref: 'cb2',
      purpose: 'callback',
      to: CALLER,
      sendDigits: '12#',
      callerId: MAIN,
      timeoutSeconds: 25,
    });
    await vi.waitFor(() => expect(client.createCall).toHaveBeenCalled());
    expect(vi.mocked(client.createCall).mock.calls[0]![0]).toMatchObject({ to: CALLER, sendDigits: '12#' });
  });

  it('places callbacks through the REST API and bridges the agent with the whisper on answer', async () => {
    const client = fakeClient();
    const { adapter, app, events } = setup({
      client,
      react: (e) =>
        e.type === 'dialResult' && e.result === 'answered'
          ? [{ type: 'bridge', agent: 'alice', dialRef: 'cb1' }]
          : undefined,
    });
    adapter.execute('callback-1', {
      type: 'play',
      ref: 'w1',
      to: 'agent',
      prompt: { text: 'Callback for Support.' },
    });
    adapter.execute('callback-1', {
      type: 'dial',
      ref: 'cb1',
      purpose: 'callback',
      to: CALLER,
      callerId: MAIN,
      timeoutSeconds: 25,
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(client.calls).toEqual([`create ${CALLER} from ${MAIN}`]);
    const created = vi.mocked(client.createCall).mock.calls[0]![0];
    const answered = await signedPost(app, pathOf(created.url), {
      CallSid: 'CA900',
      CallStatus: 'in-progress',
    });
    expect(events.map((e) => e.event.type)).toEqual(['promptDone', 'dialResult']);
    expect(answered.text).toContain('<Client url=');
    expect(answered.text).toContain('>alice</Client></Dial>');
    const whisper = await signedPost(app, pathOf(attributes(answered.text, 'Client', 'url')[0]!), {
      CallSid: 'CA901',
    });
    expect(whisper.text).toContain('<Say>Callback for Support.</Say>');
    await signedPost(app, pathOf(created.statusCallback), { CallSid: 'CA900', CallStatus: 'completed' });
    expect(events.at(-1)?.event).toMatchObject({ type: 'dialResult', ref: 'cb1', result: 'completed' });
  });

  it('reports a callback the customer does not answer, and refuses outbound calls without credentials', async () => {
    const client = fakeClient();
    const { adapter, app, events } = setup({ client });
    adapter.execute('callback-2', {
      type: 'dial',
      ref: 'cb2',
      purpose: 'callback',
      to: CALLER,
      callerId: MAIN,
      timeoutSeconds: 25,
    });
    await new Promise((r) => setTimeout(r, 10));
    const created = vi.mocked(client.createCall).mock.calls[0]![0];
    await signedPost(app, pathOf(created.statusCallback), { CallSid: 'CA900', CallStatus: 'no-answer' });
    expect(events.at(-1)?.event).toMatchObject({ type: 'dialResult', ref: 'cb2', result: 'noAnswer' });

    const bare = setup({});
    bare.adapter.execute('callback-3', {
      type: 'dial',
      ref: 'cb3',
      purpose: 'callback',
      to: CALLER,
      callerId: MAIN,
      timeoutSeconds: 25,
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(bare.events.at(-1)?.event).toMatchObject({ type: 'adapterError', ref: 'cb3' });
  });

  it('reports the caller hanging up once, and drives recording through the REST API', async () => {
    const client = fakeClient();
    const { adapter, app, events } = setup({ client, start: [] });
    await signedPost(app, '/voice', incoming);
    adapter.execute('twilio-CA100', { type: 'setRecording', action: 'start', who: 'both' });
    await new Promise((r) => setTimeout(r, 10));
    adapter.execute('twilio-CA100', { type: 'setRecording', action: 'pause', who: 'both' });
    await new Promise((r) => setTimeout(r, 10));
    expect(client.calls).toEqual(['record CA100 dual', 'recording CA100 RE1 paused']);
    await signedPost(app, '/status', { CallSid: 'CA100', CallStatus: 'completed' });
    await signedPost(app, '/status', { CallSid: 'CA100', CallStatus: 'completed' });
    expect(events.filter((e) => e.event.type === 'callerHangUp')).toHaveLength(1);
  });
});
