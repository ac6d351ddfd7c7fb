import { blockTypes, type Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { block, flow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator, type SimulatorOptions } from '../simulator/simulator.js';
import { BEHAVIOURS } from './index.js';

const run = (f: Flow, extra: Partial<SimulatorOptions> & { flows?: Flow[] } = {}) => {
  const sim = createSimulator({ resources: resources(), ...extra, flows: [f, ...(extra.flows ?? [])] });
  const id = sim.startCall({ flow: f.id, from: '+12015550199', to: '+12015550100' });
  return {
    sim,
    id,
    outcome: (blockId: string) =>
      sim
        .trace(id)
        .filter((t) => t.block === blockId && t.outcome)
        .at(-1)?.outcome,
  };
};

const end = () => block('disconnect');

describe('the block catalog', () => {
  it('has a runtime behaviour for every block type', () => {
    expect(BEHAVIOURS.map((b) => b.type).sort()).toEqual(blockTypes().sort());
  });
});

describe('setVariables and checkVariable', () => {
  const variables = {
    tier: { type: 'string' as const },
    visits: { type: 'integer' as const, default: 0 },
  };
  it('assigns converted values and branches on the first rule that holds', () => {
    const f = flow(
      'v',
      'inbound',
      'set',
      {
        set: block(
          'setVariables',
          {
            assignments: [
              { variable: 'tier', value: { value: 'gold' } },
              { variable: 'visits', value: { value: '3' } },
            ],
          },
          { success: 'check', error: 'bye' },
        ),
        check: block(
          'checkVariable',
          {
            rules: [
              {
                outcome: 'silver',
                when: { variable: 'tier', operator: 'equals', value: { value: 'silver' } },
              },
              {
                outcome: 'loyal',
                when: {
                  all: [
                    { variable: 'tier', operator: 'equals', value: { value: 'gold' } },
                    { variable: 'visits', operator: 'greaterThan', value: { value: 2 } },
                  ],
                },
              },
            ],
          },
          { silver: 'bye', loyal: 'bye', noMatch: 'bye' },
        ),
        bye: end(),
      },
      { variables },
    );
    const { sim, id, outcome } = run(f);
    expect(outcome('check')).toBe('loyal');
    expect(sim.snapshot(id)?.variables).toMatchObject({ tier: 'gold', visits: 3 });
  });

  it('takes error and leaves the variable unchanged for a value that does not convert', () => {
    const f = flow(
      'v',
      'inbound',
      'set',
      {
        set: block(
          'setVariables',
          { assignments: [{ variable: 'visits', value: { value: 'many' } }] },
          { success: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables },
    );
    const { sim, id, outcome } = run(f);
    expect(outcome('set')).toBe('error');
    expect(sim.snapshot(id)?.variables.visits).toBeUndefined();
    expect(sim.trace(id).find((t) => t.block === 'set')?.note).toMatch(/visits not set/);
  });
});

describe('secure variables', () => {
  it('never quotes a refused value of a secure variable in the trace', () => {
    const f = flow(
      's',
      'inbound',
      'set',
      {
        set: block(
          'setVariables',
          { assignments: [{ variable: 'pin', value: { value: '12ab-secret' } }] },
          { success: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables: { pin: { type: 'integer', secure: true } } },
    );
    const { sim, id, outcome } = run(f);
    expect(outcome('set')).toBe('error');
    expect(JSON.stringify(sim.trace(id))).not.toContain('12ab-secret');
  });
});

describe('checkHours', () => {
  const f = flow('h', 'inbound', 'hours', {
    hours: block('checkHours', { hours: 'business' }, { inHours: 'bye', outOfHours: 'bye', error: 'bye' }),
    bye: end(),
  });
  it('is inHours on a Monday at 10:00 New York time', () => {
    expect(run(f, { now: '2026-01-05T15:00:00Z' }).outcome('hours')).toBe('inHours');
  });
  it('is outOfHours on a Sunday', () => {
    expect(run(f, { now: '2026-01-04T15:00:00Z' }).outcome('hours')).toBe('outOfHours');
  });
  it('takes error for hours missing from resources', () => {
    const g = flow('h', 'inbound', 'hours', {
      hours: block('checkHours', { hours: 'nope' }, { inHours: 'bye', outOfHours: 'bye', error: 'bye' }),
      bye: end(),
    });
    expect(run(g).outcome('hours')).toBe('error');
  });
});

describe('loopCounter', () => {
  it('loops count times, then completes', () => {
    const f = flow('l', 'inbound', 'loop', {
      loop: block('loopCounter', { count: 2 }, { looping: 'say', complete: 'bye' }),
      say: block('playPrompt', say('Again.'), { success: 'loop', error: 'loop' }),
      bye: end(),
    });
    const { sim, id } = run(f);
    sim.advance(10);
    expect(sim.heard(id)).toEqual(['Again.', 'Again.']);
    expect(sim.snapshot(id)?.status).toBe('ended');
  });
});

describe('getDigits', () => {
  const f = (validate?: 'phoneNumber') =>
    flow(
      'g',
      'inbound',
      'ask',
      {
        ask: block(
          'getDigits',
          {
            prompt: { text: 'Enter your PIN.' },
            variable: 'pin',
            minDigits: 4,
            maxDigits: 6,
            timeoutSeconds: 5,
            terminator: '#',
            retries: 1,
            ...(validate ? { validate } : {}),
          },
          { success: 'bye', timeout: 'bye', invalid: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables: { pin: { type: 'string', secure: true } } },
    );
  it('stores the digits before the terminator and masks the secure value in the trace', () => {
    const { sim, id, outcome } = run(f());
    sim.press(id, '1234#');
    expect(outcome('ask')).toBe('success');
    expect(sim.snapshot(id)?.variables.pin).toBe('1234');
    expect(JSON.stringify(sim.trace(id))).not.toContain('1234');
  });
  it('asks again after too few digits, then takes invalid', () => {
    const { sim, id, outcome } = run(f());
    sim.press(id, '12#');
    sim.press(id, '9#');
    expect(outcome('ask')).toBe('invalid');
    expect(sim.heard(id).filter((t) => t === 'Enter your PIN.')).toHaveLength(2);
  });
  it('ends input after a pause and accepts what was typed', () => {
    const { sim, id, outcome } = run(f());
    sim.advance(3);
    sim.press(id, '55555');
    sim.advance(6);
    expect(outcome('ask')).toBe('success');
  });
  it('takes timeout when nothing is typed', () => {
    const { sim, outcome } = run(f());
    sim.advance(30);
    expect(outcome('ask')).toBe('timeout');
  });
});

describe('getDigits as a phone number', () => {
  const f = flow(
    'p',
    'inbound',
    'ask',
    {
      ask: block(
        'getDigits',
        {
          prompt: { text: 'Your number, then hash.' },
          variable: 'phone',
          minDigits: 3,
          maxDigits: 18,
          timeoutSeconds: 5,
          terminator: '#',
          retries: 0,
          validate: 'phoneNumber',
        },
        { success: 'bye', timeout: 'bye', invalid: 'bye', error: 'bye' },
      ),
      bye: end(),
    },
    { variables: { phone: { type: 'string' } } },
  );
  it('stores a valid dial number in E.164', () => {
    const { sim, id, outcome } = run(f);
    sim.press(id, '2015550142#');
    expect(outcome('ask')).toBe('success');
    expect(sim.snapshot(id)?.variables.phone).toBe('+12015550142');
  });
  it('takes invalid for a number outside the allowed countries', () => {
    const { sim, id, outcome } = run(f);
    sim.press(id, '011442079460958#');
    expect(outcome('ask')).toBe('invalid');
  });
});

describe('setCallbackNumber', () => {
  const f = (number: string) =>
    flow('n', 'inbound', 'set', {
      set: block(
        'setCallbackNumber',
        { number: { value: number } },
        { success: 'bye', invalidNumber: 'bye', notDialable: 'bye' },
      ),
      bye: end(),
    });
  it('normalises a valid number into $callbackNumber', () => {
    const { sim, id, outcome } = run(f('(201) 555-0142'));
    expect(outcome('set')).toBe('success');
    expect(sim.snapshot(id)?.system.callbackNumber).toBe('+12015550142');
  });
  it('keeps the extension, and the callback keys it in once the customer answers', () => {
    const withCallback = flow('n', 'inbound', 'set', {
      set: block(
        'setCallbackNumber',
        { number: { value: '(201) 555-0142:12#' } },
        { success: 'create', invalidNumber: 'bye', notDialable: 'bye' },
      ),
      create: block(
        'createCallback',
        {
          queue: 'support',
          initialDelaySeconds: 0,
          maxAttempts: 1,
          retryDelaySeconds: 60,
          maxQueueSeconds: 600,
          keepPosition: false,
        },
        { success: 'bye', error: 'bye' },
      ),
      bye: end(),
    });
    const { sim, id } = run(withCallback, { agents: { alice: 'Available' } });
    expect(sim.snapshot(id)?.system.callbackNumber).toBe('+12015550142:12#');
    sim.agent('alice').accept();
    sim.advance(10);
    const callbackId = sim.contacts().find((c) => c !== id)!;
    expect(sim.events.find((e) => e.type === 'dial')?.detail).toMatchObject({
      purpose: 'callback',
      to: '+12015550142',
      sendDigits: '12#',
    });
    expect(sim.telephony.digitsSent(callbackId).map((d) => d.digits)).toEqual(['12#']);
  });
  it('notDialable outside the allowed countries; invalidNumber for garbage', () => {
    expect(run(f('+442079460958')).outcome('set')).toBe('notDialable');
    expect(run(f('12')).outcome('set')).toBe('invalidNumber');
  });
});

describe('setRecording', () => {
  const f = flow(
    'r',
    'inbound',
    'start',
    {
      start: block('setRecording', { action: 'start' }, { success: 'shield', error: 'bye' }),
      shield: block(
        'setRecording',
        { action: 'pause', privacyShieldSeconds: 20 },
        { success: 'ask', error: 'bye' },
      ),
      ask: block(
        'playPrompt',
        say('Please read your card number now, then wait a moment while we check it.'),
        { success: 'hold', error: 'bye' },
      ),
      hold: block(
        'getDigits',
        {
          prompt: { text: 'Enter it.' },
          variable: 'card',
          minDigits: 1,
          maxDigits: 20,
          timeoutSeconds: 60,
          retries: 0,
        },
        { success: 'bye', timeout: 'bye', invalid: 'bye', error: 'bye' },
      ),
      bye: end(),
    },
    { variables: { card: { type: 'string', secure: true } } },
  );
  it('pauses with a privacy shield that resumes recording on its own', () => {
    const { sim, id } = run(f);
    expect(sim.telephony.recordingState(id)).toBe('paused');
    sim.advance(21);
    expect(sim.telephony.recordingState(id)).toBe('on');
    expect(sim.snapshot(id)?.recording.state).toBe('on');
    expect(sim.trace(id).some((t) => t.note === 'privacy shield over: recording resumes')).toBe(true);
  });
  it('refuses to pause during a consult or conference', () => {
    const g = flow('r', 'inbound', 'start', {
      start: block('setRecording', { action: 'start' }, { success: 'wait', error: 'bye' }),
      wait: block('playPrompt', say('One moment.'), { success: 'pause', error: 'bye' }),
      pause: block('setRecording', { action: 'pause' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { sim, id, outcome } = run(g);
    sim.consult(id, true);
    sim.advance(5);
    expect(outcome('pause')).toBe('error');
    expect(sim.trace(id).find((t) => t.block === 'pause')?.note).toMatch(/not available during a consult/);
  });
  it('stopping during a privacy shield cancels its timer', () => {
    const g = flow('r', 'inbound', 'start', {
      start: block('setRecording', { action: 'start' }, { success: 'shield', error: 'bye' }),
      shield: block(
        'setRecording',
        { action: 'pause', privacyShieldSeconds: 20 },
        { success: 'stop', error: 'bye' },
      ),
      stop: block('setRecording', { action: 'stop' }, { success: 'wait', error: 'bye' }),
      wait: block('playPrompt', say('Still here.'), { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { sim, id } = run(g);
    expect(sim.snapshot(id)?.timers).toEqual([]);
    sim.advance(30);
    expect(sim.telephony.recordingState(id)).toBe('off');
  });

  it('resume without a pause is an error; stop ends recording', () => {
    const g = flow('r', 'inbound', 'resume', {
      resume: block('setRecording', { action: 'resume' }, { success: 'start', error: 'start' }),
      start: block('setRecording', { action: 'start' }, { success: 'stop', error: 'bye' }),
      stop: block('setRecording', { action: 'stop' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { sim, id, outcome } = run(g);
    expect(outcome('resume')).toBe('error');
    expect(outcome('stop')).toBe('success');
    expect(sim.snapshot(id)?.recording.state).toBe('off');
  });
});

describe('httpRequest', () => {
  const f = (url: string, extra: Record<string, unknown> = {}) =>
    flow(
      'h',
      'inbound',
      'call',
      {
        call: block(
          'httpRequest',
          {
            method: 'GET',
            url,
            timeoutSeconds: 3,
            maxResponseBytes: 1000,
            responseMapping: [{ pointer: '/customer/tier', variable: 'tier' }],
            ...extra,
          },
          { success: 'bye', error: 'bye', timeout: 'bye' },
        ),
        bye: end(),
      },
      { variables: { tier: { type: 'string' } } },
    );
  it('maps values of a 2xx JSON answer into variables, with the number URL-encoded', () => {
    const { sim, id, outcome } = run(f('https://crm.example.com/customers/{{$callerNumber}}'), {
      http: {
        'GET https://crm.example.com/customers/%2B12015550199': {
          status: 200,
          body: { customer: { tier: 'gold' } },
          delaySeconds: 1,
        },
      },
    });
    sim.advance(2);
    expect(outcome('call')).toBe('success');
    expect(sim.snapshot(id)?.variables.tier).toBe('gold');
    expect(sim.snapshot(id)?.system.httpStatus).toBe(200);
  });
  it('takes error for a non-2xx status and for a missing pointer', () => {
    const a = run(f('https://crm.example.com/x'), {
      http: { 'GET https://crm.example.com/x': { status: 500 } },
    });
    a.sim.advance(1);
    expect(a.outcome('call')).toBe('error');
    const b = run(f('https://crm.example.com/x'), {
      http: { 'GET https://crm.example.com/x': { status: 200, body: { other: 1 } } },
    });
    b.sim.advance(1);
    expect(b.outcome('call')).toBe('error');
  });
  it('takes timeout when no answer comes in time', () => {
    const { sim, outcome } = run(f('https://crm.example.com/slow'), {
      http: { 'GET https://crm.example.com/slow': { status: 200, body: {}, delaySeconds: 30 } },
    });
    sim.advance(40);
    expect(outcome('call')).toBe('timeout');
  });
  it('refuses loopback and metadata addresses without sending anything', () => {
    const { sim, id, outcome } = run(f('http://169.254.169.254/latest/meta-data'));
    expect(outcome('call')).toBe('error');
    expect(sim.events.some((e) => e.contactId === id && e.type === 'httpRequest')).toBe(false);
  });
});

describe('invokeModule and return', () => {
  const module = flow(
    'double',
    'module',
    'back',
    { back: block('return', { outputs: { result: { variable: 'n' } } }) },
    {
      module: {
        inputs: { n: { type: 'integer', required: true } },
        outputs: { result: { type: 'integer' } },
      },
    },
  );
  const caller = (inputs: Record<string, unknown>) =>
    flow(
      'main',
      'inbound',
      'call',
      {
        call: block(
          'invokeModule',
          { module: 'double', inputs, outputs: { result: 'answer' } },
          { success: 'bye', error: 'bye' },
        ),
        bye: end(),
      },
      { variables: { answer: { type: 'integer' } } },
    );
  it('passes inputs in its own scope and copies outputs back', () => {
    const { sim, id, outcome } = run(caller({ n: { value: '21' } }), { flows: [module] });
    expect(outcome('call')).toBe('success');
    expect(sim.snapshot(id)?.variables.answer).toBe(21);
    expect(sim.snapshot(id)?.variables.n).toBeUndefined();
  });
  it('takes error when a required input is missing or the module is not published', () => {
    expect(run(caller({}), { flows: [module] }).outcome('call')).toBe('error');
    expect(run(caller({ n: { value: 1 } })).outcome('call')).toBe('error');
  });
  it('takes error when the module ends without Return', () => {
    const broken = flow(
      'double',
      'module',
      'say',
      { say: block('playPrompt', say('Hi.'), {}) },
      { module: { inputs: { n: { type: 'integer' } } } },
    );
    const { sim, outcome } = run(caller({ n: { value: 1 } }), { flows: [broken] });
    sim.advance(5);
    expect(outcome('call')).toBe('error');
  });
});

describe('transferToNumber', () => {
  const f = (settings: Record<string, unknown>) =>
    flow('t', 'inbound', 'go', {
      go: block(
        'transferToNumber',
        { to: { value: '+13125550147' }, timeoutSeconds: 20, resumeAfterDisconnect: false, ...settings },
        { connected: 'bye', busy: 'bye', noAnswer: 'bye', error: 'bye' },
      ),
      bye: end(),
    });
  it('passes the caller number through when no caller ID is set, and says why in the trace', () => {
    const { sim, id } = run(f({}));
    const dial = sim.events.find((e) => e.type === 'dial')?.detail as { callerId: string };
    expect(dial.callerId).toBe('+12015550199');
    const decision = sim.trace(id).find((t) => t.callerId)?.callerId;
    expect(decision?.rule).toBe('caller');
    expect(decision?.reason.length).toBeGreaterThan(0);
    sim.advance(5);
    expect(sim.snapshot(id)?.status).toBe('transferred');
  });
  it.each([
    ['+13125550147:12', '12'],
    ['+1 312 555 0147:12#', '12#'],
  ])('keeps the extension of %s and keys it in once the number answers', (to, digits) => {
    const { sim, id } = run(f({ to: { value: to } }));
    expect(sim.events.find((e) => e.type === 'dial')?.detail).toMatchObject({
      to: '+13125550147',
      sendDigits: digits,
    });
    expect(sim.telephony.digitsSent(id)).toEqual([]);
    sim.advance(5);
    expect(sim.telephony.digitsSent(id)).toEqual([expect.objectContaining({ to: '+13125550147', digits })]);
  });

  it('sends no digits when the number does not answer', () => {
    const { sim, id } = run(f({ to: { value: '+13125550147:12' } }), { numbers: { '+13125550147': 'busy' } });
    sim.advance(5);
    expect(sim.telephony.digitsSent(id)).toEqual([]);
  });

  it('dials an emergency number only when the account lists it exactly', () => {
    const to911 = f({ to: { value: '911' } });
    const refused = run(to911);
    expect(refused.outcome('go')).toBe('error');
    expect(refused.sim.events.some((e) => e.type === 'dial')).toBe(false);
    const listed = resources();
    listed.account.allowedSpecialNumbers = ['911'];
    const { sim } = run(to911, { resources: listed });
    expect(sim.events.find((e) => e.type === 'dial')?.detail).toMatchObject({ to: '911' });
  });
  it('shows a fixed caller ID and takes busy', () => {
    const { sim, outcome } = run(f({ callerId: { strategy: 'fixed', number: 'sales' } }), {
      numbers: { '+13125550147': 'busy' },
    });
    expect(
      (sim.events.find((e) => e.type === 'dial')?.detail as { callerId?: string } | undefined)?.callerId,
    ).toBe('+12125550111');
    sim.advance(2);
    expect(outcome('go')).toBe('busy');
  });
  it('comes back at connected when the called party hangs up, with resumeAfterDisconnect', () => {
    const { sim, outcome } = run(f({ resumeAfterDisconnect: true }), {
      numbers: { '+13125550147': { answer: true, hangUpAfterSeconds: 30 } },
    });
    sim.advance(40);
    expect(outcome('go')).toBe('connected');
  });
  it('refuses a number outside the allowed countries (toll fraud)', () => {
    const { sim, outcome } = run(f({ to: { value: '+882123456789' } }));
    expect(outcome('go')).toBe('error');
    expect(sim.events.some((e) => e.type === 'dial')).toBe(false);
  });
});

describe('setWhisperFlow and setWorkingQueue', () => {
  it('refuses a whisper flow of the wrong type and a queue missing from resources', () => {
    const wrong = flow('w', 'customer-whisper', 'go', { go: block('endFlow') });
    const f = flow('m', 'inbound', 'w', {
      w: block('setWhisperFlow', { kind: 'agent', flow: 'w' }, { success: 'q', error: 'q' }),
      q: block('setWorkingQueue', { queue: 'nope' }, { success: 'bye', error: 'bye' }),
      bye: end(),
    });
    const { outcome } = run(f, { flows: [wrong] });
    expect(outcome('w')).toBe('error');
    expect(outcome('q')).toBe('error');
  });
});

describe('unwired outcomes', () => {
  it('ends the call when an outcome leads nowhere (CF207)', () => {
    const f = flow('u', 'inbound', 'say', {
      say: block('playPrompt', { prompt: { prompt: 'missing' } }, { success: 'say' }),
    });
    const { sim, id } = run(f);
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.trace(id).some((t) => t.note?.includes('outcome "error" is not wired'))).toBe(true);
  });
});
