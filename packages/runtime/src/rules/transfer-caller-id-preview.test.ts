import type { CallerIdSetting, Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { block, flow, resources } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { type PreviewAnswer, transferCallerIdPreview } from './transfer-caller-id-preview.js';

const CALLER = '+12025550199';
/** Monday 11:00 and Sunday 11:00 in New York: in and out of the business hours. */
const OPEN = '2026-03-09T15:00:00Z';
const CLOSED = '2026-03-08T15:00:00Z';

/** In hours: working queue support, then the transfer; out of hours: straight to the same transfer. */
function hoursFlow(callerId?: CallerIdSetting): Flow {
  return flow('main', 'inbound', 'hours', {
    hours: block(
      'checkHours',
      { hours: 'business' },
      { inHours: 'set-support', outOfHours: 'transfer', error: 'bye' },
    ),
    'set-support': block('setWorkingQueue', { queue: 'support' }, { success: 'transfer', error: 'bye' }),
    transfer: block(
      'transferToNumber',
      {
        to: { value: '+13125550147' },
        timeoutSeconds: 20,
        resumeAfterDisconnect: false,
        ...(callerId ? { callerId } : {}),
      },
      { busy: 'bye', noAnswer: 'bye', error: 'bye' },
    ),
    bye: block('disconnect'),
  });
}

/** What a simulated call at `at` really presents, and the rule that chose it. */
function simulated(f: Flow, at: string, from: string | undefined = CALLER) {
  const sim = createSimulator({ resources: resources(), flows: [f], now: at });
  const id = sim.startCall({ flow: f.id, ...(from ? { from } : {}), to: '+12015550100' });
  const dial = sim.events.find((e) => e.type === 'dial')?.detail as { callerId?: string };
  const visited = sim
    .trace(id)
    .flatMap((t) => (t.block !== undefined && t.event === undefined ? [t.block] : []));
  return { number: dial.callerId, rule: sim.trace(id).find((t) => t.callerId)?.callerId?.rule, visited };
}

const preview = (f: Flow) =>
  transferCallerIdPreview(f, 'transfer', resources(), { callerNumber: CALLER, dialedNumber: '+13125550000' });
const answerOn = (answers: PreviewAnswer[], path: string[]) =>
  answers.find((a) => a.situations.some((s) => s.path.join() === path.join()));

describe('transferCallerIdPreview agrees with the runtime on every path into the block', () => {
  it.each<[string, CallerIdSetting | undefined]>([
    ['queue', { strategy: 'queue' }],
    ['agent group', { strategy: 'agentGroup' }],
    ['agent choice', { strategy: 'agentChoice' }],
    ['same area code, principal fallback', { strategy: 'sameAreaCode', fallback: 'principal' }],
    ['fixed', { strategy: 'fixed', number: 'sales' }],
    ['none set (caller passed through)', undefined],
  ])('strategy %s', (_name, callerId) => {
    const f = hoursFlow(callerId);
    const answers = preview(f);
    for (const at of [OPEN, CLOSED]) {
      const call = simulated(f, at);
      const path = call.visited.slice(0, call.visited.indexOf('transfer') + 1);
      const answer = answerOn(answers, path);
      expect(answer, `no preview for the path ${path.join(' → ')}`).toBeDefined();
      expect({ number: answer?.decision.number, rule: answer?.decision.rule }).toEqual({
        number: call.number,
        rule: call.rule,
      });
    }
  });

  it('shows the principal number on the after-hours path with no working queue, the queue number in hours', () => {
    const answers = preview(hoursFlow({ strategy: 'queue' }));
    expect(answers.map((a) => [a.decision.number, a.decision.rule, a.situations.map((s) => s.when)])).toEqual(
      [
        ['+12015550100', 'principal', ['no working queue is set']],
        ['+13105550122', 'queue', ['working queue "support"']],
      ],
    );
    expect(answers[0]?.situations[0]?.path).toEqual(['hours', 'transfer']);
    expect(simulated(hoursFlow({ strategy: 'queue' }), CLOSED).number).toBe('+12015550100');
  });

  it('gives one answer when every path leads to the same decision', () => {
    const answers = preview(hoursFlow({ strategy: 'fixed', number: 'sales' }));
    expect(answers).toHaveLength(1);
    expect(answers[0]?.situations.map((s) => s.when)).toEqual([
      'no working queue is set',
      'working queue "support"',
    ]);
  });

  it('never assumes an agent: a flow transfer has none, whatever agents the resources list', () => {
    const [answer, ...rest] = preview(hoursFlow({ strategy: 'agentChoice' }));
    expect(rest).toEqual([]);
    expect(answer?.decision.rule).toBe('principal');
    expect(answer?.decision.rejected).toContainEqual({
      candidate: 'agent choice',
      why: 'no agent on this call',
    });
  });

  it('in a customer-queue flow, answers for each queue that plays it', () => {
    const queueFlow = flow('support-queue', 'customer-queue', 'transfer', {
      transfer: block(
        'transferToNumber',
        {
          to: { value: '+13125550147' },
          timeoutSeconds: 20,
          resumeAfterDisconnect: false,
          callerId: { strategy: 'queue' },
        },
        { busy: 'bye', noAnswer: 'bye', error: 'bye' },
      ),
      bye: block('disconnect'),
    });
    const answers = transferCallerIdPreview(queueFlow, 'transfer', resources(), {
      callerNumber: CALLER,
      dialedNumber: '+13125550000',
    });
    expect(answers.map((a) => [a.decision.number, a.situations.map((s) => s.when)])).toEqual([
      ['+13105550122', ['the caller waits in queue "support"']],
    ]);
  });

  it('has nothing to say about a block no path reaches', () => {
    const f = hoursFlow({ strategy: 'queue' });
    f.blocks.hours!.next = { inHours: 'bye', outOfHours: 'bye', error: 'bye' };
    expect(preview(f)).toEqual([]);
  });
});
