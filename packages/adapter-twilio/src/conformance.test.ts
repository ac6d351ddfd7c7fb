import { runAdapterConformance } from '@callflow/runtime';
import { describe, expect, it } from 'vitest';
import { FakeTwilio } from './test-support/fake-twilio.js';

// The runtime's adapter contract, checked through real signed webhooks and the TwiML the adapter answers.
runAdapterConformance('twilio', () => new FakeTwilio().harness(), { describe, it, expect });
