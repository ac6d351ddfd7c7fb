import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { callbackPopover, consultPopover, popoverFor } from './popover.js';

const flow: Pick<Flow, 'variables' | 'popover'> = {
  variables: {
    accountId: { type: 'string', label: 'Account', agentViewable: true },
    tier: { type: 'string', label: 'Tier', agentViewable: true, default: 'standard' },
    pin: { type: 'string', label: 'PIN', agentViewable: true, secure: true },
    reason: { type: 'string', agentViewable: true },
    balance: { type: 'decimal', label: 'Balance', agentViewable: true },
    order: { type: 'json' },
    a: { type: 'string' },
    b: { type: 'string' },
    c: { type: 'string' },
  },
  popover: ['reason', 'pin', 'accountId', 'tier', 'balance', 'order', 'a', 'b', 'c'],
};
const values = { accountId: 'A-1', pin: '4321', reason: 'billing', balance: 12.5, a: 'x', b: 'y', c: 'z' };

describe('popoverFor', () => {
  it('keeps the admin order and labels, never shows secure or JSON variables, and stops at 6', () => {
    expect(popoverFor(flow, values)).toEqual([
      { label: 'reason', name: 'reason', value: 'billing' },
      { label: 'Account', name: 'accountId', value: 'A-1' },
      { label: 'Tier', name: 'tier', value: 'standard' },
      { label: 'Balance', name: 'balance', value: 12.5 },
      { label: 'a', name: 'a', value: 'x' },
      { label: 'b', name: 'b', value: 'y' },
    ]);
    expect(JSON.stringify(popoverFor(flow, values))).not.toContain('4321');
  });

  it('without a popover list shows the agent-viewable variables in declaration order', () => {
    const { popover: _omit, ...rest } = flow;
    expect(popoverFor(rest, values).map((e) => e.name)).toEqual(['accountId', 'tier', 'reason', 'balance']);
  });

  it('shows null for a listed variable with no value and no default', () => {
    expect(popoverFor({ variables: flow.variables, popover: ['accountId'] }, {})).toEqual([
      { label: 'Account', name: 'accountId', value: null },
    ]);
  });
});

describe('consultPopover and callbackPopover', () => {
  it('shows agent name, DN and team, then up to 6 configured variables', () => {
    const entries = consultPopover({ agentName: 'Alice', agentDn: '1001', team: 'Sales' }, flow, values);
    expect(entries.map((e) => e.label)).toEqual([
      'Agent name',
      'Agent DN',
      'Team',
      'reason',
      'Account',
      'Tier',
      'Balance',
      'a',
      'b',
    ]);
    expect(entries.slice(0, 3).map((e) => e.value)).toEqual(['Alice', '1001', 'Sales']);
  });

  it('shows the customer number, the queue name and the DNIS', () => {
    expect(
      callbackPopover({ customerNumber: '+13125550177', queueName: 'Support', dialedNumber: '+18005550100' }),
    ).toEqual([
      { label: 'Customer number', name: '$callbackNumber', value: '+13125550177' },
      { label: 'Queue', name: '$queueName', value: 'Support' },
      { label: 'DNIS', name: '$dialedNumber', value: '+18005550100' },
    ]);
  });
});
