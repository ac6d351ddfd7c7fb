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
  }): Promise<{ sid: string }>;
  startRecording(callSid: string, channels: 'mono' | 'dual'): Promise<{ sid: string }>;
  updateRecording(
    callSid: string,
    recordingSid: string,
    status: 'paused' | 'in-progress' | 'stopped',
  ): Promise<void>;
}

export function twilioRestClient(accountSid: string, authToken: string): TwilioRestClient {
  const client = twilio(accountSid, authToken);
  return {
    async redirectCall(callSid, url) {
      await client.calls(callSid).update({ url, method: 'POST' });
    },
    async createCall({ to, from, url, statusCallback, timeoutSeconds }) {
      const call = await client.calls.create({
        to,
        from,
        url,
        method: 'POST',
        statusCallback,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['completed'],
        timeout: timeoutSeconds,
      });
      return { sid: call.sid };
    },
    async startRecording(callSid, channels) {
      const recording = await client.calls(callSid).recordings.create({ recordingChannels: channels });
      return { sid: recording.sid };
    },
    async updateRecording(callSid, recordingSid, status) {
      await client.calls(callSid).recordings(recordingSid).update({ status });
    },
  };
}
