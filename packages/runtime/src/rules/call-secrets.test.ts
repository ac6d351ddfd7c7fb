import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { CallSecrets } from './call-secrets.js';
import { REDACTED } from './redact.js';

const main = {
  id: 'main',
  variables: { account: { type: 'string' }, card: { type: 'string', secure: true } },
  blocks: {
    ask: { type: 'getDigits', settings: { variable: 'card' } },
    menu: { type: 'menu', settings: {} },
  },
} as unknown as Flow;
const verify = {
  id: 'verify',
  variables: { pin: { type: 'string', secure: true }, tries: { type: 'integer' } },
  blocks: {
    'ask-pin': { type: 'getDigits', settings: { variable: 'pin' } },
    'ask-tries': { type: 'getDigits', settings: { variable: 'tries' } },
  },
} as unknown as Flow;
const flows: Record<string, Flow> = { main, verify };

describe('CallSecrets', () => {
  it('masks secure values of every flow the call entered, also after a module returned', () => {
    const secrets = new CallSecrets((id) => flows[id]);
    secrets.remember({
      flowId: 'main',
      variables: { account: '4417', card: '4111111111111111' },
      stack: [
        { flowId: 'main', block: 'menu' },
        { kind: 'module', flowId: 'verify', block: 'ask-pin', vars: { pin: '9753', tries: 2 } },
      ],
    });
    // The module returned: its PIN is gone from the snapshot, not from what was said before.
    secrets.remember({
      flowId: 'main',
      variables: { account: '4417' },
      stack: [{ flowId: 'main', block: 'menu' }],
    });
    expect(secrets.mask('PIN 9753, card 4111111111111111, account 4417')).toBe(
      `PIN ${REDACTED}, card ${REDACTED}, account 4417`,
    );
  });

  it('knows when the caller keys a secure value: a get-digits block storing into a secure variable', () => {
    const secrets = new CallSecrets((id) => flows[id]);
    const at = (flowId: string, block: string) => ({ variables: {}, stack: [{ flowId, block }] });
    expect(secrets.collecting(at('main', 'ask'))).toBe(true);
    expect(secrets.collecting(at('verify', 'ask-pin'))).toBe(true);
    expect(secrets.collecting(at('verify', 'ask-tries'))).toBe(false);
    expect(secrets.collecting(at('main', 'menu'))).toBe(false);
    expect(secrets.collecting(at('gone', 'ask'))).toBe(false);
    expect(secrets.collecting(undefined)).toBe(false);
  });
});
