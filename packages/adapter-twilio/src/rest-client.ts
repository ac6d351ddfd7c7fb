import twilio from 'twilio';

/**
 * The part of Twilio's REST API the adapter uses. Injectable, so tests need no network; production uses
 * {@link twilioRestClient} on the `twilio` package.
 */
export interface TwilioRestClient {
  /** Points a live call at new TwiML (how commands that arrive between webhooks reach the call). */
  redirectCall(callSid: string, url: string): Promise<void>;
  /** Places an outbound call (callbacks); Twilio fetches `url` when it is answered. */
  createCall(params: {
    to: string;
    from: string;
    url: string;
    statusCallback: string;
    timeoutSeconds: number;
    /** Extension digits Twilio keys in once the number answers. */
    sendDigits?: string;
  }): Promise<{ sid: string }>;
  startRecording(callSid: string, channels: 'mono' | 'dual'): Promise<{ sid: string }>;
  /** Sends a text message (Programmable Messaging); resolves once Twilio accepted it. */
  sendMessage(params: { to: string; from: string; body: string }): Promise<{ sid: string }>;
  updateRecording(
    callSid: string,
    recordingSid: string,
    status: 'paused' | 'in-progress' | 'stopped',
  ): Promise<void>;
}

/** Retries of a REST request Twilio refused with 429 Too Many Requests. */
export const TWILIO_REST_MAX_RETRIES = 3;
/** The longest wait between two of those retries (the client backs off 200, 400, 800 ms... with jitter). */
export const TWILIO_REST_MAX_RETRY_DELAY_MS = 3_000;

export interface TwilioRestOptions {
  /** Retries of a request answered 429 (default {@link TWILIO_REST_MAX_RETRIES}); 0 turns them off. */
  maxRetries?: number;
  /** The REST API's root (default https://api.twilio.com): tests point it at a local server. */
  apiUrl?: string;
}

/**
 * The REST client on the `twilio` package, with the package's own retry (`autoRetry`): a request Twilio
 * answers **429** is sent again, up to `maxRetries` times with exponential backoff and full jitter. A 429
 * means Twilio refused the request without carrying it out, so repeating it is safe for every request,
 * `createCall` included. Nothing else is retried — not a network error, a timeout or a 5xx, after which
 * the request may have been carried out (a second `createCall` would ring the customer twice): those fail
 * the command, whose block takes its `error` outcome.
 */
export function twilioRestClient(
  accountSid: string,
  authToken: string,
  options: TwilioRestOptions = {},
): TwilioRestClient {
  const maxRetries = options.maxRetries ?? TWILIO_REST_MAX_RETRIES;
  const client = twilio(accountSid, authToken, {
    autoRetry: maxRetries > 0,
    maxRetries,
    maxRetryDelay: TWILIO_REST_MAX_RETRY_DELAY_MS,
  });
  if (options.apiUrl) client.api.baseUrl = options.apiUrl;
  return {
    async redirectCall(callSid, url) {
      await client.calls(callSid).update({ url, method: 'POST' });
    },
    async createCall({ to, from, url, statusCallback, timeoutSeconds, sendDigits }) {
      const call = await client.calls.create({
        to,
        from,
        url,
        method: 'POST',
        statusCallback,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['completed'],
        timeout: timeoutSeconds,
        ...(sendDigits ? { sendDigits } : {}),
      });
      return { sid: call.sid };
    },
    async startRecording(callSid, channels) {
      const recording = await client.calls(callSid).recordings.create({ recordingChannels: channels });
      return { sid: recording.sid };
    },
    async sendMessage({ to, from, body }) {
      const message = await client.messages.create({ to, from, body });
      return { sid: message.sid };
    },
    async updateRecording(callSid, recordingSid, status) {
      await client.calls(callSid).recordings(recordingSid).update({ status });
    },
  };
}
