import { checkFlowTestText } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import type { ScenarioDraft } from './scenario-from-call.js';
import { HandCall, type HandCallSetup } from './test-support/hand-call.js';

// Monday 5 January 2026, 10:00 in New York: sales and support are open. Sunday: both are closed.
const MONDAY = '2026-01-05T15:00:00Z';
const SUNDAY = '2026-01-04T15:00:00Z';
const SALES: HandCallSetup = { flow: 'sales-inbound', at: MONDAY, from: '+13125550123', to: '+12125550110' };
const SUPPORT: HandCallSetup = {
  flow: 'support-inbound',
  at: MONDAY,
  from: '+13125550123',
  to: '+18005550100',
};
const SUPPORT_OFFLINE = { 'alice.ng': 'Offline', 'bilal.khan': 'Offline', 'emma.larsen': 'Offline' } as const;
const SALES_OFFLINE = {
  'carmen.diaz': 'Offline',
  'dmitri.volkov': 'Offline',
  'emma.larsen': 'Offline',
} as const;
const CRM_404 = { status: 404, body: { error: 'no canned response for this request' } };

/** The draft replayed by the runner passes, and saved in a test file it passes the schema. */
function expectReplays(call: HandCall, draft: ScenarioDraft = call.draft()): void {
  const result = call.replay(draft);
  expect(result.failures).toEqual([]);
  expect(result.passed).toBe(true);
  const file = { formatVersion: 1, flow: call.setup.flow, scenarios: [draft.scenario] };
  expect(checkFlowTestText(JSON.stringify(file)).problems).toEqual([]);
}

describe('scenarioFromCall: a call tried in the simulator replays as a scenario', () => {
  it('a new sales customer presses 1 and the first sales agent accepts the offer', () => {
    const call = new HandCall(SALES).advance(3).press('1').advance(5);
    expect(call.offeredAgent()).toBe('carmen.diaz');
    call.accept('carmen.diaz').advance(20);

    const { scenario, notes } = call.draft('new customer');
    expect(scenario.name).toBe('new customer');
    expect(scenario.call).toEqual({
      from: '+13125550123',
      to: '+12125550110',
      at: '2026-01-05T15:00:00.000Z',
    });
    expect(scenario.caller).toEqual([{ press: '1' }]);
    // Every agent of the sales group counts in the estimated wait; none was changed.
    expect(scenario.agents).toEqual({ 'carmen.diaz': {}, 'dmitri.volkov': {}, 'emma.larsen': {} });
    expect(scenario.maxSeconds).toBeUndefined();
    expect(scenario.expect).toEqual({
      path: ['welcome', 'check-hours', 'sales-menu', 'new-customer', 'queue-sales', 'transfer-to-queue'],
      queue: 'sales',
      offeredTo: 'carmen.diaz',
      popover: [
        { label: 'Reason for call', value: 'New customer' },
        { label: 'Account number', value: null },
        { label: 'Tier', value: 'standard' },
        { label: 'Caller verified', value: false },
      ],
      end: 'connectedToAgent',
    });
    expect(notes).toEqual([]);
    expectReplays(call);
  });

  it('the menu times out once before the caller presses; keys typed one by one are one press', () => {
    const call = new HandCall(SUPPORT)
      .advance(6)
      .advance(3)
      .press('2')
      .advance(2)
      .press('12345678#')
      .advance(4);
    expect(call.offeredAgent()).toBe('alice.ng');
    call.ignore('alice.ng').advance(3);
    expect(call.offeredAgent()).toBe('bilal.khan');
    call.accept('bilal.khan');

    const { scenario, notes } = call.draft();
    // The menu asked at 0:07 and again after its timeout: the runner's clock passes the first request.
    expect(scenario.caller).toEqual([{ wait: 7 }, { press: '2' }, { press: '12345678#' }]);
    expect(scenario.agents).toEqual({
      'alice.ng': { onOffer: 'ignore' },
      'bilal.khan': {},
      'emma.larsen': {},
    });
    // The designer's simulator answers every web request 404: the test gives the same answer.
    expect(scenario.http).toEqual([
      { url: 'https://crm.northwind.example/api/v1/customers/12345678', ...CRM_404 },
    ]);
    expect(scenario.expect.offeredTo).toBe('bilal.khan');
    expect(scenario.expect.end).toBe('connectedToAgent');
    expect(notes).toEqual([]);
    expectReplays(call);
  });

  it('the caller waits in a queue nobody staffs, then hangs up', () => {
    const call = new HandCall({ ...SUPPORT, agents: SUPPORT_OFFLINE }).press('1').press('12345678#');
    const queuedAt = call.sim.now();
    call.advance(40).hangUp();

    const { scenario } = call.draft();
    expect(call.sim.now() - queuedAt).toBe(40_000);
    // The runner types the account number at once; the wait counts from there, as the caller's did.
    expect(scenario.caller).toEqual([{ press: '1' }, { press: '12345678#' }, { wait: 40 }, { hangUp: true }]);
    // Only the billing group's agent matters, Offline as they were.
    expect(scenario.agents).toEqual({ 'bilal.khan': { state: 'Offline' } });
    expect(scenario.expect.queue).toBe('billing');
    expect(scenario.expect.offeredTo).toBeUndefined();
    expect(scenario.expect.end).toBe('callerHungUp');
    expectReplays(call);
  });

  it('the regional office transfer: the number dialled, its caller ID and rule', () => {
    const call = new HandCall(SALES).press('3').advance(10);

    const { scenario, notes } = call.draft();
    expect(scenario.caller).toEqual([{ press: '3' }]);
    expect(scenario.agents).toBeUndefined();
    expect(scenario.dial).toBeUndefined();
    expect(scenario.expect).toEqual({
      path: ['welcome', 'check-hours', 'sales-menu', 'regional-office'],
      transfer: { to: '+13125550175', callerId: '+13125550111', rule: 'sameAreaCode' },
      end: 'transferred',
    });
    expect(notes).toEqual([]);
    expectReplays(call);
  });

  it('after hours the caller asks for a callback; the agent who takes it is the offer checked', () => {
    const call = new HandCall({ ...SALES, at: SUNDAY }).press('2');
    expect(call.status()).toBe('ended');
    call.advance(2);
    expect(call.offeredAgent()).toBe('alice.ng');
    call.accept('alice.ng').advance(10);

    const { scenario } = call.draft();
    expect(scenario.caller).toEqual([{ press: '2' }]);
    expect(scenario.expect.path).toEqual(['welcome', 'check-hours', 'after-hours', 'goodbye', 'hang-up']);
    expect(scenario.expect.callback).toEqual({ number: '+13125550123', queue: 'support' });
    expect(scenario.expect.offeredTo).toBe('alice.ng');
    expect(scenario.expect.popover?.map((p) => p.label)).toEqual(['Customer number', 'Queue', 'DNIS']);
    expect(scenario.expect.end).toBe('disconnected');
    expectReplays(call);
  });

  it('a busy answering service is scripted as busy, so the replay takes the same branch', () => {
    const call = new HandCall({
      ...SUPPORT,
      at: SUNDAY,
      agents: SUPPORT_OFFLINE,
      numbers: { '+16465550188': 'busy' },
    })
      .press('1')
      .advance(5);

    const draft = call.draft();
    expect(draft.scenario.dial).toEqual({ '+16465550188': 'busy' });
    expect(draft.scenario.expect.transfer).toEqual({
      to: '+16465550188',
      callerId: '+12125550100',
      rule: 'fixed',
    });
    expect(draft.scenario.expect.callback).toEqual({ number: '+13125550123', queue: 'support' });
    expectReplays(call, draft);
    // Without it the number answers in the replay: no callback.
    const { dial: _, ...answering } = draft.scenario;
    expect(call.replay({ ...draft, scenario: answering }).passed).toBe(false);
  });

  it('web services answer in the replay as they did in the call (bodies as JSON)', () => {
    const crm = {
      'GET https://crm.northwind.example/api/v1/customers/12345678': {
        body: { name: 'Ann Lee', tier: 'platinum', openTickets: 1, card: { lastFour: '4242' } },
      },
      'POST https://crm.northwind.example/api/v1/verify': { body: { verified: true, tier: 'platinum' } },
    };
    // The answers come on the clock: the admin lets it run before the next keys.
    const call = new HandCall({ ...SUPPORT, http: crm }).press('2').press('12345678#').advance(1);
    call.press('1234').advance(1); // the PIN is taken at its fourth digit
    expect(call.offeredAgent()).toBe('alice.ng');
    call.accept('alice.ng').advance(10);

    const { scenario, notes } = call.draft();
    expect(scenario.caller).toEqual([{ press: '2' }, { press: '12345678#' }, { press: '1234' }]);
    expect(scenario.http).toEqual([
      {
        url: 'https://crm.northwind.example/api/v1/customers/12345678',
        status: 200,
        body: { name: 'Ann Lee', tier: 'platinum', openTickets: 1, card: { lastFour: '4242' } },
      },
      {
        url: 'https://crm.northwind.example/api/v1/verify',
        status: 200,
        body: { verified: true, tier: 'platinum' },
      },
    ]);
    expect(scenario.expect.popover).toContainEqual({ label: 'Customer name', value: 'Ann Lee' });
    expect(notes).toEqual([
      'The keys typed for pin (a secure variable) are saved in the test as typed: use made-up values, never a real one.',
    ]);
    expectReplays(call);
  });

  it('an agent set Available by hand during the call becomes Available as late in the replay', () => {
    const call = new HandCall({ ...SALES, agents: SALES_OFFLINE }).press('1').advance(30);
    expect(call.status()).toBe('queued');
    call.setAgentState('emma.larsen', 'Available');
    expect(call.offeredAgent()).toBe('emma.larsen');
    call.accept('emma.larsen');

    const { scenario, notes } = call.draft();
    const available = scenario.agents?.['emma.larsen']?.availableAfterSeconds ?? 0;
    expect(scenario.agents).toEqual({
      'carmen.diaz': { state: 'Offline' },
      'dmitri.volkov': { state: 'Offline' },
      'emma.larsen': { availableAfterSeconds: available },
    });
    // The caller pressed after the menu prompt; the runner presses during it: the replay is that much earlier.
    expect(available).toBeGreaterThan(30);
    expect(available).toBeLessThan(Math.ceil((call.sim.now() - Date.parse(MONDAY)) / 1000));
    expect(notes).toEqual([]);
    expectReplays(call);
  });

  it('an agent transfer by hand is replayed with transferAfterAccept', () => {
    const call = new HandCall(SUPPORT).press('2').press('12345678#').advance(8);
    call.accept('alice.ng').advance(12);
    expect(call.sim.agent('alice.ng').transfer({ number: '+12015550999' }).result).toBe('transferred');
    call.advance(5);

    const { scenario, notes } = call.draft();
    expect(scenario.agents?.['alice.ng']).toEqual({
      transferAfterAccept: { afterSeconds: 12, to: { number: '+12015550999' } },
    });
    expect(scenario.expect.transfer).toEqual({ to: '+12015550999', callerId: '+12125550101', rule: 'queue' });
    expect(scenario.expect.end).toBe('transferred');
    expect(notes).toEqual([]);
    expectReplays(call);
  });

  it('the caller accepts the callback offered while waiting in the queue', () => {
    const call = new HandCall({ ...SUPPORT, agents: SUPPORT_OFFLINE }).press('2').press('12345678#');
    const asked = () =>
      call.sim.events.filter((e) => e.contactId === call.contactId && e.type === 'collectDigits').length;
    const before = asked();
    while (asked() === before) call.advance(10);
    call.press('1').press('1');

    const { scenario } = call.draft();
    expect(scenario.caller).toEqual([{ press: '2' }, { press: '12345678#' }, { press: '1' }, { press: '1' }]);
    expect(scenario.expect.callback).toEqual({ number: '+13125550123', queue: 'support' });
    expect(scenario.expect.end).toBe('disconnected');
    expectReplays(call);
  });
});

describe('scenarioFromCall: what a scenario cannot express', () => {
  it('keys pressed while nothing asks for them, an agent hanging up: left out with a note', () => {
    const call = new HandCall({ ...SALES, agents: SALES_OFFLINE })
      .press('2')
      .press('12345678#')
      .press('4321#') // the PIN has 4 digits: "#" comes after it was taken
      .advance(10)
      .press('9') // on hold
      .advance(20)
      .setAgentState('emma.larsen', 'Available')
      .advance(2)
      .accept('emma.larsen')
      .advance(30)
      .agentHangUp('emma.larsen');

    const { scenario, notes } = call.draft();
    expect(scenario.caller).toEqual([{ press: '2' }, { press: '12345678#' }, { press: '4321' }]);
    expect(notes).toEqual([
      'The caller pressed # at 0:23 while the flow was not asking for keys (block "check-pin" is not waiting for digits): the test leaves it out.',
      'The caller pressed 9 at 0:33 while the flow was not asking for keys (block "hold" is not waiting for digits): the test leaves it out.',
      'The keys typed for pin (a secure variable) are saved in the test as typed: use made-up values, never a real one.',
      'emma.larsen hung up on the caller at 1:33; a test agent stays on the call, so the test stops once the call is connected to them.',
    ]);
    // Connected is how the call ended for the test too.
    expect(scenario.expect.end).toBe('connectedToAgent');
    expectReplays(call);
  });

  it('an agent who let the offer ring, was set Available again and accepted: noted, the test has them accept', () => {
    const call = new HandCall({ ...SALES, agents: { 'carmen.diaz': 'Offline', 'dmitri.volkov': 'Offline' } })
      .press('1')
      .advance(2)
      .ignore('emma.larsen')
      .advance(5)
      .setAgentState('emma.larsen', 'Available')
      .advance(1)
      .accept('emma.larsen');

    const { scenario, notes } = call.draft();
    expect(scenario.agents?.['emma.larsen']).toEqual({});
    expect(notes).toEqual([
      'emma.larsen was set Available by hand at 0:26 (from RONA); a test agent becomes Available at most once, from the start of the call, so the test leaves this out.',
      'emma.larsen let an offer ring and accepted another; a test agent either accepts every offer or lets every one ring, so the test has them accept.',
    ]);
    expectReplays(call);
  });

  it('an agent who started in RONA starts Busy in the test, with a note', () => {
    const call = new HandCall({ ...SALES, agents: { 'carmen.diaz': 'RONA' } }).press('1');
    call.accept(call.offeredAgent() ?? '');

    const { scenario, notes } = call.draft();
    expect(scenario.agents?.['carmen.diaz']).toEqual({ state: 'Busy' });
    expect(scenario.expect.offeredTo).toBe('dmitri.volkov');
    expect(notes).toEqual([
      'carmen.diaz was in RONA when the call started; a test agent starts Available, Offline or Busy, so the test starts them Busy (they take no calls either way).',
    ]);
    expectReplays(call);
  });

  it('a call saved while the flow still waits stops where the admin stopped', () => {
    const call = new HandCall(SALES).advance(3);
    expect(call.status()).toBe('running');

    const draft = call.draft();
    const seconds = (call.sim.now() - Date.parse(MONDAY)) / 1000;
    expect(draft.scenario.maxSeconds).toBe(seconds);
    expect(draft.scenario.expect).toEqual({ path: ['welcome', 'check-hours', 'sales-menu'] });
    expect(draft.notes).toEqual([
      `The call was still going when it was saved (at block sales-menu of sales-inbound): the test stops it ${seconds} s in, where you did, and does not check how it ends.`,
    ]);
    expectReplays(call, draft);
    // Left to run, the menu times out and the call goes on to the sales queue.
    const { maxSeconds: _, ...unlimited } = draft.scenario;
    expect(call.replay({ ...draft, scenario: unlimited }).passed).toBe(false);
  });

  it('a call saved while an offer rings keeps that agent from accepting it in the replay', () => {
    const call = new HandCall(SALES).press('1').advance(4);
    expect(call.status()).toBe('offered');

    const { scenario, notes } = call.draft();
    expect(scenario.agents?.['carmen.diaz']).toEqual({ onOffer: 'ignore' });
    expect(scenario.expect.offeredTo).toBe('carmen.diaz');
    expect(scenario.expect.end).toBeUndefined();
    expect(notes[0]).toMatch(
      /^The call was still going when it was saved \(offered to carmen.diaz in queue sales\)/,
    );
    expectReplays(call);
  });
});
