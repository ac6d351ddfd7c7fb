import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValues, secureVariableNames } from './redact.js';

const flow = {
  variables: {
    pin: { type: 'string' as const, secure: true },
    card: { type: 'string' as const, secure: true },
    tier: { type: 'string' as const },
  },
};

describe('redaction of secure variables', () => {
  it('replaces secure values and keeps the others', () => {
    expect(secureVariableNames(flow)).toEqual(['pin', 'card']);
    expect(redactValues(flow, { pin: '4321', tier: 'gold', other: 1 })).toEqual({
      pin: REDACTED,
      tier: 'gold',
      other: 1,
    });
  });

  it('masks every occurrence inside text, longest value first', () => {
    const text = 'PIN 4321 for card 4111111111114321, again 4321';
    expect(redactText(text, ['4321', '4111111111114321'])).toBe(
      `PIN ${REDACTED} for card ${REDACTED}, again ${REDACTED}`,
    );
  });

  it('ignores empty values and masks numbers by their text', () => {
    expect(redactText('code 9876', ['', null, undefined, 9876])).toBe(`code ${REDACTED}`);
  });
});
