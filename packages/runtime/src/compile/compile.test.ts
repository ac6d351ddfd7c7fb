import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { block, flow, menuFlow, resources, say } from '../engine/test-support/fixtures.js';
import { createSimulator } from '../simulator/simulator.js';
import { sampleFlows } from '../testing/test-support/hand-call.js';
import { compile, outcomeEvent } from './compile.js';

/** Where the XState machine itself goes from `block` on `outcome` (what `next` answers from the map). */
function machineNext(f: Flow, block: string, outcome: string): string {
  const { machine } = compile(f);
  const [after] = transition(machine, machine.resolveState({ value: block, context: {} }), {
    type: outcomeEvent(outcome),
  });
  return String(after.value);
}

describe('compile', () => {
  it('makes one state per block and one transition per wired outcome', () => {
    const compiled = compile(menuFlow(), undefined, 7);
    const states = Object.keys(compiled.machine.config.states ?? {}).sort();
    expect(states).toEqual(Object.keys(menuFlow().blocks).sort());
    expect(compiled.start).toBe('welcome');
    expect(compiled.next('choose', '2')).toBe('queue');
    expect(compiled.next('choose', 'timeout')).toBe('bye');
    expect(compiled.next('welcome', 'nope')).toBeUndefined();
    expect(compiled.machine.config.states?.bye?.type).toBe('final');
  });

  it('does not let the * and # keys act as XState wildcards', () => {
    expect(outcomeEvent('*')).toBe('outcome:star');
    expect(outcomeEvent('#')).toBe('outcome:hash');
    const f = flow('keys', 'inbound', 'menu', {
      menu: block(
        'menu',
        {
          prompt: { text: 'Star or hash.' },
          options: [{ digit: '*' }, { digit: '#' }],
          timeoutSeconds: 5,
          retries: 0,
        },
        { '*': 'star', '#': 'hash', timeout: 'bye', noMatch: 'bye', error: 'bye' },
      ),
      star: block('playPrompt', say('Star.'), { success: 'bye' }),
      hash: block('playPrompt', say('Hash.'), { success: 'bye' }),
      bye: block('disconnect'),
    });
    const compiled = compile(f);
    expect(compiled.next('menu', '*')).toBe('star');
    expect(machineNext(f, 'menu', '*')).toBe('star');
    expect(machineNext(f, 'menu', '#')).toBe('hash');
    expect(compiled.next('menu', '#')).toBe('hash');
    expect(compiled.next('menu', 'timeout')).toBe('bye');
    const sim = createSimulator({ flows: [f], resources: resources() });
    const id = sim.startCall({ flow: 'keys', to: '+1' });
    sim.press(id, '#');
    expect(sim.heard(id).at(-1)).toBe('Hash.');
  });

  it('answers where an outcome leads exactly as the machine does, for every wired outcome of the sample flows', () => {
    let checked = 0;
    for (const f of sampleFlows) {
      const compiled = compile(f);
      for (const [block, wired] of Object.entries(compiled.wiring)) {
        for (const outcome of Object.keys(wired)) {
          expect(machineNext(f, block, outcome), `${f.id} ${block} ${outcome}`).toBe(
            compiled.next(block, outcome),
          );
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('caches per flow id and version, and compiles an edited draft again', () => {
    const f = menuFlow();
    expect(compile(f, undefined, 3)).toBe(compile(f, undefined, 3));
    expect(compile(f, undefined, 4)).not.toBe(compile(f, undefined, 3));
    const edited = { ...f, blocks: { ...f.blocks, hours: block('disconnect') } };
    const again = compile(edited, undefined, 3);
    expect(again.flow).toBe(edited);
    expect(again.machine.config.states?.hours?.type).toBe('final');
  });

  it('ignores a transition to a block that does not exist', () => {
    const f = flow('broken', 'inbound', 'a', { a: block('playPrompt', say('Hi.'), { success: 'ghost' }) });
    expect(compile(f).next('a', 'success')).toBeUndefined();
  });

  it('ignores notes: a note-only change compiles to the same machine and wiring', () => {
    for (const f of sampleFlows) {
      const [first] = Object.keys(f.blocks);
      const noted: Flow = {
        ...f,
        notes: {
          free: { text: 'Reviewed with the team lead.', x: 0, y: 0 },
          attached: { text: 'Check the hours first.', color: 'blue', block: first!, x: 0, y: -120 },
        },
      };
      const plain = compile(f, undefined, 901);
      const withNotes = compile(noted, undefined, 902);
      expect(withNotes.wiring, f.id).toEqual(plain.wiring);
      expect(withNotes.start, f.id).toBe(plain.start);
      expect(withNotes.machine.config.states, f.id).toEqual(plain.machine.config.states);
    }
  });
});
