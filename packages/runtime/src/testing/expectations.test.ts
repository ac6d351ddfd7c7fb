import { describe, expect, it } from 'vitest';
import type { CallRecord } from './call-record.js';
import { checkExpectations } from './expectations.js';

function record(): CallRecord {
  return {
    flow: 'support-inbound',
    visits: [
      { flow: 'support-inbound', block: 'welcome' },
      { flow: 'support-inbound', block: 'main-menu' },
      { flow: 'verify-caller', block: 'enter-pin' },
      { flow: 'support-inbound', block: 'transfer' },
    ],
    prompts: ['Welcome to Northwind.', 'For billing, press 1.'],
    agentPrompts: ['Billing call from Ann'],
    logs: ['CRM answered for account 12345678, card •••', 'routing to billing'],
    queues: ['support', 'billing'],
    offers: [
      {
        agent: 'alice',
        kind: 'call',
        title: 'Billing',
        popover: [
          { label: 'Customer name', name: 'customerName', value: 'Ann' },
          { label: 'Tier', name: 'customerTier', value: 'gold' },
        ],
      },
    ],
    dials: [
      {
        purpose: 'transfer',
        to: '+13125550175',
        callerId: '+13125550111',
        rule: 'sameAreaCode',
        reason: 'same area',
      },
      { purpose: 'callback', to: '+12025550143', callerId: '+12125550101', rule: 'queue' },
    ],
    callbacks: [{ id: 'cb-1', number: '+12025550143', queue: 'sales', status: 'queued' }],
    variables: { callReason: 'Billing', openTickets: 2 },
    recording: ['start', 'pause', 'resume'],
    end: 'transferred',
  };
}

describe('checkExpectations', () => {
  it('checks the extension keyed in once the transfer answered', () => {
    const keyed = record();
    keyed.dials[0] = { ...keyed.dials[0]!, sendDigits: '12#' };
    expect(checkExpectations({ transfer: { sendDigits: '12#' } }, keyed)).toEqual([]);
    expect(checkExpectations({ transfer: { sendDigits: '12' } }, keyed)[0]).toMatchObject({
      path: '/expect/transfer/sendDigits',
    });
    expect(checkExpectations({ transfer: { sendDigits: '12#' } }, record())[0]?.message).toContain(
      'no digits were sent',
    );
  });

  it('compares expected variable values by content, whatever the order of their keys', () => {
    const withJson = { ...record(), variables: { crm: { tier: 'gold', since: 2019, tags: ['a', 'b'] } } };
    expect(
      checkExpectations({ variables: { crm: { tags: ['a', 'b'], since: 2019, tier: 'gold' } } }, withJson),
    ).toEqual([]);
    expect(
      checkExpectations({ variables: { crm: { tags: ['b', 'a'], since: 2019, tier: 'gold' } } }, withJson),
    ).toHaveLength(1);
  });

  it('passes when everything stated happened', () => {
    const failures = checkExpectations(
      {
        path: ['welcome', 'main-menu', 'transfer'],
        visits: ['welcome', 'enter-pin', 'transfer'],
        notVisits: ['goodbye'],
        prompts: ['Welcome', 'press 1'],
        agentPrompts: ['from Ann'],
        logs: ['card •••', 'billing'],
        queue: 'billing',
        offeredTo: 'alice',
        popover: [{ label: 'Customer name', value: 'Ann' }, { label: 'Tier' }],
        transfer: { to: '+13125550175', callerId: '+13125550111', rule: 'sameAreaCode' },
        callback: {
          number: '+12025550143',
          queue: 'sales',
          status: 'queued',
          callerId: '+12125550101',
          rule: 'queue',
        },
        variables: { callReason: 'Billing', openTickets: 2 },
        recording: ['start', 'pause', 'resume'],
        end: 'transferred',
      },
      record(),
    );
    expect(failures).toEqual([]);
  });

  it('names the logged line missing, and what was logged', () => {
    expect(checkExpectations({ logs: ['routing to billing', 'card •••'] }, record())).toEqual([
      {
        path: '/expect/logs/1',
        message:
          'expected a logged line containing "card •••" after "routing to billing" but logged: "CRM answered for account 12345678, card •••", "routing to billing"',
      },
    ]);
    expect(checkExpectations({ logs: ['anything'] }, { ...record(), logs: [] })).toEqual([
      {
        path: '/expect/logs/0',
        message: 'expected a logged line containing "anything" but no line was logged',
      },
    ]);
  });

  it('names the caller ID and rule expected and got', () => {
    expect(checkExpectations({ transfer: { callerId: '+12015550100', rule: 'queue' } }, record())).toEqual([
      {
        path: '/expect/transfer/callerId',
        message:
          'expected caller ID +12015550100 (rule queue) but got +13125550111 (rule sameAreaCode): same area',
      },
    ]);
    expect(checkExpectations({ callback: { rule: 'outboundWhisper' } }, record())[0]?.message).toBe(
      'expected caller ID +12125550101 (rule outboundWhisper) but got +12125550101 (rule queue)',
    );
  });

  it('shows where a path first differs', () => {
    expect(checkExpectations({ path: ['welcome', 'check-hours'] }, record())[0]?.message).toBe(
      'expected path welcome → check-hours but got welcome → main-menu → transfer (first difference at step 2: expected "check-hours", got "main-menu")',
    );
  });

  it('reports visits out of order, forbidden visits and missing prompts', () => {
    const failures = checkExpectations(
      { visits: ['transfer', 'welcome'], notVisits: ['enter-pin'], prompts: ['press 1', 'Welcome'] },
      record(),
    );
    expect(failures.map((f) => f.path)).toEqual([
      '/expect/visits/1',
      '/expect/notVisits/0',
      '/expect/prompts/1',
    ]);
    expect(failures[0]?.message).toContain('expected to enter block "welcome" after "transfer"');
    expect(failures[2]?.message).toContain('expected the caller to hear "Welcome" after "press 1"');
  });

  it('reports popover order and values', () => {
    expect(
      checkExpectations({ popover: [{ label: 'Tier' }, { label: 'Customer name' }] }, record())[0]?.message,
    ).toBe('expected popover labels Tier → Customer name but agent "alice" saw Customer name → Tier');
    expect(
      checkExpectations({ popover: [{ label: 'Customer name', value: 'Bob' }, { label: 'Tier' }] }, record()),
    ).toEqual([
      {
        path: '/expect/popover/0/value',
        message: 'expected popover "Customer name" to show "Bob" but it showed "Ann"',
      },
    ]);
  });

  it('reports queue, agent, variables, recording and end', () => {
    const failures = checkExpectations(
      {
        queue: 'support',
        offeredTo: 'bob',
        variables: { callReason: 'Sales' },
        recording: ['start'],
        end: 'callerHungUp',
      },
      record(),
    );
    expect(failures.map((f) => f.message)).toEqual([
      'expected the call in queue "support" but it was queued in "support" then "billing"',
      'expected an offer to agent "bob" but it was offered to alice',
      'expected variable callReason = "Sales" but it was "Billing"',
      'expected recording start but got start → pause → resume',
      'expected the call to end callerHungUp but it ended transferred',
    ]);
  });

  it('reports a missing transfer or callback', () => {
    const empty: CallRecord = { ...record(), dials: [], callbacks: [] };
    expect(
      checkExpectations({ transfer: { callerId: '+1' }, callback: {} }, empty).map((f) => f.message),
    ).toEqual([
      'expected a transfer but no number was dialled',
      'expected a callback to be created but none was',
    ]);
  });
});
