import { emptyResources } from '@callflow/model';
import type { ConformanceHarness } from '@callflow/runtime';
import express, { type Express } from 'express';
import { TwilioAdapter } from '../adapter.js';
import type { TwilioRestClient } from '../rest-client.js';
import { twilioWebhooks } from '../webhooks.js';
import { AUTH_TOKEN, decodeXml, PUBLIC_URL, pathOf, signedPost } from './signed-requests.js';

type Behaviour = 'answer' | 'busy' | 'noAnswer' | 'fail';

const DIAL_STATUS: Record<Behaviour, string> = {
  answer: 'completed',
  busy: 'busy',
  noAnswer: 'no-answer',
  fail: 'failed',
};

interface FakeCall {
  sid: string;
  twiml: string;
  ended: boolean;
  redirect?: string;
}

const first = (twiml: string, pattern: RegExp) => {
  const m = twiml.match(pattern)?.[1];
  return m === undefined ? undefined : decodeXml(m);
};

/**
 * A stand-in for Twilio's side of a call, for tests: it signs and sends the webhooks Twilio would send,
 * follows the TwiML the adapter answers with (<Gather>, <Dial>, <Redirect>, <Hangup>), and plays the REST
 * API (redirects, recordings, outbound calls). Time is counted in steps, not waited for.
 */
export class FakeTwilio {
  readonly app: Express;
  readonly adapter: TwilioAdapter;
  readonly calls = new Map<string, FakeCall>();
  readonly numbers = new Map<string, Behaviour>();
  readonly failing = new Set<string>();
  private nextSid = 100;

  constructor() {
    const client: TwilioRestClient = {
      redirectCall: async (sid, url) => {
        const call = this.bySid(sid);
        if (!call) throw new Error(`no call ${sid}`);
        if (this.failing.delete(this.contactOf(call))) throw new Error('Twilio refused (test)');
        call.redirect = url;
      },
      createCall: async () => ({ sid: `CA${this.nextSid++}` }),
      startRecording: async () => ({ sid: 'RE1' }),
      updateRecording: async () => undefined,
    };
    this.adapter = new TwilioAdapter({ publicUrl: PUBLIC_URL, client });
    const resources = emptyResources();
    resources.numbers.main = { number: '+12015550100', displayName: 'Main', inboundFlow: 'conformance' };
    this.app = express();
    this.app.use(
      '/twilio',
      twilioWebhooks({
        adapter: this.adapter,
        host: { resources: () => resources, startInboundCall: () => undefined },
        authToken: AUTH_TOKEN,
        publicUrl: PUBLIC_URL,
      }),
    );
  }

  harness(): ConformanceHarness {
    return {
      adapter: this.adapter,
      provider: {
        incomingCall: (from, to) => this.incomingCall(from, to),
        press: (contactId, digits) => this.press(contactId, digits),
        hangUp: (contactId) => this.hangUp(contactId),
        numberBehaves: (number, behaviour) => void this.numbers.set(number, behaviour),
        settle: (seconds) => this.settle(seconds),
        failNext: (contactId) => void this.failing.add(contactId),
      },
    };
  }

  async incomingCall(from: string, to: string): Promise<string> {
    const sid = `CA${this.nextSid++}`;
    const res = await signedPost(this.app, '/voice', {
      CallSid: sid,
      From: from,
      To: to,
      CallStatus: 'ringing',
    });
    const contactId = `twilio-${sid}`;
    this.calls.set(contactId, { sid, twiml: res.text, ended: false });
    return contactId;
  }

  async press(contactId: string, digits: string): Promise<void> {
    const call = this.calls.get(contactId);
    if (!call || call.ended) return;
    await this.takeRedirect(call);
    const action = first(call.twiml, /<Gather[^>]*\saction="([^"]*)"/);
    if (action) await this.post(call, action, { Digits: digits });
  }

  async hangUp(contactId: string): Promise<void> {
    const call = this.calls.get(contactId);
    if (!call || call.ended) return;
    call.ended = true;
    await signedPost(this.app, '/status', { CallSid: call.sid, CallStatus: 'completed' });
  }

  /** Follows every live call's TwiML for about `seconds` steps. */
  async settle(seconds: number): Promise<void> {
    await new Promise((r) => setTimeout(r, 5)); // let REST pushes land
    for (let step = 0; step < seconds; step++) {
      let moved = false;
      for (const call of this.calls.values()) {
        if (!call.ended) moved = (await this.advance(call)) || moved;
      }
      if (!moved) return;
    }
  }

  private async advance(call: FakeCall): Promise<boolean> {
    if (await this.takeRedirect(call)) return true;
    const twiml = call.twiml;
    if (twiml.includes('<Hangup/>')) {
      call.ended = true;
      return false;
    }
    const dialAction = first(twiml, /<Dial[^>]*\saction="([^"]*)"/);
    const number = first(twiml, /<Number[^>]*>([^<]*)<\/Number>/);
    if (dialAction && number) {
      const behaviour = this.numbers.get(number) ?? 'answer';
      const status = first(twiml, /<Number[^>]*\sstatusCallback="([^"]*)"/);
      if (behaviour === 'answer' && status)
        await signedPost(this.app, pathOf(status), {
          CallSid: `CA${this.nextSid++}`,
          CallStatus: 'in-progress',
        });
      await this.post(call, dialAction, { DialCallStatus: DIAL_STATUS[behaviour] });
      return true;
    }
    const gather = first(twiml, /<Gather[^>]*\saction="([^"]*)"/);
    if (gather) {
      await this.post(call, gather, { Digits: '' });
      return true;
    }
    const redirect = first(twiml, /<Redirect[^>]*>([^<]*)<\/Redirect>/);
    if (redirect) {
      await this.post(call, redirect, {});
      return true;
    }
    return false;
  }

  /** A REST redirect replaces whatever the call was doing. */
  private async takeRedirect(call: FakeCall): Promise<boolean> {
    if (!call.redirect) return false;
    const url = call.redirect;
    delete call.redirect;
    await this.post(call, url, {});
    return true;
  }

  private async post(call: FakeCall, url: string, params: Record<string, string>): Promise<void> {
    const res = await signedPost(this.app, pathOf(url), { CallSid: call.sid, ...params });
    if (res.status === 200) call.twiml = res.text;
  }

  private bySid(sid: string): FakeCall | undefined {
    for (const call of this.calls.values()) if (call.sid === sid) return call;
    return undefined;
  }

  private contactOf(call: FakeCall): string {
    return `twilio-${call.sid}`;
  }
}
