export {
  DEFAULT_ENDED_CALL_RETENTION_MS,
  DEFAULT_MAX_ENDED_CALLS,
  type RetainedCalls,
  TwilioAdapter,
  type TwilioAdapterOptions,
  type TwilioLog,
  type WebhookAnswer,
} from './adapter.js';
export type { CallState } from './call-state.js';
export { type PromptAudioOptions, promptAudioRoutes, signedPromptUrl } from './prompt-audio.js';
export {
  TWILIO_REST_MAX_RETRIES,
  type TwilioRestClient,
  type TwilioRestOptions,
  twilioRestClient,
} from './rest-client.js';
export { verifyTwilioSignature } from './signature.js';
export { renderTwiml, renderWhisper } from './twiml.js';
export { type TwilioWebhookOptions, twilioWebhooks, type VoiceHost } from './webhooks.js';
