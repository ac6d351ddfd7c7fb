import type { Flow } from '@callflow/model';
import { REDACTED } from '@callflow/runtime';
import { describe, expect, it } from 'vitest';
import {
  activeBlock,
  callerIdChoices,
  type ObservedSnapshot,
  transcriptLines,
  updateOffers,
  variableRows,
  visitedBlocks,
} from './simulation-view';

const flow: Pick<Flow, 'variables'> = {
  variables: {
    accountNumber: { type: 'string', label: 'Account number', agentViewable: true },
    pin: { type: 'string', label: 'PIN', secure: true },
    verified: { type: 'boolean', default: false },
    notes: { type: 'json' },
  },
};

const snapshot = (over: Partial<ObservedSnapshot> = {}): ObservedSnapshot => ({
  contactId: 'c1',
  flowId: 'main',
  status: 'running',
  stack: [{ flowId: 'main', block: 'menu' }],
  variables: {},
  system: {},
  ...over,
});

describe('variables', () => {
  it('shows labels and current values, defaults until set, and masks secure values', () => {
    const rows = variableRows(flow, { accountNumber: '4417', pin: '1234', notes: { vip: true } });
    expect(rows).toEqual([
      { name: 'accountNumber', label: 'Account number', value: '4417', secure: false },
      { name: 'pin', label: 'PIN', value: REDACTED, secure: true },
      { name: 'verified', label: 'verified', value: 'false', secure: false },
      { name: 'notes', label: 'notes', value: '{"vip":true}', secure: false },
    ]);
    expect(JSON.stringify(rows)).not.toContain('1234');
  });

  it('shows an unset secure variable as unset, not as a masked value', () => {
    expect(variableRows(flow, {}).find((r) => r.name === 'pin')?.value).toBe('—');
  });
});

describe('path on the canvas', () => {
  const trace = [
    { seq: 1, at: 0, flowId: 'main', block: 'welcome', blockType: 'playPrompt' },
    { seq: 2, at: 0, flowId: 'main', block: 'welcome', event: 'promptDone', outcome: 'success' },
    { seq: 3, at: 0, flowId: 'main', block: 'verify', blockType: 'invokeModule' },
    { seq: 4, at: 0, flowId: 'verify-caller', block: 'ask-pin', blockType: 'getDigits' },
    { seq: 5, at: 0, flowId: 'main', block: 'menu', blockType: 'menu' },
    { seq: 6, at: 0, flowId: 'main', block: 'menu', event: 'timer', outcome: 'timeout' },
    { seq: 7, at: 0, flowId: 'main', block: 'menu', blockType: 'menu' },
  ];

  it('lists the blocks of the open flow as they were entered, loops included', () => {
    expect(visitedBlocks(trace, 'main')).toEqual(['welcome', 'verify', 'menu', 'menu']);
    expect(visitedBlocks(trace, 'verify-caller')).toEqual(['ask-pin']);
  });

  it('highlights the invoking block while a module runs on top of the open flow', () => {
    const inModule = snapshot({
      stack: [
        { flowId: 'main', block: 'verify' },
        { flowId: 'verify-caller', block: 'ask-pin' },
      ],
    });
    expect(activeBlock(inModule, 'main')).toBe('verify');
    expect(activeBlock(inModule, 'verify-caller')).toBe('ask-pin');
    expect(activeBlock(snapshot({ status: 'ended' }), 'main')).toBeNull();
  });
});

describe('caller ID', () => {
  it('shows the number chosen on each transfer with its rule and reason', () => {
    const choices = callerIdChoices([
      { seq: 1, at: 0, block: 'welcome' },
      {
        seq: 2,
        at: 0,
        block: 'to-office',
        callerId: {
          number: '+13125550142',
          rule: 'sameAreaCode',
          reason: 'Sales Chicago shares area code 312.',
        },
      },
    ]);
    expect(choices).toEqual([
      {
        key: '2',
        seq: 2,
        block: 'to-office',
        number: '+13125550142',
        rule: 'sameAreaCode',
        reason: 'Sales Chicago shares area code 312.',
      },
    ]);
  });
});

describe('transcript', () => {
  it('words what the caller and the agent would notice', () => {
    const lines = transcriptLines(
      [
        { type: 'play', ref: 'p1', to: 'caller', prompt: { text: 'Welcome to Northwind.' } },
        {
          type: 'play',
          ref: 'p4',
          to: 'caller',
          prompt: { text: 'Spring sale.', audioFile: 'prompts/spring.mp3' },
        },
        { type: 'collectDigits', ref: 'd1', maxDigits: 1 },
        { type: 'play', ref: 'p2', to: 'caller', prompt: { text: 'Please hold.' }, loop: true },
        { type: 'play', ref: 'p3', to: 'agent', prompt: { text: 'Sales call.' } },
        { type: 'dial', ref: 'd2', purpose: 'transfer', to: '+13125550100', callerId: '+13125550142' },
        { type: 'dial', ref: 'd3', purpose: 'transfer', to: '+13125550101', sendDigits: '12#' },
        { type: 'startTimer', timer: { id: 't', at: 5, event: 'timeout' } },
        { type: 'hangup', reason: 'disconnect block' },
      ],
      42,
    );
    expect(lines).toEqual([
      { at: 42, kind: 'prompt', text: 'Welcome to Northwind.' },
      { at: 42, kind: 'prompt', text: 'Spring sale. [recording prompts/spring.mp3]' },
      { at: 42, kind: 'prompt', text: '(on hold) Please hold.' },
      { at: 42, kind: 'whisper', text: 'Sales call.' },
      { at: 42, kind: 'system', text: 'Dialling +13125550100, showing caller ID +13125550142' },
      {
        at: 42,
        kind: 'system',
        text: 'Dialling +13125550101, showing caller ID none; extension 12# keyed in once answered',
      },
      { at: 42, kind: 'system', text: 'Call ended: disconnect block' },
    ]);
  });
});

describe('agent offers', () => {
  const offer = {
    type: 'offerToAgent',
    ref: 'o1',
    agent: 'alice',
    queue: 'sales',
    title: 'Sales',
    popover: [
      { label: 'Reason for call', name: 'callReason', value: 'Upgrade' },
      { label: 'Caller verified', name: 'verified', value: true },
    ],
  };

  it('shows the popover labels and values in the order the flow sets', () => {
    const [shown] = updateOffers([], [offer]);
    expect(shown?.lines).toEqual([
      { label: 'Reason for call', value: 'Upgrade' },
      { label: 'Caller verified', value: 'true' },
    ]);
    expect(shown?.state).toBe('offered');
  });

  it('marks an offer accepted when the call is bridged to the agent, ignored on RONA', () => {
    const offered = updateOffers([], [offer]);
    expect(updateOffers(offered, [{ type: 'bridge', agent: 'alice' }])[0]?.state).toBe('accepted');
    expect(
      updateOffers(offered, [{ type: 'withdrawOffer', ref: 'w', agent: 'alice', rona: true }])[0]?.state,
    ).toBe('ignored');
    expect(
      updateOffers(offered, [{ type: 'withdrawOffer', ref: 'w', agent: 'alice', rona: false }])[0]?.state,
    ).toBe('withdrawn');
  });
});
