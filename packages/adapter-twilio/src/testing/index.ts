export {
  type FakeCall,
  FakeTwilio,
  type FakeTwilioOptions,
  type NumberBehaviour,
  type WebhookTransport,
} from './fake-twilio.js';
