import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CallerIdSituation, resolveCallerId } from './caller-id.js';
import { acmeResources } from './test-support/resources.js';

type Row = [
  description: string,
  situation: Partial<CallerIdSituation>,
  number: string | undefined,
  rule: string,
];

const base: CallerIdSituation = {
  purpose: 'transfer',
  resources: acmeResources(),
  callerNumber: '+13125550177',
  dialedNumber: '+13125550199',
  activeCall: true,
};

const vars: Record<string, unknown> = { cid: '(415) 555-0122', short: '123', empty: '' };
const variables = (name: string) => vars[name];

/** docs/domain.md#caller-id, one row per rule: situation -> number shown -> rule. Mirrored in docs/caller-id.md. */
const TABLE: Row[] = [
  [
    'transfer, fixed number name',
    { setting: { strategy: 'fixed', number: 'sales' } },
    '+12015550111',
    'fixed',
  ],
  [
    'transfer, fixed E.164 the account owns',
    { setting: { strategy: 'fixed', number: '+1 201 555 0111' } },
    '+12015550111',
    'fixed',
  ],
  [
    'transfer, fixed E.164 not owned (warning)',
    { setting: { strategy: 'fixed', number: '+12025550199' } },
    '+12025550199',
    'fixed',
  ],
  [
    'transfer, fixed name unknown -> principal',
    { setting: { strategy: 'fixed', number: 'nosuch' } },
    '+12025550100',
    'principal',
  ],
  [
    'transfer, from variable',
    { setting: { strategy: 'variable', variable: 'cid' }, variables },
    '+14155550122',
    'variable',
  ],
  [
    'transfer, variable not a number -> principal',
    { setting: { strategy: 'variable', variable: 'short' }, variables },
    '+12025550100',
    'principal',
  ],
  [
    'transfer, variable empty -> principal',
    { setting: { strategy: 'variable', variable: 'empty' }, variables },
    '+12025550100',
    'principal',
  ],
  [
    'transfer, queue outbound caller ID',
    { setting: { strategy: 'queue' }, queue: 'support' },
    '+14155550122',
    'queue',
  ],
  [
    'transfer, queue without caller ID -> principal',
    { setting: { strategy: 'queue' }, queue: 'billing' },
    '+12025550100',
    'principal',
  ],
  ['transfer, caller strategy', { setting: { strategy: 'caller' } }, '+13125550177', 'caller'],
  ['transfer, no caller ID set -> caller passed through', {}, '+13125550177', 'caller'],
  [
    'transfer, no caller ID set, caller withheld -> queue',
    { callerNumber: '', queue: 'support' },
    '+14155550122',
    'queue',
  ],
  [
    'transfer, no caller ID set, caller withheld, no queue -> principal',
    { callerNumber: 'anonymous' },
    '+12025550100',
    'principal',
  ],
  [
    'by group: number bound to the agent group',
    { setting: { strategy: 'agentGroup' }, agent: 'alice' },
    '+12015550111',
    'agentGroup',
  ],
  [
    'by group: the group caller ID number',
    { setting: { strategy: 'agentGroup' }, agent: 'bob' },
    '+14155550122',
    'agentGroup',
  ],
  [
    'by group: no agent, the queue group',
    { setting: { strategy: 'agentGroup' }, queue: 'support' },
    '+14155550122',
    'agentGroup',
  ],
  [
    'by group: group without a number -> principal',
    { setting: { strategy: 'agentGroup' }, agent: 'carol' },
    '+12025550100',
    'principal',
  ],
  [
    'same area code: 212 matches nyc',
    { setting: { strategy: 'sameAreaCode' }, dialedNumber: '+12125559999' },
    '+12125550133',
    'sameAreaCode',
  ],
  [
    'same area code among the agent allowed numbers',
    { setting: { strategy: 'sameAreaCode' }, agent: 'alice', dialedNumber: '+12015550000' },
    '+12015550111',
    'sameAreaCode',
  ],
  [
    'same area code: London 20',
    { setting: { strategy: 'sameAreaCode' }, dialedNumber: '+442079460000' },
    '+442079460958',
    'sameAreaCode',
  ],
  [
    'same area code: none -> random allowed',
    { setting: { strategy: 'sameAreaCode' }, dialedNumber: '+13055550000', random: () => 0.99 },
    '+442079460958',
    'randomAllowed',
  ],
  [
    'same area code: none -> random among agent allowed',
    { setting: { strategy: 'sameAreaCode' }, agent: 'alice', dialedNumber: '+13055550000', random: () => 0 },
    '+12015550111',
    'randomAllowed',
  ],
  [
    'same area code: none -> principal fallback',
    { setting: { strategy: 'sameAreaCode', fallback: 'principal' }, dialedNumber: '+13055550000' },
    '+12025550100',
    'principal',
  ],
  [
    'agent choice: allowed pick',
    { setting: { strategy: 'agentChoice' }, agent: 'alice', agentChoice: 'sales' },
    '+12015550111',
    'agentChoice',
  ],
  [
    'agent choice: pick by number',
    { setting: { strategy: 'agentChoice' }, agent: 'alice', agentChoice: '+12015550111' },
    '+12015550111',
    'agentChoice',
  ],
  [
    'agent choice: not allowed -> agent default',
    { setting: { strategy: 'agentChoice' }, agent: 'alice', agentChoice: 'support' },
    '+12125550133',
    'agentDefault',
  ],
  [
    'agent choice: no pick -> agent default',
    { setting: { strategy: 'agentChoice' }, agent: 'alice' },
    '+12125550133',
    'agentDefault',
  ],
  [
    'agent choice: no default, principal allowed',
    { setting: { strategy: 'agentChoice' }, agent: 'bob' },
    '+12025550100',
    'principal',
  ],
  [
    'agent choice: no default, principal not allowed',
    { setting: { strategy: 'agentChoice' }, agent: 'carol' },
    '+14155550122',
    'firstAllowed',
  ],
  ['callback: the queue caller ID', { purpose: 'callback', queue: 'sales' }, '+12015550111', 'queue'],
  [
    'callback: outbound whisper overrides',
    { purpose: 'callback', queue: 'sales', outboundWhisperOverride: 'nyc' },
    '+12125550133',
    'outboundWhisper',
  ],
  [
    'callback: whisper override by number',
    { purpose: 'callback', queue: 'sales', outboundWhisperOverride: '+13125550100' },
    '+13125550100',
    'outboundWhisper',
  ],
  [
    'callback: bad whisper override -> queue',
    { purpose: 'callback', queue: 'sales', outboundWhisperOverride: 'nope' },
    '+12015550111',
    'queue',
  ],
  [
    'agent quick connect during an active call: queue',
    { purpose: 'agentOutbound', activeCall: true, queue: 'support', agent: 'bob' },
    '+14155550122',
    'queue',
  ],
  [
    "agent quick connect during an active call: the queue's number is not allowed -> agent default",
    { purpose: 'agentOutbound', activeCall: true, queue: 'support', agent: 'alice' },
    '+12125550133',
    'agentDefault',
  ],
  [
    'agent dialling with no active call: default outbound queue',
    { purpose: 'agentOutbound', activeCall: false, agent: 'alice' },
    '+12015550111',
    'defaultOutboundQueue',
  ],
  [
    'agent dialling, default outbound queue without caller ID -> principal',
    { purpose: 'agentOutbound', activeCall: false, agent: 'bob' },
    '+12025550100',
    'principal',
  ],
  [
    'agent dialling, picks an allowed number',
    { purpose: 'agentOutbound', activeCall: false, agent: 'alice', agentChoice: 'nyc' },
    '+12125550133',
    'agentChoice',
  ],
  [
    'agent dialling, picks a number not allowed -> default outbound queue',
    { purpose: 'agentOutbound', activeCall: false, agent: 'alice', agentChoice: 'london' },
    '+12015550111',
    'defaultOutboundQueue',
  ],
  [
    'callback placed by an agent who picks an allowed number',
    { purpose: 'callback', queue: 'support', agent: 'alice', agentChoice: 'sales' },
    '+12015550111',
    'agentChoice',
  ],
  [
    'transfer: an agent pick does not apply to a flow transfer',
    { agent: 'alice', agentChoice: 'nyc' },
    '+13125550177',
    'caller',
  ],
  [
    'agent outbound: whisper override wins over the queue',
    { purpose: 'agentOutbound', activeCall: true, queue: 'support', outboundWhisperOverride: 'london' },
    '+442079460958',
    'outboundWhisper',
  ],
  [
    'agent outbound: whisper override wins over the agent pick',
    {
      purpose: 'agentOutbound',
      activeCall: false,
      agent: 'alice',
      agentChoice: 'nyc',
      outboundWhisperOverride: 'main',
    },
    '+12025550100',
    'outboundWhisper',
  ],
];

describe('resolveCallerId: docs/domain.md#caller-id table', () => {
  it.each(TABLE)('%s', (_description, situation, number, rule) => {
    const decision = resolveCallerId({ ...base, ...situation });
    expect({ number: decision.number, rule: decision.rule }).toEqual({ number, rule });
    expect(decision.reason.length).toBeGreaterThan(10);
  });
});

describe('docs/caller-id.md', () => {
  it('shows the same table, row for row (number shown and rule)', () => {
    const doc = readFileSync(new URL('../../../../docs/caller-id.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('## The rules as a table'));
    const rows = [...table.matchAll(/^\| (.+?) \| (\+\d+|none) \| (\w+) \|$/gm)].map((m) => [m[2], m[3]]);
    expect(rows).toEqual(TABLE.map(([, , number, rule]) => [number ?? 'none', rule]));
  });
});

describe('resolveCallerId: reasons and rejected candidates', () => {
  it('warns when a fixed number is not one of the account numbers', () => {
    const d = resolveCallerId({ ...base, setting: { strategy: 'fixed', number: '+12025550199' } });
    expect(d.warning).toMatch(/not one of the account's numbers/);
    expect(d.reason).toMatch(/warning:/);
    expect(
      resolveCallerId({ ...base, setting: { strategy: 'fixed', number: 'sales' } }).warning,
    ).toBeUndefined();
  });

  it('names an account number with its display name, a queue number with the queue caller ID name', () => {
    expect(resolveCallerId({ ...base, setting: { strategy: 'fixed', number: 'sales' } }).name).toBe('Sales');
    expect(resolveCallerId({ ...base, setting: { strategy: 'queue' }, queue: 'support' }).name).toBe(
      'Acme Support',
    );
    expect(resolveCallerId({ ...base }).name).toBeUndefined();
  });

  it('removes SIP-reserved characters from the caller ID name and keeps it to 50 characters', () => {
    const resources = acmeResources();
    resources.numbers.sales!.displayName = 'Sales & Support; East/West';
    resources.numbers.nyc!.displayName = '@&=';
    resources.numbers.main!.displayName = 'x'.repeat(60);
    expect(
      resolveCallerId({ ...base, resources, setting: { strategy: 'fixed', number: 'sales' } }).name,
    ).toBe('Sales Support East West');
    expect(
      resolveCallerId({ ...base, resources, setting: { strategy: 'fixed', number: 'nyc' } }).name,
    ).toBeUndefined();
    expect(resolveCallerId({ ...base, resources, setting: { strategy: 'fixed', number: 'main' } }).name).toBe(
      'x'.repeat(50),
    );
  });

  it('lists a refused agent choice with the allowed numbers', () => {
    const d = resolveCallerId({
      ...base,
      setting: { strategy: 'agentChoice' },
      agent: 'alice',
      agentChoice: 'support',
    });
    expect(d.rejected).toEqual([
      {
        candidate: 'support',
        number: '+14155550122',
        why: `not one of agent "alice"'s allowed numbers (sales, nyc)`,
      },
    ]);
    expect(d.reason).toContain('"nyc" (+12125550133)');
  });

  it('names the candidates passed over in the reason, at most three', () => {
    const d = resolveCallerId({
      ...base,
      setting: { strategy: 'agentChoice' },
      agent: 'alice',
      agentChoice: 'support',
    });
    expect(d.reason).toBe(
      `agent "alice"'s default number "nyc" (+12125550133) (passed over support: not one of agent "alice"'s allowed numbers (sales, nyc))`,
    );
    const many = resolveCallerId({
      ...base,
      setting: { strategy: 'sameAreaCode' },
      dialedNumber: '+13055550000',
      random: () => 0,
    });
    expect(many.rejected).toHaveLength(5);
    expect(many.reason).toMatch(
      / \(passed over "main" \(\+12025550100\): area code 202 \(US\) is not 305 \(US\); .*; and 2 more\)$/,
    );
  });

  it('lists the numbers whose area code did not match', () => {
    const d = resolveCallerId({
      ...base,
      setting: { strategy: 'sameAreaCode' },
      agent: 'alice',
      dialedNumber: '+12125550000',
    });
    expect(d.rule).toBe('sameAreaCode');
    expect(d.rejected).toEqual([
      {
        candidate: '"sales" (+12015550111)',
        number: '+12015550111',
        why: 'area code 201 (US) is not 212 (US)',
      },
    ]);
  });

  describe('same area code across countries (+33 2, +61 2 and +32 2 are all area "2")', () => {
    const resources = acmeResources();
    resources.numbers = {
      main: { number: '+12025550100', displayName: 'Acme' },
      rennes: { number: '+33299123456', displayName: 'Rennes' },
      sydney: { number: '+61293744000', displayName: 'Sydney' },
      brussels: { number: '+3225551212', displayName: 'Brussels' },
    };
    const calling = (dialedNumber: string) =>
      resolveCallerId({
        ...base,
        resources,
        setting: { strategy: 'sameAreaCode', fallback: 'principal' },
        dialedNumber,
      });

    it.each([
      ['+3225559999', '+3225551212'],
      ['+61298765432', '+61293744000'],
      ['+33298000000', '+33299123456'],
    ])('calling %s shows %s, the number of that country', (dialed, shown) => {
      const d = calling(dialed);
      expect(d.rule).toBe('sameAreaCode');
      expect(d.number).toBe(shown);
    });

    it('passes over a number with the same area code in another country', () => {
      const d = calling('+3225559999');
      expect(d.rejected).toContainEqual({
        candidate: '"rennes" (+33299123456)',
        number: '+33299123456',
        why: 'area code 2 (FR) is not 2 (BE)',
      });
      const noBrussels = { ...resources, numbers: { ...resources.numbers } };
      delete noBrussels.numbers.brussels;
      const without = resolveCallerId({
        ...base,
        resources: noBrussels,
        setting: { strategy: 'sameAreaCode', fallback: 'principal' },
        dialedNumber: '+3225559999',
      });
      expect(without.rule).toBe('principal');
    });
  });

  it('explains an invalid variable number with the dial-number rule that refused it', () => {
    const d = resolveCallerId({ ...base, setting: { strategy: 'variable', variable: 'short' }, variables });
    expect(d.rejected[0]?.candidate).toBe('variable short = 123');
    expect(d.rejected[0]?.why).toMatch(/short code/);
    expect(d.reason).toMatch(/principal number "main" \(\+12025550100\) \(fallback\)/);
  });

  it('says so when the caller is withheld', () => {
    const d = resolveCallerId({ ...base, callerNumber: undefined });
    expect(d.rejected).toContainEqual({
      candidate: "caller's number",
      why: "the caller's number is withheld or unknown",
    });
  });

  it('is deterministic given the same random source', () => {
    const s = { ...base, setting: { strategy: 'sameAreaCode' as const }, dialedNumber: '+13055550000' };
    const picks = [0, 0.2, 0.4, 0.6, 0.8].map((r) => resolveCallerId({ ...s, random: () => r }).number);
    expect(picks).toEqual(['+12025550100', '+12015550111', '+14155550122', '+12125550133', '+442079460958']);
  });

  it('returns no number (rule none) when nothing, not even the principal, can be used', () => {
    const resources = acmeResources();
    resources.account.principalNumber = '';
    const d = resolveCallerId({ ...base, resources, setting: { strategy: 'queue' }, queue: 'billing' });
    expect(d.number).toBeUndefined();
    expect(d.rule).toBe('none');
    expect(d.rejected.map((r) => r.why)).toEqual([
      'queue "billing" has no outbound caller ID',
      'no number named "" in resources',
    ]);
  });
});
