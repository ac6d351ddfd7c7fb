import { describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../simulator/simulator.js';
import { startContact, step } from '../standard-engine.js';
import { parseSnapshot, serializeSnapshot } from './contact.js';
import { flowSource } from './flow-source.js';
import {
  block,
  callbackQueueFlow,
  flow,
  menuFlow,
  resources,
  resourcesWithWhispers,
  say,
  supportQueueFlow,
  whisperFlows,
} from './test-support/fixtures.js';

/** A long scenario: menu, queue with its looping flow, RONA, whispers, bridge, hang-up; and a callback. */
function scenario(sim: Simulator): string[] {
  const a = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100', contactId: 'a' });
  const b = sim.startCall({ flow: 'main', from: '+12015550188', to: '+12015550100', contactId: 'b' });
  sim.advance(2);
  sim.press(a, '7');
  sim.press(a, '2');
  sim.advance(3);
  sim.press(b, '2');
  sim.advance(75);
  sim.agent('alice').setState('Available');
  sim.agent('alice').ignore();
  sim.advance(10);
  sim.agent('bob').setState('Available');
  sim.advance(16);
  sim.agent('bob').setState('Available');
  sim.agent('bob').accept();
  sim.advance(12);
  sim.agent('bob').editVariable('note', 'VIP', 0);
  sim.advance(40);
  sim.hangUp(a);
  sim.agent('bob').wrapUp();
  sim.advance(5);
  sim.agent('bob').accept();
  sim.advance(30);
  sim.agent('bob').hangUp();
  return [a, b];
}

function simulator(persist: boolean): Simulator {
  const main = menuFlow();
  main.variables = { note: { type: 'string', agentViewable: true, agentEditable: true, label: 'Note' } };
  return createSimulator({
    flows: [main, supportQueueFlow(), ...whisperFlows()],
    resources: resourcesWithWhispers(),
    persist,
  });
}

describe('persistence', () => {
  it('restoring from JSON after every step (timers re-armed from the snapshot) gives the same trace', () => {
    const live = simulator(false);
    const stored = simulator(true);
    const ids = scenario(live);
    scenario(stored);
    for (const id of ids) {
      expect(live.trace(id).length).toBeGreaterThan(20);
      expect(stored.trace(id)).toEqual(live.trace(id));
      expect(stored.snapshot(id)).toEqual(live.snapshot(id));
    }
    expect(live.snapshot('a')?.status).toBe('ended');
    expect(live.snapshot('a')?.variables.note).toBe('VIP');
  });

  it('keeps a courtesy-callback scenario identical too', () => {
    const run = (persist: boolean) => {
      const sim = createSimulator({
        flows: [menuFlow(), callbackQueueFlow()],
        resources: resources(),
        persist,
        numbers: { '+12015550199': 'noAnswer' },
      });
      const c = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100', contactId: 'c' });
      sim.advance(2);
      sim.press(c, '2');
      sim.press(c, '1');
      sim.press(c, '1');
      sim.advance(5);
      sim.agent('alice').setState('Available');
      sim.agent('alice').accept();
      sim.advance(100);
      sim.agent('alice').wrapUp();
      sim.advance(10);
      sim.agent('alice').accept();
      sim.advance(100);
      return sim;
    };
    const live = run(false);
    const stored = run(true);
    const callback = live.contacts().find((id) => id.includes('callback')) as string;
    expect(live.snapshot(callback)?.status).toBe('ended');
    expect(stored.trace(callback)).toEqual(live.trace(callback));
  });

  it('a snapshot is plain JSON: serialize and parse round-trip; other text is refused with a code', () => {
    const env = { flows: flowSource([menuFlow()]), resources: resources(), now: () => 0 };
    const { snapshot } = startContact(env, { contactId: 'x', flowId: 'main', dialedNumber: '+1' });
    expect(parseSnapshot(serializeSnapshot(snapshot))).toEqual(snapshot);
    expect(() => parseSnapshot('{"hello":1}')).toThrow(/RT110/);
  });
});

describe('versions and timers', () => {
  it('a contact finishes on the version it began with, though a new one is published', () => {
    const v1 = flow('pinned', 'inbound', 'say', {
      say: block('playPrompt', say('Version one.'), { success: 'bye' }),
      bye: block('disconnect'),
    });
    const v2 = flow('pinned', 'inbound', 'say', {
      say: block('playPrompt', say('Version two.'), { success: 'next' }),
      next: block('playPrompt', say('New block.'), { success: 'bye' }),
      bye: block('disconnect'),
    });
    let now = 0;
    const first = { flows: flowSource([{ flow: v1, version: 1 }]), resources: resources(), now: () => now };
    const started = startContact(first, { contactId: 'p', flowId: 'pinned', dialedNumber: '+1' });
    const later = {
      ...first,
      flows: flowSource([
        { flow: v1, version: 1 },
        { flow: v2, version: 2 },
      ]),
    };
    now = 5000;
    const ref = (started.commands[0] as { ref: string }).ref;
    const done = step(later, started.snapshot, { type: 'promptDone', ref });
    expect(done.snapshot.version).toBe(1);
    expect(done.snapshot.status).toBe('ended');
    expect(
      startContact(later, { contactId: 'q', flowId: 'pinned', dialedNumber: '+1' }).commands[0],
    ).toMatchObject({ prompt: { text: 'Version two.' } });
  });

  it('ignores a timer fired before its deadline and a timer that no longer runs', () => {
    let now = 0;
    const env = { flows: flowSource([menuFlow()]), resources: resources(), now: () => now };
    const started = startContact(env, { contactId: 't', flowId: 'main', dialedNumber: '+1' });
    const ref = (started.commands[0] as { ref: string }).ref;
    now = 2000;
    const menu = step(env, started.snapshot, { type: 'promptDone', ref });
    const menuRef = (menu.commands.find((c) => c.type === 'play') as { ref: string }).ref;
    now = 6000;
    const timed = step(env, menu.snapshot, { type: 'promptDone', ref: menuRef });
    const timer = timed.snapshot.timers[0];
    expect(timer).toMatchObject({ event: 'menuNoInput', at: 11000 });
    const early = step(env, timed.snapshot, { type: 'timer', timerId: timer?.id as string });
    expect(early.trace.at(-1)?.ignored).toMatch(/before its deadline/);
    now = 11000;
    const fired = step(env, early.snapshot, { type: 'timer', timerId: timer?.id as string });
    expect(fired.trace.some((t) => t.note === 'no key pressed; asking again')).toBe(true);
    const again = step(env, fired.snapshot, { type: 'timer', timerId: timer?.id as string });
    expect(again.trace.at(-1)?.ignored).toMatch(/not running/);
  });

  it('ends a flow that runs 1,000 steps (RT100) instead of hanging', () => {
    const blocks: Record<string, ReturnType<typeof block>> = {};
    // A ring of 3 blocks never repeats one block in a row, so only the step limit can stop it.
    blocks.a = block('loopCounter', { count: 100 }, { looping: 'b', complete: 'b' });
    blocks.b = block(
      'setVariables',
      { assignments: [{ variable: 'x', value: { value: 1 } }] },
      { success: 'c', error: 'c' },
    );
    blocks.c = block(
      'checkVariable',
      { rules: [{ outcome: 'yes', when: { variable: 'x', operator: 'equals', value: { value: 1 } } }] },
      { yes: 'a', noMatch: 'a' },
    );
    const f = flow('ring', 'inbound', 'a', blocks, { variables: { x: { type: 'integer' } } });
    const sim = createSimulator({ flows: [f], resources: resources() });
    const id = sim.startCall({ flow: 'ring', to: '+1' });
    expect(sim.snapshot(id)?.status).toBe('ended');
    expect(sim.trace(id).some((t) => t.error?.code === 'RT100')).toBe(true);
  });
});

describe('failures stay with their contact', () => {
  it("one contact's adapter failure takes its error outcome; another contact carries on", () => {
    const f = flow('f', 'inbound', 'say', {
      say: block('playPrompt', say('Hello.'), { success: 'ok', error: 'sorry' }),
      ok: block('playPrompt', say('All good.'), { success: 'bye', error: 'bye' }),
      sorry: block('playPrompt', say('Sorry.'), { success: 'bye', error: 'bye' }),
      bye: block('disconnect'),
    });
    const sim = createSimulator({
      flows: [f],
      resources: resources(),
      failCommand: (contactId, command) =>
        contactId === 'broken' && command.type === 'play' && command.prompt.text === 'Hello.'
          ? 'media server down'
          : undefined,
    });
    sim.startCall({ flow: 'f', to: '+1', contactId: 'broken' });
    sim.startCall({ flow: 'f', to: '+1', contactId: 'healthy' });
    sim.advance(10);
    expect(sim.trace('broken').find((t) => t.block === 'say' && t.outcome)?.outcome).toBe('error');
    expect(sim.heard('broken')).toContain('Sorry.');
    expect(sim.heard('healthy')).toEqual(['Hello.', 'All good.']);
    expect(sim.snapshot('healthy')?.status).toBe('ended');
  });

  it('an event for an unknown contact is logged and ignored', () => {
    const sim = createSimulator({ flows: [], resources: resources() });
    sim.send('ghost', { type: 'digits', digits: '1' });
    expect(sim.events.at(-1)).toMatchObject({
      contactId: 'ghost',
      direction: 'ignored',
      detail: { reason: 'unknown contact' },
    });
  });
});
