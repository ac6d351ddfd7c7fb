import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.js';
import { startContact, step } from '../standard-engine.js';
import type { StepResult } from '../types.js';
import { parseSnapshot, serializeSnapshot } from './contact.js';
import { flowSource } from './flow-source.js';
import { block, flow, menuFlow, resources, say, supportQueueFlow } from './test-support/fixtures.js';

const env = (flows = [menuFlow(), supportQueueFlow()]) => ({
  flows: flowSource(flows),
  resources: resources(),
  now: () => Date.parse('2026-01-05T15:00:00Z'),
});

describe('contact engine', () => {
  it('starts a contact and waits for the first prompt to finish', () => {
    const { snapshot, commands } = startContact(env(), {
      contactId: 'c1',
      flowId: 'main',
      dialedNumber: '+12015550100',
    });
    expect(commands).toEqual([
      expect.objectContaining({
        type: 'play',
        to: 'caller',
        prompt: expect.objectContaining({ text: 'Welcome to Example.' }),
      }),
    ]);
    expect(snapshot.stack[0]).toMatchObject({ block: 'welcome', kind: 'main' });
    expect(snapshot.version).toBe(1);
  });

  it('is pure: the snapshot given to step is not changed', () => {
    const e = env();
    const first = startContact(e, { contactId: 'c1', flowId: 'main', dialedNumber: '+12015550100' });
    const before = JSON.stringify(first.snapshot);
    const ref = (first.commands[0] as { ref: string }).ref;
    step(e, first.snapshot, { type: 'promptDone', ref });
    expect(JSON.stringify(first.snapshot)).toBe(before);
  });

  it('ignores an event the current block does not expect, with the reason in the trace', () => {
    const e = env();
    const first = startContact(e, { contactId: 'c1', flowId: 'main', dialedNumber: '+12015550100' });
    const next = step(e, first.snapshot, { type: 'promptDone', ref: 'someone-else' });
    expect(next.commands).toEqual([]);
    expect(next.trace.at(-1)?.ignored).toMatch(/not waiting for promptDone/);
    expect(next.snapshot.stack[0]?.block).toBe('welcome');
  });

  it('ignores a duplicate event id', () => {
    const e = env();
    const first = startContact(e, { contactId: 'c1', flowId: 'main', dialedNumber: '+12015550100' });
    const ref = (first.commands[0] as { ref: string }).ref;
    const once = step(e, first.snapshot, { type: 'promptDone', ref, id: 'evt-1' });
    const twice = step(e, once.snapshot, { type: 'promptDone', ref, id: 'evt-1' });
    expect(twice.trace.at(-1)?.ignored).toBe('duplicate event evt-1');
    expect(twice.commands).toEqual([]);
  });

  it('takes keys only for the question asked now: keys naming an earlier one are stale, even after a restart', () => {
    const e = env();
    const first = startContact(e, { contactId: 'c1', flowId: 'main', dialedNumber: '+12015550100' });
    const welcome = (first.commands[0] as { ref: string }).ref;
    const asked = step(e, first.snapshot, { type: 'promptDone', ref: welcome });
    const collectRef = (r: StepResult) => {
      const asking = r.commands.find((c) => c.type === 'collectDigits');
      return asking && 'ref' in asking ? asking.ref : '';
    };
    const firstQuestion = collectRef(asked);
    expect(asked.snapshot.keysFor).toBe(firstQuestion);
    // A wrong key: the menu asks again, with a new question.
    const again = step(e, asked.snapshot, { type: 'digits', digits: '9', ref: firstQuestion });
    const secondQuestion = collectRef(again);
    expect(secondQuestion).not.toBe(firstQuestion);
    // The stored snapshot, read back as after a restart.
    const restored = parseSnapshot(serializeSnapshot(again.snapshot));
    const replayed = step(e, restored, { type: 'digits', digits: '1', ref: firstQuestion });
    expect(replayed.trace.at(-1)?.ignored).toBe(
      `keys for an earlier question (${firstQuestion}), not the one asked now`,
    );
    expect(replayed.commands).toEqual([]);
    expect(replayed.snapshot.stack[0]?.block).toBe('choose');
    const answered = step(e, replayed.snapshot, { type: 'digits', digits: '1', ref: secondQuestion });
    expect(answered.snapshot.stack[0]?.block).toBe('hours');
    // Keys without a ref (an adapter that cannot tell, the simulator) are taken as before.
    const plain = step(e, again.snapshot, { type: 'digits', digits: '2' });
    expect(plain.snapshot.stack[0]?.block).not.toBe('choose');
  });

  it('streams every trace entry in the step result and keeps the tail the host asks for', () => {
    const e = { ...env(), traceTail: 2 };
    const first = startContact(e, { contactId: 'c1', flowId: 'main', dialedNumber: '+12015550100' });
    const ref = (first.commands[0] as { ref: string }).ref;
    const next = step(e, first.snapshot, { type: 'promptDone', ref });
    expect(next.trace.map((t) => t.block)).toEqual(['welcome', 'choose']);
    expect(next.snapshot.trace).toEqual(next.trace);
    expect(next.snapshot.traceCount).toBe(first.trace.length + next.trace.length);
    const lean = step(env(), first.snapshot, { type: 'promptDone', ref });
    expect(lean.snapshot.trace).toEqual([]);
  });

  it('ends with an error for a flow that is not published, without throwing', () => {
    const { snapshot, commands, trace } = startContact(env(), {
      contactId: 'c1',
      flowId: 'nope',
      dialedNumber: '+1',
    });
    expect(snapshot.status).toBe('ended');
    expect(trace.some((t) => t.error?.code === 'RT102')).toBe(true);
    expect(commands.at(-1)).toMatchObject({ type: 'hangup' });
  });
});

describe('simulator: menu slice', () => {
  it('plays the welcome, takes key 1 and hangs up after the hours prompt', () => {
    const sim = createSimulator({ flows: [menuFlow(), supportQueueFlow()], resources: resources() });
    const id = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
    sim.advance(2);
    sim.press(id, '1');
    sim.advance(10);
    expect(sim.heard(id)).toEqual([
      'Welcome to Example.',
      'For opening hours press 1. For support press 2.',
      'We are open nine to five.',
    ]);
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(
      sim
        .trace(id)
        .map((t) => t.block)
        .filter(Boolean),
    ).toEqual(['welcome', 'welcome', 'choose', 'choose', 'hours', 'hours', 'bye']);
  });

  it('repeats the menu after a wrong key, then takes noMatch', () => {
    const sim = createSimulator({ flows: [menuFlow()], resources: resources() });
    const id = sim.startCall({ flow: 'main', to: '+12015550100' });
    sim.advance(10);
    sim.press(id, '9');
    sim.press(id, '9');
    expect(sim.trace(id).some((t) => t.block === 'choose' && t.outcome === 'noMatch')).toBe(true);
    expect(sim.snapshot(id)?.status).toBe('ended');
  });

  it('times out when no key is pressed', () => {
    const sim = createSimulator({ flows: [menuFlow()], resources: resources() });
    const id = sim.startCall({ flow: 'main', to: '+12015550100' });
    sim.advance(60);
    const outcomes = sim
      .trace(id)
      .filter((t) => t.block === 'choose')
      .map((t) => t.outcome ?? t.note);
    expect(outcomes).toContain('timeout');
    expect(sim.heard(id).filter((t) => t.startsWith('For opening'))).toHaveLength(2);
  });

  it('stops at the loop limit instead of hanging', () => {
    const looping = flow('loop', 'inbound', 'again', {
      again: block(
        'checkVariable',
        {
          rules: [
            { outcome: 'yes', when: { variable: '$channel', operator: 'equals', value: { value: 'voice' } } },
          ],
        },
        { yes: 'again', noMatch: 'again' },
      ),
    });
    const sim = createSimulator({ flows: [looping], resources: resources() });
    const id = sim.startCall({ flow: 'loop', to: '+1' });
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.trace(id).some((t) => t.error?.code === 'RT101')).toBe(true);
  });

  it('says the prompt text with placeholders filled', () => {
    const f = flow('hi', 'inbound', 'hello', {
      hello: block('playPrompt', say('You called {{$dialedNumber}}.'), { success: 'bye' }),
      bye: block('disconnect'),
    });
    const sim = createSimulator({ flows: [f], resources: resources() });
    const id = sim.startCall({ flow: 'hi', to: '+12015550100' });
    expect(sim.heard(id)).toEqual(['You called +12015550100.']);
  });
});
