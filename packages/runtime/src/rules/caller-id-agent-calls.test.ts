import type { AgentCallerIdSetting } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { type CallerIdPurpose, type CallerIdSituation, resolveCallerId } from './caller-id.js';
import { acmeResources } from './test-support/resources.js';

/**
 * Every call an agent places (docs/caller-id.md "Calls agents place"), for every strategy of the
 * account x an agent restricted to some numbers (alice: sales, nyc; default nyc; group sales, whose
 * bound number is sales; default outbound queue sales) and an agent who may present any number (bob:
 * no default; group support-team with number support; default outbound queue billing, which has no
 * caller ID). Each case states the whole structured decision: rule, number, and the rejected numbers
 * with why. Numbers: main +12025550100 (principal), sales +12015550111, support +14155550122,
 * nyc +12125550133, london +442079460958.
 */

const KINDS: Record<string, { purpose: CallerIdPurpose; activeCall: boolean; queue?: string }> = {
  outbound: { purpose: 'agentOutbound', activeCall: false },
  callback: { purpose: 'callback', activeCall: false, queue: 'support' },
  transfer: { purpose: 'agentOutbound', activeCall: true, queue: 'support' },
  consult: { purpose: 'consult', activeCall: true, queue: 'support' },
};
type Kind = keyof typeof KINDS;

interface Expected {
  rule: string;
  number: string;
  /** E.164 (or candidate name when it is not a number) of each rejected candidate, with a part of why. */
  rejected: [string, RegExp][];
}

function decide(
  kind: Kind,
  agent: 'alice' | 'bob',
  strategy: AgentCallerIdSetting | undefined,
  extra: Partial<CallerIdSituation> = {},
) {
  const resources = acmeResources();
  if (strategy) resources.account.agentCallerId = strategy;
  return resolveCallerId({
    ...KINDS[kind]!,
    resources,
    agent,
    callerNumber: '+13125550177',
    dialedNumber: '+13055550000',
    random: () => 0,
    ...extra,
  });
}

function expectDecision(d: ReturnType<typeof resolveCallerId>, e: Expected): void {
  expect({ rule: d.rule, number: d.number }).toEqual({ rule: e.rule, number: e.number });
  expect(d.rejected.map((r) => r.number ?? r.candidate)).toEqual(e.rejected.map(([n]) => n));
  d.rejected.forEach((r, i) => {
    expect(r.why).toMatch(e.rejected[i]![1]);
  });
  // The reason names the rule's number, and each passed-over candidate (up to three).
  expect(d.reason).toContain(e.number);
}

const NOT_ALLOWED = /not allowed for agent "alice"|not one of agent "alice"'s allowed numbers/;
const NYC_DEFAULT: Expected = { rule: 'agentDefault', number: '+12125550133', rejected: [] };
const PRINCIPAL: Expected = { rule: 'principal', number: '+12025550100', rejected: [] };

describe('calls agents place: no strategy set (the Connect rules)', () => {
  const cases: [Kind, 'alice' | 'bob', Expected][] = [
    ['outbound', 'alice', { rule: 'defaultOutboundQueue', number: '+12015550111', rejected: [] }],
    [
      'outbound',
      'bob',
      { rule: 'principal', number: '+12025550100', rejected: [['queue billing', /no outbound caller ID/]] },
    ],
    // The call's queue shows support, which alice may not present: passed over, her default instead.
    ['callback', 'alice', { ...NYC_DEFAULT, rejected: [['+14155550122', NOT_ALLOWED]] }],
    ['transfer', 'alice', { ...NYC_DEFAULT, rejected: [['+14155550122', NOT_ALLOWED]] }],
    ['consult', 'alice', { ...NYC_DEFAULT, rejected: [['+14155550122', NOT_ALLOWED]] }],
    ['callback', 'bob', { rule: 'queue', number: '+14155550122', rejected: [] }],
    ['transfer', 'bob', { rule: 'queue', number: '+14155550122', rejected: [] }],
    ['consult', 'bob', { rule: 'queue', number: '+14155550122', rejected: [] }],
  ];
  for (const [kind, agent, expected] of cases) {
    it(`${kind} by ${agent}: ${expected.rule} ${expected.number}`, () => {
      expectDecision(decide(kind, agent, undefined), expected);
      // `queue` written out is the same as no strategy.
      expectDecision(decide(kind, agent, { strategy: 'queue' }), expected);
    });
  }
});

/** Strategies other than `queue` do not depend on the kind of call: each is asserted for all four. */
const BY_STRATEGY: [string, AgentCallerIdSetting, Partial<CallerIdSituation>, Expected, Expected][] = [
  [
    'default',
    { strategy: 'default' },
    {},
    NYC_DEFAULT,
    // bob has no default number and may present the principal number.
    PRINCIPAL,
  ],
  [
    'byGroup',
    { strategy: 'byGroup' },
    {},
    { rule: 'agentGroup', number: '+12015550111', rejected: [] },
    { rule: 'agentGroup', number: '+14155550122', rejected: [] },
  ],
  [
    'sameAreaCode, a number matches (calling +1 212)',
    { strategy: 'sameAreaCode', fallback: 'random' },
    { dialedNumber: '+12125559999' },
    { rule: 'sameAreaCode', number: '+12125550133', rejected: [['+12015550111', /area code 201/]] },
    {
      rule: 'sameAreaCode',
      number: '+12125550133',
      rejected: [
        ['+12025550100', /area code 202/],
        ['+12015550111', /area code 201/],
        ['+14155550122', /area code 415/],
      ],
    },
  ],
  [
    'sameAreaCode, no match, random among the allowed numbers only',
    { strategy: 'sameAreaCode', fallback: 'random' },
    { dialedNumber: '+13055550000', random: () => 0.99 },
    {
      rule: 'randomAllowed',
      number: '+12125550133',
      rejected: [
        ['+12015550111', /area code 201/],
        ['+12125550133', /area code 212/],
      ],
    },
    {
      rule: 'randomAllowed',
      number: '+442079460958',
      rejected: [
        ['+12025550100', /area code 202/],
        ['+12015550111', /area code 201/],
        ['+14155550122', /area code 415/],
        ['+12125550133', /area code 212/],
        ['+442079460958', /area code 20 \(GB\)/],
      ],
    },
  ],
  [
    'sameAreaCode, no match, fallback default',
    { strategy: 'sameAreaCode', fallback: 'default' },
    { dialedNumber: '+13055550000' },
    {
      ...NYC_DEFAULT,
      rejected: [
        ['+12015550111', /area code 201/],
        ['+12125550133', /area code 212/],
      ],
    },
    {
      ...PRINCIPAL,
      rejected: [
        ['+12025550100', /area code 202/],
        ['+12015550111', /area code 201/],
        ['+14155550122', /area code 415/],
        ['+12125550133', /area code 212/],
        ['+442079460958', /area code 20 \(GB\)/],
      ],
    },
  ],
  [
    'agentChooses, picks sales',
    { strategy: 'agentChooses' },
    { agentChoice: 'sales' },
    { rule: 'agentChoice', number: '+12015550111', rejected: [] },
    { rule: 'agentChoice', number: '+12015550111', rejected: [] },
  ],
  [
    'agentChooses, picks london (not allowed for alice)',
    { strategy: 'agentChooses' },
    { agentChoice: 'london' },
    { ...NYC_DEFAULT, rejected: [['+442079460958', NOT_ALLOWED]] },
    { rule: 'agentChoice', number: '+442079460958', rejected: [] },
  ],
  ['agentChooses, picks nothing', { strategy: 'agentChooses' }, {}, NYC_DEFAULT, PRINCIPAL],
];

for (const [title, strategy, extra, alice, bob] of BY_STRATEGY) {
  describe(`calls agents place: strategy ${title}`, () => {
    for (const kind of Object.keys(KINDS) as Kind[]) {
      it(`${kind}: alice (restricted) ${alice.rule} ${alice.number}, bob ${bob.rule} ${bob.number}`, () => {
        expectDecision(decide(kind, 'alice', strategy, extra), alice);
        expectDecision(decide(kind, 'bob', strategy, extra), bob);
      });
    }
  });
}

describe('calls agents place: the agent group override and the outbound whisper', () => {
  it("a group's own strategy wins over the account's", () => {
    const resources = acmeResources();
    resources.account.agentCallerId = { strategy: 'default' };
    resources.agentGroups.sales!.agentCallerId = { strategy: 'byGroup' };
    const d = resolveCallerId({
      ...KINDS.outbound!,
      resources,
      agent: 'alice',
      dialedNumber: '+13055550000',
    });
    expect(d).toMatchObject({ rule: 'agentGroup', number: '+12015550111', rejected: [] });
  });

  it('a pick not allowed is passed over before the strategy, then the strategy result is checked too', () => {
    const d = decide('transfer', 'alice', { strategy: 'byGroup' }, { agentChoice: 'support' });
    expectDecision(d, {
      rule: 'agentGroup',
      number: '+12015550111',
      rejected: [['+14155550122', NOT_ALLOWED]],
    });
  });

  it("an agent's default that is not allowed is passed over for the first allowed number", () => {
    const resources = acmeResources();
    resources.agents.carol!.defaultNumber = 'main';
    const d = resolveCallerId({
      ...KINDS.outbound!,
      resources,
      agent: 'carol',
      dialedNumber: '+13055550000',
    });
    expect(d.rule).toBe('firstAllowed');
    expect(d.number).toBe('+14155550122');
    expect(d.rejected).toContainEqual({
      candidate: 'main',
      number: '+12025550100',
      why: "the agent's default is not one of their allowed numbers",
    });
  });

  it("the outbound whisper's Call phone number overrides every agent rule, and says so", () => {
    const d = decide('callback', 'alice', { strategy: 'byGroup' }, { outboundWhisperOverride: 'london' });
    expect(d).toMatchObject({ rule: 'outboundWhisper', number: '+442079460958', rejected: [] });
  });

  it("a flow's Transfer to phone number keeps its own rules: no agent restriction", () => {
    const d = decide('transfer', 'alice', { strategy: 'default' }, { purpose: 'transfer' });
    expect(d).toMatchObject({ rule: 'caller', number: '+13125550177' });
  });
});
