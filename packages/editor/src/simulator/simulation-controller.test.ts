import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flow, Resources } from '@callflow/model';
import { REDACTED } from '@callflow/runtime';
import { describe, expect, it } from 'vitest';
import type { CallSetup } from './call-setup';
import { SimulationController } from './simulation-controller';

// The sample flows and resources of the repository: what an admin opens first.
const FLOWS_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'flows');
const resources = JSON.parse(readFileSync(join(FLOWS_DIR, 'resources.json'), 'utf8')) as Resources;
const flows: Record<string, Flow> = {};
for (const file of readdirSync(FLOWS_DIR).filter((f) => f.endsWith('.flow.json'))) {
  const flow = JSON.parse(readFileSync(join(FLOWS_DIR, file), 'utf8')) as Flow;
  flows[flow.id] = flow;
}

function controllerFor(flowId: string, override?: Flow): SimulationController {
  const flow = override ?? (flows[flowId] as Flow);
  return new SimulationController({ flow, resources, flows: { ...flows, [flow.id]: flow } });
}

// Monday 5 January 2026, 10:00 in New York: the sales and support lines are open.
const MONDAY_MORNING: CallSetup = {
  from: '+13125550123',
  to: '+12125550110',
  localStart: '2026-01-05T10:00',
  timeZone: 'America/New_York',
};

describe('a call through the sales menu to the regional office', () => {
  it('plays the prompts, waits in the menu, and shows the caller ID chosen for the transfer', () => {
    const sim = controllerFor('sales-inbound');
    sim.start(MONDAY_MORNING);
    let view = sim.getView();
    expect(view.phase).toBe('running');
    expect(view.activeBlockId).toBe('sales-menu');
    expect(view.visitedBlockIds).toEqual(['welcome', 'check-hours', 'sales-menu']);
    expect(view.transcript.filter((l) => l.kind === 'prompt').map((l) => l.text)).toEqual([
      resources.prompts['sales-welcome']?.text,
      resources.prompts['sales-menu']?.text,
    ]);
    expect(view.canPress).toBe(true);

    sim.press('3');
    view = sim.getView();
    expect(view.activeBlockId).toBe('regional-office');
    expect(view.transcript.some((l) => l.kind === 'caller' && l.text === 'Pressed 3')).toBe(true);
    expect(view.callerIds).toHaveLength(1);
    const [choice] = view.callerIds;
    expect(choice).toMatchObject({ block: 'regional-office', rule: 'sameAreaCode', number: '+13125550111' });
    expect(choice?.reason).toMatch(/312/);
    expect(view.transcript.at(-1)?.text).toBe('Dialling +13125550175, showing caller ID +13125550111');
  });

  it('moves the virtual clock as prompts play, and only then', () => {
    const sim = controllerFor('sales-inbound');
    sim.start(MONDAY_MORNING);
    const started = Date.parse('2026-01-05T15:00:00Z');
    const waiting = sim.getView();
    expect(waiting.clock).toBeGreaterThan(started);
    // The menu's no-key timer, started when its prompt ended, is the next thing that can happen.
    const menu = (flows['sales-inbound'] as Flow).blocks['sales-menu']?.settings as {
      timeoutSeconds: number;
    };
    expect(waiting.nextTimerAt).toBe(waiting.clock + menu.timeoutSeconds * 1000);
    sim.advance(1);
    expect(sim.getView().clock).toBe(waiting.clock + 1000);
  });

  it('repeats the menu when the caller presses nothing until the timeout', () => {
    const sim = controllerFor('sales-inbound');
    sim.start(MONDAY_MORNING);
    const menuPrompt = resources.prompts['sales-menu']?.text;
    const count = () => sim.getView().transcript.filter((l) => l.text === menuPrompt).length;
    expect(count()).toBe(1);
    sim.skipToNextEvent();
    expect(count()).toBe(2);
    expect(sim.getView().activeBlockId).toBe('sales-menu');
  });
});

describe('time of day', () => {
  it('takes the after-hours path on a Sunday night', () => {
    const sim = controllerFor('sales-inbound');
    sim.start({ ...MONDAY_MORNING, localStart: '2026-01-04T23:00' });
    expect(sim.getView().visitedBlockIds.slice(0, 3)).toEqual(['welcome', 'check-hours', 'after-hours']);
  });
});

describe('queues and agents', () => {
  function queuedSupportCall(): SimulationController {
    const sim = controllerFor('support-inbound');
    sim.start({ ...MONDAY_MORNING, to: '+12125550101' });
    sim.press('1'); // billing
    // No account number: the get-digits block times out and routes by reason.
    for (let i = 0; i < 5 && sim.getView().status !== 'offered'; i++) sim.skipToNextEvent();
    return sim;
  }

  it('offers the queued call to an available agent with the popover in the flow order', () => {
    const sim = queuedSupportCall();
    const view = sim.getView();
    expect(view.status).toBe('offered');
    const offer = view.offers.at(-1);
    expect(offer?.state).toBe('offered');
    const support = flows['support-inbound'] as Flow;
    const labels = (support.popover ?? []).map((name) => support.variables?.[name]?.label ?? name);
    expect(offer?.lines.map((l) => l.label)).toEqual(labels);
    expect(offer?.lines.find((l) => l.label === 'Reason for call')?.value ?? 'Billing').toBe('Billing');
  });

  it('connects the caller when the agent accepts', () => {
    const sim = queuedSupportCall();
    const agent = sim.getView().offers.at(-1)?.agent as string;
    sim.accept(agent);
    for (let i = 0; i < 5 && sim.getView().status !== 'connected'; i++) sim.skipToNextEvent();
    const view = sim.getView();
    expect(view.status).toBe('connected');
    expect(view.offers.at(-1)?.state).toBe('accepted');
    expect(view.agents.find((a) => a.name === agent)?.state).toBe('Busy');
  });

  it('lets the agent on the call hang up: the call ends and the agent goes to wrap-up', () => {
    const sim = queuedSupportCall();
    const agent = sim.getView().offers.at(-1)?.agent as string;
    expect(sim.getView().agents.find((a) => a.name === agent)?.onCall).toBe(false);
    sim.accept(agent);
    for (let i = 0; i < 5 && sim.getView().status !== 'connected'; i++) sim.skipToNextEvent();
    expect(sim.getView().agents.find((a) => a.name === agent)).toMatchObject({ state: 'Busy', onCall: true });
    expect(sim.getView().agents.filter((a) => a.onCall)).toHaveLength(1);

    sim.agentHangUp(agent);
    const view = sim.getView();
    expect(view).toMatchObject({ phase: 'ended', status: 'ended', endReason: 'agent hung up' });
    expect(view.agents.find((a) => a.name === agent)).toMatchObject({ state: 'WrapUp', onCall: false });
    expect(view.transcript.slice(-2).map((l) => l.text)).toEqual([
      `${agent} hung up`,
      'Call ended: agent hung up',
    ]);
    expect(view.activeBlockId).toBeNull();
  });

  it('puts an agent who ignores the offer in RONA, until the agent is made Available again', () => {
    const sim = queuedSupportCall();
    // Billing has one agent: after RONA nobody else can take the call.
    const agent = sim.getView().offers.at(-1)?.agent as string;
    sim.ignore(agent);
    let view = sim.getView();
    expect(view.agents.find((a) => a.name === agent)?.state).toBe('RONA');
    expect(view.offers.at(-1)).toMatchObject({ agent, state: 'ignored' });
    expect(view.status).toBe('queued');
    expect(view.transcript.some((l) => l.kind === 'agent' && l.text === `${agent} did not answer`)).toBe(
      true,
    );

    sim.setAgentState(agent, 'Available');
    view = sim.getView();
    expect(view.status).toBe('offered');
    expect(view.offers).toHaveLength(2);
    expect(view.offers.at(-1)).toMatchObject({ agent, state: 'offered' });
  });

  it('keeps the call queued while every agent is offline', () => {
    const sim = controllerFor('support-inbound');
    sim.start({ ...MONDAY_MORNING, to: '+12125550101' });
    for (const agent of sim.getView().agents) sim.setAgentState(agent.name, 'Offline');
    expect(sim.getView().agents.every((a) => a.state === 'Offline')).toBe(true);
    sim.press('1');
    for (let i = 0; i < 5 && sim.getView().status !== 'queued'; i++) sim.skipToNextEvent();
    expect(sim.getView().status).toBe('queued');
    sim.advance(60);
    expect(sim.getView().status).toBe('queued');
    expect(sim.getView().offers).toEqual([]);
  });
});

describe('secure variables', () => {
  // The caller types an account number; it is read back, logged and offered to an agent. The two runs
  // differ only in `secure: true` on the variable.
  const ACCOUNT = '48151623';
  const accountLine = (secure: boolean): Flow => ({
    formatVersion: 1,
    id: 'account-line',
    name: 'Account line',
    type: 'inbound',
    start: 'ask',
    variables: {
      account: { type: 'string', label: 'Account', agentViewable: true, ...(secure ? { secure: true } : {}) },
    },
    blocks: {
      ask: {
        type: 'getDigits',
        settings: {
          prompt: { text: 'Your account number.' },
          variable: 'account',
          minDigits: 8,
          maxDigits: 8,
          timeoutSeconds: 5,
          retries: 0,
        },
        next: { success: 'read-back', timeout: 'bye', invalid: 'bye', error: 'bye' },
      },
      'read-back': {
        type: 'playPrompt',
        settings: { prompt: { text: 'Account {{account}}.' } },
        next: { success: 'note', error: 'bye' },
      },
      note: {
        type: 'logToTrace',
        settings: { message: 'account {{account}} identified' },
        next: { success: 'pick' },
      },
      pick: {
        type: 'setWorkingQueue',
        settings: { queue: 'support' },
        next: { success: 'go', error: 'bye' },
      },
      go: {
        type: 'transferToQueue',
        settings: {},
        next: { atCapacity: 'bye', error: 'bye' },
      },
      bye: { type: 'disconnect', settings: {} },
    },
  });
  const offeredCall = (secure: boolean) => {
    const sim = controllerFor('account-line', accountLine(secure));
    sim.start({ ...MONDAY_MORNING, to: '+12125550101' });
    sim.press(ACCOUNT);
    for (let i = 0; i < 8 && sim.getView().status !== 'offered'; i++) sim.skipToNextEvent();
    const view = sim.getView();
    expect(view.status).toBe('offered');
    return {
      transcript: JSON.stringify(view.transcript),
      variables: JSON.stringify(view.variables),
      popover: JSON.stringify(view.offers.at(-1)?.lines ?? null),
      trace: sim.traceFile()?.text ?? '',
    };
  };

  it('newly marked secure, are masked in the transcript, the variables, the popover and the trace', () => {
    const shown = offeredCall(false);
    for (const [path, text] of Object.entries(shown)) expect(text, path).toContain(ACCOUNT);
    const masked = offeredCall(true);
    for (const [path, text] of Object.entries(masked)) expect(text, path).not.toContain(ACCOUNT);
    expect(masked.transcript).toContain(`Account ${REDACTED}.`);
  });

  it('are masked in the variables and the transcript', () => {
    const flow: Flow = {
      formatVersion: 1,
      id: 'pin-check',
      name: 'PIN check',
      type: 'inbound',
      start: 'ask-pin',
      variables: { pin: { type: 'string', label: 'PIN', secure: true } },
      blocks: {
        'ask-pin': {
          type: 'getDigits',
          settings: {
            prompt: { text: 'Enter your PIN.' },
            variable: 'pin',
            minDigits: 4,
            maxDigits: 4,
            timeoutSeconds: 5,
            retries: 0,
          },
          next: { success: 'read-back', timeout: 'bye', invalid: 'bye', error: 'bye' },
        },
        'read-back': {
          type: 'playPrompt',
          settings: { prompt: { text: 'You entered {{pin}}.' } },
          next: { success: 'bye', error: 'bye' },
        },
        bye: { type: 'disconnect', settings: {} },
      },
    };
    const sim = controllerFor('pin-check', flow);
    sim.start(MONDAY_MORNING);
    sim.press('4321');
    const view = sim.getView();
    expect(view.variables.find((v) => v.name === 'pin')?.value).toBe(REDACTED);
    expect(view.transcript.map((l) => l.text)).toContain(`You entered ${REDACTED}.`);
    expect(JSON.stringify(view)).not.toContain('4321');
    expect(sim.traceFile()?.text).not.toContain('4321');
  });

  it('stay masked after the module that asked for them has returned', () => {
    const sim = controllerFor('sales-inbound');
    sim.start(MONDAY_MORNING);
    sim.press('2'); // existing customer
    for (const key of '4417021#') sim.press(key);
    // The verify-caller module asks for the PIN (a secure variable of the module).
    for (const key of '9753#') sim.press(key);
    for (let i = 0; i < 5 && sim.getView().visitedBlockIds.at(-1) === 'verify-caller'; i++)
      sim.skipToNextEvent();
    const view = sim.getView();
    expect(view.visitedBlockIds).toContain('route-by-tier');
    const presses = view.transcript.filter((l) => l.kind === 'caller').map((l) => l.text);
    // The menu key and the account number show; the PIN's four keys are masked (the PIN is complete at
    // four digits, so the # after it is an ordinary key again).
    expect(presses.slice(0, 9)).toEqual(
      ['2', '4', '4', '1', '7', '0', '2', '1', '#'].map((k) => `Pressed ${k}`),
    );
    expect(presses.slice(9)).toEqual([...Array(4).fill(`Pressed ${REDACTED}`), 'Pressed #']);
    expect(JSON.stringify(view)).not.toContain('9753');
    expect(sim.traceFile()?.text).not.toContain('9753');
  });
});

describe('hanging up and the trace', () => {
  it('ends the call, clears the active block and offers the trace as JSON', () => {
    const sim = controllerFor('sales-inbound');
    sim.start(MONDAY_MORNING);
    sim.hangUp();
    const view = sim.getView();
    expect(view.phase).toBe('ended');
    expect(view.canPress).toBe(false);
    expect(view.activeBlockId).toBeNull();
    expect(view.visitedBlockIds).toContain('sales-menu');
    const file = sim.traceFile();
    expect(file?.fileName).toMatch(/^sales-inbound-.+\.trace\.json$/);
    const trace = JSON.parse(file?.text ?? '{}');
    expect(trace).toMatchObject({ flowId: 'sales-inbound', callerNumber: '+13125550123', status: 'ended' });
    expect(trace.trace.map((e: { block?: string }) => e.block)).toContain('sales-menu');
  });

  it('keeps a running call on the flow it started with while the admin edits', () => {
    const sim = controllerFor('sales-inbound');
    sim.start(MONDAY_MORNING);
    const edited = structuredClone(flows['sales-inbound'] as Flow);
    (edited.blocks['sales-menu'] as { next: Record<string, string> }).next['3'] = 'hang-up';
    sim.setInputs({ flow: edited, resources, flows });
    sim.press('3');
    expect(sim.getView().activeBlockId).toBe('regional-office');
    // The next call uses the edit.
    sim.start(MONDAY_MORNING);
    sim.press('3');
    expect(sim.getView().visitedBlockIds).toContain('hang-up');
  });

  it('refuses a call it cannot place, with the reason', () => {
    const sim = controllerFor('verify-caller');
    expect(sim.problem(MONDAY_MORNING)).toMatch(/Only inbound flows take calls/);
    expect(() => sim.start(MONDAY_MORNING)).toThrow(/Only inbound flows/);
  });
});

describe('agents before the call', () => {
  it('start Available, and a state chosen before the call is the state the call finds', () => {
    const sim = controllerFor('support-inbound');
    expect(sim.getView().agents.every((a) => a.state === 'Available')).toBe(true);
    sim.setAgentState('bilal.khan', 'Offline');
    expect(sim.getView().agents.find((a) => a.name === 'bilal.khan')?.state).toBe('Offline');
    sim.start({ ...MONDAY_MORNING, to: '+12125550101' });
    expect(sim.getView().agents.find((a) => a.name === 'bilal.khan')?.state).toBe('Offline');
  });
});

describe('a call that requested a callback, followed past the hang-up', () => {
  /** The callback line with every agent Offline: the caller is hung up on, the callback waits. */
  function callbackWaiting(): SimulationController {
    const sim = controllerFor('callback-line');
    for (const name of Object.keys(resources.agents)) sim.setAgentState(name, 'Offline');
    sim.start({ ...MONDAY_MORNING, to: '+18005550100' });
    return sim;
  }

  it('keeps the call running while the callback waits, with the Create callback block current', () => {
    const view = callbackWaiting().getView();
    expect(view.phase).toBe('running');
    expect(view.status).toBe('callback queued');
    expect(view.canPress).toBe(false);
    expect(view.activeBlockId).toBe('create-callback');
    expect(view.visitedBlockIds).toEqual([
      'set-callback-number',
      'check-support-load',
      'create-callback',
      'confirm-by-text',
      'hang-up',
    ]);
    const texts = view.transcript.map((l) => `${l.leg ?? 'call'}: ${l.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        'call: Callback requested to +13125550123 in queue support',
        'call: Text message to +13125550123 from +18005550100: "We will call you back at +13125550123 as soon as an agent is free."',
        'call: The text message was sent',
        'call: Call ended: disconnected by the flow',
        'callback: Waiting in queue support',
      ]),
    );
    expect(view.offers).toEqual([]);
  });

  it('offers it to the agent made Available, runs the outbound whisper and dials with the caller ID it explains', () => {
    const sim = callbackWaiting();
    sim.setAgentState('alice.ng', 'Available');
    let view = sim.getView();
    expect(view.status).toBe('callback offered');
    expect(view.offers.at(-1)).toMatchObject({ agent: 'alice.ng', title: 'Callback', state: 'offered' });
    expect(view.offers.at(-1)?.lines).toContainEqual({ label: 'Customer number', value: '+13125550123' });

    sim.accept('alice.ng');
    for (let i = 0; i < 5 && sim.getView().status !== 'callback connected'; i++) sim.skipToNextEvent();
    view = sim.getView();
    expect(view.status).toBe('callback connected');
    const callback = view.transcript.filter((l) => l.leg === 'callback').map((l) => l.text);
    expect(callback).toEqual([
      'Waiting in queue support',
      'alice.ng is available',
      'Offered to agent alice.ng',
      'alice.ng accepted the call',
      'Placing the call to +13125550123.',
      'Dialling +13125550123, showing caller ID +12125550100',
      'The called party answered',
      'Connected to agent alice.ng',
    ]);
    expect(view.transcript.find((l) => l.text === 'Placing the call to +13125550123.')?.kind).toBe('whisper');
    expect(view.callerIds).toEqual([
      expect.objectContaining({ leg: 'callback', number: '+12125550100', rule: 'outboundWhisper' }),
    ]);
    expect(view.callerIds[0]?.reason).toContain('outbound whisper');

    sim.agentHangUp('alice.ng');
    view = sim.getView();
    expect(view.phase).toBe('ended');
    expect(view.endReason).toBe('callback agent hung up');
    expect(view.activeBlockId).toBeNull();
  });
});
