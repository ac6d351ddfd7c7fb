import { describe, expect, it } from 'vitest';
import { maskValue, REDACTED, redactText, redactValues } from './redact.js';
import { secureVariableNames } from './secure-variables.js';

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

describe('maskValue for values shown to agents', () => {
  it('masks a short secret only where it is the whole value, so a PIN inside an account number stays readable', () => {
    const shown = { account: '87654321', lastDigits: '4321', note: ['4321', 'pin 4321'] };
    expect(maskValue(shown, ['4321'], { shownToAgents: true })).toEqual({
      account: '87654321',
      lastDigits: REDACTED,
      note: [REDACTED, 'pin 4321'],
    });
  });

  it('masks a secret of six or more characters wherever it occurs', () => {
    expect(maskValue({ echo: 'token abcdef12 ok' }, ['abcdef12'], { shownToAgents: true })).toEqual({
      echo: `token ${REDACTED} ok`,
    });
  });

  it('masks a short secret inside free text when the value is not shown to agents (traces, logs)', () => {
    expect(maskValue({ account: '87654321' }, ['4321'])).toEqual({ account: `8765${REDACTED}` });
  });
});
