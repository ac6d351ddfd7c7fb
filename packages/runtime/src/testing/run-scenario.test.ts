import { describe, expect, it } from 'vitest';
import type { Scenario } from './flow-test.js';
import { runFlowTests } from './run-flow-tests.js';
import { runScenario } from './run-scenario.js';
import { helpLineFlow, helpLineResources } from './test-support/help-line.js';

const MONDAY_10AM_NEW_YORK = '2026-03-09T14:00:00Z';
const SUNDAY = '2026-03-08T16:00:00Z';

function run(scenario: Omit<Scenario, 'name' | 'call'> & { at?: string; from?: string }) {
  const { at, from, ...rest } = scenario;
  return runScenario({
    flows: [helpLineFlow()],
    resources: helpLineResources(),
    test: { flow: 'help-line' },
    scenario: {
      name: 'scenario',
      call: { from: from ?? '+13125550177', to: '+18005550100', at: at ?? MONDAY_10AM_NEW_YORK },
      ...rest,
    },
  });
}

describe('runScenario', () => {
  it('plays the caller keys when the flow waits for them and follows the branch', () => {
    const result = run({
      caller: [{ press: '1' }],
      agents: { bob: {} },
      expect: {
        path: ['welcome', 'hours', 'menu', 'set-queue', 'to-queue'],
        prompts: ['Welcome to Acme.', 'press 1'],
        queue: 'support',
        offeredTo: 'bob',
        popover: [{ label: 'Customer', value: null }, { label: 'Reason', value: 'help' }, { label: 'Tier' }],
        end: 'connectedToAgent',
      },
    });
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('lets a connected agent transfer the call (transferAfterAccept): to a number, then to a queue', () => {
    const toNumber = run({
      caller: [{ press: '1' }],
      agents: { bob: { transferAfterAccept: { afterSeconds: 5, to: { number: '+12015550999' } } } },
      expect: { offeredTo: 'bob', transfer: { to: '+12015550999', rule: 'queue' }, end: 'transferred' },
    });
    expect(toNumber.failures).toEqual([]);
    expect(toNumber.trace.some((e) => e.event === 'agentTransfer' && e.note?.includes('bob transfers'))).toBe(
      true,
    );
    const toQueue = run({
      caller: [{ press: '1' }],
      agents: {
        bob: { transferAfterAccept: { to: { queue: 'support' } } },
        dave: { availableAfterSeconds: 30 },
      },
      expect: { end: 'connectedToAgent' },
    });
    expect(toQueue.failures).toEqual([]);
    // bob is in wrap-up after the transfer; dave, Available later, takes the call from the queue.
    expect(toQueue.record.offers.map((o) => o.agent)).toEqual(['bob', 'dave']);
  });

  it('uses the call time for the hours check', () => {
    const result = run({
      at: SUNDAY,
      expect: {
        path: ['welcome', 'hours', 'closed', 'bye'],
        prompts: ['We are closed.'],
        end: 'disconnected',
      },
    });
    expect(result.failures).toEqual([]);
  });

  it('reports the transfer caller ID and its rule, and fails precisely when they differ', () => {
    const ok = run({
      caller: [{ press: '2' }],
      expect: {
        transfer: { to: '+12015550999', callerId: '+12015550111', rule: 'sameAreaCode' },
        end: 'transferred',
      },
    });
    expect(ok.failures).toEqual([]);
    const wrong = run({
      caller: [{ press: '2' }],
      expect: { transfer: { callerId: '+14155550122', rule: 'queue' } },
    });
    expect(wrong.failures.map((f) => f.message)).toEqual([
      'expected caller ID +14155550122 (rule queue) but got +12015550111 (rule sameAreaCode): "sales" (+12015550111) has the same area code 201 (US) as the called number +12015550999 (passed over "main" (+12025550100): area code 202 (US) is not 201 (US))',
    ]);
  });

  it('answers dialled numbers as scripted, "*" for any number', () => {
    const busy = run({
      caller: [{ press: '2' }],
      dial: { '*': 'busy' },
      expect: {
        visits: ['to-sales', 'sales-busy'],
        prompts: ['Sales cannot take your call.'],
        end: 'disconnected',
      },
    });
    expect(busy.failures).toEqual([]);
    const exact = run({
      caller: [{ press: '2' }],
      dial: { '+12015550999': 'noAnswer', '*': 'answer' },
      expect: { visits: ['sales-busy'] },
    });
    expect(exact.failures).toEqual([]);
  });

  it('answers HTTP requests by URL prefix; an unmatched request fails', () => {
    const found = run({
      caller: [{ press: '3' }],
      http: [{ url: 'https://crm.acme.example/customers/', body: { name: 'Ann' } }],
      expect: { prompts: ['Hello Ann.'], variables: { customerName: 'Ann' } },
    });
    expect(found.failures).toEqual([]);
    const missing = run({ caller: [{ press: '3' }], expect: { visits: ['lookup', 'lookup-failed'] } });
    expect(missing.failures).toEqual([]);
  });

  it('lets an ignored offer time out (RONA) and go to the next agent', () => {
    const result = run({
      caller: [{ press: '1' }],
      agents: { bob: { onOffer: 'ignore' }, dave: { availableAfterSeconds: 60 } },
      expect: { offeredTo: 'bob', end: 'connectedToAgent' },
    });
    expect(result.failures).toEqual([]);
    expect(result.record.offers.map((o) => o.agent)).toEqual(['bob', 'dave']);
  });

  it('stops at maxSeconds when nobody answers, and a caller hang-up ends the call', () => {
    const waiting = run({ caller: [{ press: '1' }], maxSeconds: 120, expect: { queue: 'support' } });
    expect(waiting.failures).toEqual([]);
    expect(waiting.record.end).toBeUndefined();
    expect(waiting.seconds).toBe(120);
    const hungUp = run({
      caller: [{ press: '1' }, { wait: 30 }, { hangUp: true }],
      expect: { end: 'callerHungUp' },
    });
    expect(hungUp.failures).toEqual([]);
  });

  it('says when caller steps were left over because the flow never asked', () => {
    const result = run({ at: SUNDAY, caller: [{ press: '1' }], expect: {} });
    expect(result.failures).toEqual([
      {
        path: '/caller/0',
        message:
          'the caller still had 1 step(s) left ({"press":"1"} first) when the call ended disconnected: the flow never waited for it',
      },
    ]);
  });

  it('reports unknown agents, undeclared or mistyped variables and a bad start time', () => {
    const result = run({
      agents: { nobody: {} },
      variables: { tier: 'gold', missing: 1, customerName: { not: 'text' } },
      expect: {},
    });
    expect(result.failures.map((f) => [f.path, f.message])).toEqual([
      ['/agents/nobody', 'no agent "nobody" in resources (agents: alice, bob, carol, dave)'],
      [
        '/variables/missing',
        'flow "help-line" declares no variable "missing", so the call cannot start with it',
      ],
      ['/variables/customerName', 'customerName is a string variable: object is not text'],
    ]);
    const notADate = run({ at: 'next Monday', expect: {} });
    expect(notADate.failures).toEqual([
      { path: '/call/at', message: '"next Monday" is not an ISO 8601 date-time' },
    ]);
    expect(notADate.record.visits).toEqual([]);
  });

  it('starts the call with the preset variables', () => {
    const result = run({
      caller: [{ press: '1' }],
      agents: { bob: {} },
      variables: { tier: 'gold' },
      expect: { popover: [{ label: 'Customer' }, { label: 'Reason' }, { label: 'Tier', value: 'gold' }] },
    });
    expect(result.failures).toEqual([]);
  });

  it('offers a callback before queueing when the working queue is busy enough (minEstimatedWaitSeconds)', () => {
    const flow = helpLineFlow();
    // The queue is chosen, then the caller is offered a callback before being queued.
    flow.blocks['set-queue']!.next = { success: 'offer', error: 'to-queue' };
    flow.blocks.offer = {
      type: 'offerCallback',
      settings: {
        prompt: { text: 'Press 1 to be called back.' },
        acceptDigit: '1',
        timeoutSeconds: 5,
        confirmPrompt: { text: 'We will call you back on your number. Press 1.' },
        enterNumberPrompt: { text: 'Enter your number.' },
        minEstimatedWaitSeconds: 60,
      },
      next: {
        accepted: 'bye',
        declined: 'to-queue',
        timeout: 'to-queue',
        invalidNumber: 'to-queue',
        error: 'to-queue',
      },
    };
    const result = runScenario({
      flows: [flow],
      resources: helpLineResources(),
      test: { flow: 'help-line' },
      scenario: {
        name: 'callback offered before queueing',
        call: { from: '+13125550177', to: '+18005550100', at: MONDAY_10AM_NEW_YORK },
        caller: [{ press: '1' }, { press: '1' }, { press: '1' }],
        expect: {
          visits: ['set-queue', 'offer'],
          notVisits: ['to-queue'],
          prompts: ['Press 1 to be called back.'],
        },
      },
    });
    expect(result.failures).toEqual([]);
  });

  it('is deterministic: the same scenario gives the same record', () => {
    const scenario = { caller: [{ press: '1' }], agents: { bob: {} }, expect: {} };
    expect(run(scenario).record).toEqual(run(scenario).record);
  });
});

describe('runFlowTests', () => {
  it('runs every scenario and counts passes and failures; an unknown flow fails each scenario', () => {
    const call = { from: '+13125550177', to: '+18005550100', at: SUNDAY };
    const report = runFlowTests({
      flows: [helpLineFlow()],
      resources: helpLineResources(),
      tests: [
        {
          file: 'help-line.test.json',
          test: {
            formatVersion: 1,
            flow: 'help-line',
            scenarios: [
              { name: 'closed', call, expect: { end: 'disconnected' } },
              { name: 'wrong', call, expect: { end: 'transferred' } },
            ],
          },
        },
        {
          test: {
            formatVersion: 1,
            flow: 'nope',
            scenarios: [{ name: 'x', call, expect: { end: 'disconnected' } }],
          },
        },
      ],
    });
    expect([report.passed, report.failed]).toEqual([1, 2]);
    expect(report.files[1]?.scenarios[0]?.failures[0]?.message).toBe(
      'no flow with id "nope" was found beside the test',
    );
  });

  it('runs only the scenarios whose name matches the filter', () => {
    const call = { from: '+13125550177', to: '+18005550100', at: SUNDAY };
    const report = runFlowTests({
      flows: [helpLineFlow()],
      resources: helpLineResources(),
      filter: 'clo',
      tests: [
        {
          test: {
            formatVersion: 1,
            flow: 'help-line',
            scenarios: [
              { name: 'closed', call, expect: { end: 'disconnected' } },
              { name: 'other', call, expect: { end: 'disconnected' } },
            ],
          },
        },
      ],
    });
    expect(report.files[0]?.scenarios.map((s) => s.name)).toEqual(['closed']);
  });

  it('fails a scenario that expects nothing, in a document not checked against the schema', () => {
    const call = { from: '+13125550177', to: '+18005550100', at: SUNDAY };
    const report = runFlowTests({
      flows: [helpLineFlow()],
      resources: helpLineResources(),
      tests: [
        { test: { formatVersion: 1, flow: 'help-line', scenarios: [{ name: 'vacuous', call, expect: {} }] } },
      ],
    });
    expect([report.passed, report.failed]).toEqual([0, 1]);
    expect(report.files[0]?.scenarios[0]?.failures).toEqual([
      { path: '/expect', message: 'the scenario checks nothing: "expect" names no expectation' },
    ]);
  });
});
