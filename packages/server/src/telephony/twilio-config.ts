import { ConfigError } from '../config-error.js';

/** Twilio Programmable Voice settings (docs/twilio.md); absent unless an auth token is configured. */
export interface TwilioConfig {
  authToken: string;
  /** Public URL of the webhook mount point as Twilio calls it, e.g. https://voice.example.com/twilio. */
  publicUrl: string;
  /** With it, the REST client is used for redirects, recordings and callbacks. */
  accountSid?: string;
  defaultFlow?: string;
}

/** Reads CALLFLOW_TWILIO_*; refuses half a configuration rather than guessing. */
export function twilioConfigFrom(env: NodeJS.ProcessEnv): TwilioConfig | undefined {
  const authToken = env.CALLFLOW_TWILIO_AUTH_TOKEN;
  const publicUrl = env.CALLFLOW_TWILIO_PUBLIC_URL;
  if (!authToken && !publicUrl) return undefined;
  if (!authToken || !publicUrl) {
    throw new ConfigError(
      'Twilio needs both CALLFLOW_TWILIO_AUTH_TOKEN and CALLFLOW_TWILIO_PUBLIC_URL (the URL Twilio is configured to call).',
    );
  }
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new ConfigError(`CALLFLOW_TWILIO_PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
    throw new ConfigError('CALLFLOW_TWILIO_PUBLIC_URL must be https (Twilio signs the exact URL it calls).');
  }
  return {
    authToken,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    ...(env.CALLFLOW_TWILIO_ACCOUNT_SID ? { accountSid: env.CALLFLOW_TWILIO_ACCOUNT_SID } : {}),
    ...(env.CALLFLOW_TWILIO_DEFAULT_FLOW ? { defaultFlow: env.CALLFLOW_TWILIO_DEFAULT_FLOW } : {}),
  };
}
