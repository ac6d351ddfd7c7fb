import { runAdapterConformance } from '@callflow/runtime';
import { describe, expect, it } from 'vitest';
import { conformanceHarness } from './test-support/harness.js';

// The runtime's adapter contract, checked through real signed webhooks and the TwiML the adapter answers.
runAdapterConformance('twilio', conformanceHarness, { describe, it, expect });
