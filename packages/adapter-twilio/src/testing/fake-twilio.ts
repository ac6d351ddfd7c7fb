import twilio from 'twilio';
import type { TwilioRestClient } from '../rest-client.js';

/** How the fake reaches the webhook routes: an HTTP POST of a form, with headers. */
export type WebhookTransport = (
  path: string,
  form: Record<string, string>,
  headers: Record<string, string>,
) => Promise<{ status: number; text: string }>;

export type NumberBehaviour = 'answer' | 'busy' | 'noAnswer' | 'fail';

const DIAL_STATUS: Record<NumberBehaviour, string> = {
  answer: 'completed',
  busy: 'busy',
  noAnswer: 'no-answer',
  fail: 'failed',
};

export interface FakeCall {
  sid: string;
  contactId: string;
  /** The last TwiML the call was given. */
  twiml: string;
  /** Every TwiML document the call was given, in order. */
  history: string[];
  ended: boolean;
  redirect?: string;
}

export interface FakeTwilioOptions {
  transport: WebhookTransport;
  authToken: string;
  /** The public URL of the mount point, as the adapter renders it. */
  publicUrl: string;
  /** Path of the mount point on the transport (default: the public URL's path). */
  mountPath?: string;
}

const decodeXml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const first = (twiml: string, pattern: RegExp) => {
  const m = twiml.match(pattern)?.[1];
  return m === undefined ? undefined : decodeXml(m);
};

/**
 * A stand-in for Twilio's side of calls, for tests: it signs and sends the webhooks Twilio would send
 * (parameters as Twilio documents them), follows the TwiML it is answered with (<Gather>, <Dial>,
 * <Redirect>, <Hangup>), and plays the REST API (`client`). Time is counted in steps, not waited for.
 */
export class FakeTwilio {
  readonly calls = new Map<string, FakeCall>();
  readonly numbers = new Map<string, NumberBehaviour>();
  /** Contacts whose next REST request is refused. */
  readonly failing = new Set<string>();
  /** REST requests made, in order, for assertions. */
  readonly rest: string[] = [];
  /** Text messages Twilio accepted, in order. */
  readonly messages: { to: string; from: string; body: string }[] = [];
  readonly client: TwilioRestClient;
  private nextSid = 100;
  private readonly base: string;
  private readonly mount: string;

  constructor(private readonly options: FakeTwilioOptions) {
    this.base = options.publicUrl.replace(/\/+$/, '');
    this.mount = options.mountPath ?? new URL(this.base).pathname;
    this.client = {
      redirectCall: async (sid, url) => {
        this.rest.push(`redirect ${sid}`);
        const call = this.bySid(sid);
        if (!call) throw new Error(`no call ${sid}`);
        if (this.failing.delete(call.contactId)) throw new Error('Twilio refused (test)');
        call.redirect = url;
      },
      createCall: async (p) => {
        this.rest.push(`create ${p.to} from ${p.from}`);
        const sid = this.sid();
        const contactId = new URL(p.url).searchParams.get('contact') ?? sid;
        const call: FakeCall = { sid, contactId, twiml: '', history: [], ended: false };
        this.calls.set(contactId, call);
        queueMicrotask(() => void this.ring(call, p.to, p.url, p.statusCallback));
        return { sid };
      },
      startRecording: async (sid, channels) => {
        this.rest.push(`record ${sid} ${channels}`);
        return { sid: 'RE1' };
      },
      sendMessage: async (p) => {
        this.rest.push(`message ${p.to} from ${p.from}`);
        if (this.numbers.get(p.to) === 'fail') throw new Error('Twilio refused the number (test)');
        this.messages.push(p);
        return { sid: `SM${this.nextSid++}` };
      },
      updateRecording: async (sid, recording, status) => {
        this.rest.push(`recording ${sid} ${recording} ${status}`);
      },
    };
  }

  /** A caller rings `to`; returns the contact id the adapter uses for the call. */
  async incomingCall(from: string, to: string): Promise<string> {
    const sid = this.sid();
    const contactId = `twilio-${sid}`;
    const call: FakeCall = { sid, contactId, twiml: '', history: [], ended: false };
    this.calls.set(contactId, call);
    await this.post(call, `${this.base}/voice`, {
      From: from,
      To: to,
      CallStatus: 'ringing',
      Direction: 'inbound',
    });
    return contactId;
  }

  /** The caller presses keys while the current <Gather> listens (keys outside a <Gather> are lost). */
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
    await this.send(`${this.base}/status`, { CallSid: call.sid, CallStatus: 'completed' });
  }

  /** Follows every live call's TwiML for at most `steps` rounds, until nothing moves. */
  async settle(steps: number): Promise<void> {
    await new Promise((r) => setTimeout(r, 5)); // REST pushes land
    for (let i = 0; i < steps; i++) {
      let moved = false;
      for (const call of [...this.calls.values()])
        if (!call.ended) moved = (await this.advance(call)) || moved;
      if (!moved) return;
    }
  }

  /** The caller's call's TwiML, everything it was given so far joined. */
  transcript(contactId: string): string {
    return this.calls.get(contactId)?.history.join('\n') ?? '';
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
      if (behaviour === 'answer' && status) {
        await this.send(status, { CallSid: this.sid(), ParentCallSid: call.sid, CallStatus: 'in-progress' });
      }
      await this.post(call, dialAction, { DialCallStatus: DIAL_STATUS[behaviour] });
      if (behaviour === 'answer' && call.twiml === twiml) call.ended = true;
      return true;
    }
    if (/<Client[^>]*>/.test(twiml)) return false; // with an agent: nothing more until someone hangs up
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

  private async ring(call: FakeCall, to: string, url: string, statusCallback: string): Promise<void> {
    const behaviour = this.numbers.get(to) ?? 'answer';
    if (behaviour === 'answer')
      await this.post(call, url, { CallStatus: 'in-progress', Direction: 'outbound-api' });
    else await this.send(statusCallback, { CallSid: call.sid, CallStatus: DIAL_STATUS[behaviour] });
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
    const res = await this.send(url, { CallSid: call.sid, ...params });
    if (res.status === 200) {
      call.twiml = res.text;
      call.history.push(res.text);
    }
  }

  /** Signs over the public URL, then posts to the same path on the transport (as behind a proxy). */
  async send(url: string, params: Record<string, string>, token = this.options.authToken) {
    const signature = twilio.getExpectedTwilioSignature(token, url, params);
    const u = new URL(url);
    const path = `${this.mount}${u.pathname.slice(new URL(this.base).pathname.length)}${u.search}`;
    return this.options.transport(path, params, { 'X-Twilio-Signature': signature });
  }

  private sid(): string {
    return `CA${String(this.nextSid++).padStart(32, '0')}`;
  }

  private bySid(sid: string): FakeCall | undefined {
    for (const call of this.calls.values()) if (call.sid === sid) return call;
    return undefined;
  }
}
