export { TwilioAdapter, type TwilioAdapterOptions, type WebhookAnswer } from './adapter.js';
export type { CallState } from './call-state.js';
export { type TwilioRestClient, twilioRestClient } from './rest-client.js';
export { verifyTwilioSignature } from './signature.js';
export { renderTwiml, renderWhisper } from './twiml.js';
export { type TwilioWebhookOptions, twilioWebhooks, type VoiceHost } from './webhooks.js';
