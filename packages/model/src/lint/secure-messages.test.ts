import { describe, expect, it } from 'vitest';
import type { Flow } from '../flow.js';
import { validateFlowSchema } from '../validate.js';
import {
  block,
  expectNoProblem,
  expectOneProblem,
  inboundFlow,
  withBlocks,
} from './test-support/lint-fixtures.js';

/** The inbound flow with a Send a message block after the greeting. */
function sending(settings: Record<string, unknown>): Flow {
  return withBlocks(
    inboundFlow(),
    { text: block('sendMessage', settings, { sent: 'set-queue', failed: 'set-queue' }) },
    { block: 'greeting', outcome: 'success', to: 'text' },
  );
}

describe('Send a message at design time', () => {
  it('refuses a secure variable in the text (CF608), at the message, naming the variable', () => {
    const p = expectOneProblem(
      sending({
        to: { variable: '$callerNumber' },
        message: 'Your PIN is {{ pin }}, account {{accountNumber}}',
      }),
      { code: 'CF608', path: '/blocks/text/settings/message', blockId: 'text' },
    );
    expect(p.severity).toBe('error');
    expect(p.message).toContain('"pin"');
  });

  it('refuses a secure variable as the number the message goes to (CF608)', () => {
    expectOneProblem(sending({ to: { variable: 'pin' }, message: 'Hello' }), {
      code: 'CF608',
      path: '/blocks/text/settings/to/variable',
      blockId: 'text',
    });
  });

  it('accepts non-secure placeholders and the caller’s number', () => {
    expectNoProblem(
      sending({ to: { variable: '$callerNumber' }, message: 'Account {{accountNumber}}: we call you back.' }),
      'CF608',
    );
  });

  it('checks a literal number with the dial-number rules and the country allowlist (CF501, CF504)', () => {
    expectOneProblem(sending({ to: { value: '+442079460000' }, message: 'Hi' }), {
      code: 'CF501',
      path: '/blocks/text/settings/to/value',
      blockId: 'text',
    });
    expectOneProblem(sending({ to: { value: '911' }, message: 'Hi' }), {
      code: 'CF504',
      path: '/blocks/text/settings/to/value',
      blockId: 'text',
    });
  });

  it('refuses an empty message and an unknown placeholder', () => {
    const empty = validateFlowSchema(sending({ to: { variable: '$callerNumber' }, message: '' }));
    expect(empty.map((p) => p.path)).toContain('/blocks/text/settings/message');
    expectOneProblem(sending({ to: { variable: '$callerNumber' }, message: 'Hi {{nobody}}' }), {
      code: 'CF306',
      path: '/blocks/text/settings/message',
      blockId: 'text',
    });
  });
});
