import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.js';
import { startContact, step } from '../standard-engine.js';
import type { ContactSnapshot } from '../types.js';
import { parseSnapshot, serializeSnapshot } from './contact.js';
import { flowSource } from './flow-source.js';
import { menuFlow, resources, supportQueueFlow } from './test-support/fixtures.js';

function env() {
  let now = Date.parse('2026-01-05T15:00:00Z');
  return {
    flows: flowSource([menuFlow(), supportQueueFlow()]),
    resources: resources(),
    now: () => (now += 1000),
  };
}

/** Snapshots of contacts in many states: running, waiting for keys, queued with its own flow, ended. */
function snapshotsOfAScenario(): ContactSnapshot[] {
  const sim = createSimulator({
    flows: [menuFlow(), supportQueueFlow()],
    resources: resources(),
    log: false,
  });
  const seen: ContactSnapshot[] = [];
  const keep = () => {
    for (const id of sim.contacts()) seen.push(structuredClone(sim.snapshot(id) as ContactSnapshot));
  };
  const a = sim.startCall({ flow: 'main', from: '+12015550199', to: '+12015550100' });
  const b = sim.startCall({ flow: 'main', from: '+12015550188', to: '+12015550100' });
  keep();
  sim.advance(3);
  keep();
  sim.press(a, '2');
  sim.press(b, '1');
  keep();
  sim.advance(45);
  keep();
  sim.hangUp(a);
  keep();
  return seen;
}

describe('stored snapshot form', () => {
  it('is format 2, much shorter than the plain JSON, and reads back to the same snapshot in every state', () => {
    const snapshots = snapshotsOfAScenario();
    expect(new Set(snapshots.map((s) => s.status))).toEqual(new Set(['running', 'queued', 'ended']));
    let stored = 0;
    let plain = 0;
    for (const s of snapshots) {
      const text = serializeSnapshot(s);
      expect(JSON.parse(text)[0]).toBe(2);
      expect(parseSnapshot(text)).toEqual(s);
      stored += text.length;
      plain += JSON.stringify(s).length;
    }
    expect(stored).toBeLessThan(plain * 0.6);
  });

  it('keeps fields a blank contact does not have, and frames on another flow version', () => {
    const { snapshot } = startContact(env(), { contactId: 'x', flowId: 'main', dialedNumber: '+1' });
    const s: ContactSnapshot = {
      ...snapshot,
      version: 3,
      stack: [
        { kind: 'main', flowId: 'main', version: 0, block: 'choose', steps: 2, vars: { pin: 'masked' } },
        { kind: 'customerQueue', flowId: 'support-queue', version: 3, block: 'hold', steps: 1 },
      ],
      variables: { visits: 2 },
      recording: { state: 'on', who: 'both' },
      inConsult: true,
      seen: ['e1'],
      sameBlock: { key: 'main/choose', count: 2 },
      secureCopies: ['copy'],
    };
    expect(parseSnapshot(serializeSnapshot(s))).toEqual(s);
  });

  it('keeps every field of a snapshot that is not at its blank value (the compiler lists them all)', () => {
    const { snapshot } = startContact(env(), { contactId: 'x', flowId: 'main', dialedNumber: '+1' });
    // Required<>: a field added to the snapshot later must be given here too, and so is checked.
    // The codec does not look inside these values; only that each one is written and read back.
    const s: Required<ContactSnapshot> = {
      ...snapshot,
      endReason: 'caller hung up',
      callerNumber: '+12015550199',
      versions: { 'support-queue': 2 },
      variableVersions: { visits: 1 },
      system: { lastDigits: '2' },
      loops: { 'main/loop': 1 },
      queue: { name: 'support', since: 5 } as never,
      whisper: { agent: 'w' } as never,
      queueFlow: 'support-queue' as never,
      routing: { priority: 2 } as never,
      outboundCallerId: '+12015550100' as never,
      recording: { state: 'on', who: 'customer' },
      inConsult: true,
      callbackPrompt: { ref: 'p' } as never,
      callback: { number: '+12015550177' } as never,
      transfer: { to: 'queue' } as never,
      consultLeg: { leg: 'l' } as never,
      seen: ['e1'],
      keysFor: 'x:3',
      sameBlock: { key: 'main/choose', count: 1 },
      trace: [{ seq: 1, at: 5 }],
      secrets: ['1234'],
      secureCopies: ['copy'],
      variables: { visits: 2 },
    };
    const read = parseSnapshot(serializeSnapshot(s));
    expect(read).toEqual(s);
    expect(Object.keys(read).sort()).toEqual(Object.keys(s).sort());
  });

  it('restores a contact saved in the plain-object form written before, and the call goes on the same', () => {
    const e = env();
    const first = startContact(e, { contactId: 'old', flowId: 'main', dialedNumber: '+12015550100' });
    // Exactly what serializeSnapshot wrote before format 2: the snapshot object as JSON.
    const oldText = JSON.stringify(first.snapshot);
    expect(JSON.parse(oldText).format).toBe(1);
    const restored = parseSnapshot(oldText);
    expect(restored).toEqual(first.snapshot);
    const fromOld = step(e, restored, { type: 'promptDone', ref: 'old:1' });
    const fromNew = step(e, parseSnapshot(serializeSnapshot(first.snapshot)), {
      type: 'promptDone',
      ref: 'old:1',
    });
    expect(fromOld.snapshot.stack[0]?.block).toBe('choose');
    expect(fromOld.commands).toEqual(fromNew.commands);
    expect(fromOld.snapshot).toEqual({ ...fromNew.snapshot, traceCount: fromOld.snapshot.traceCount });
    // Saved again, it is in the new form.
    expect(JSON.parse(serializeSnapshot(fromOld.snapshot))[0]).toBe(2);
  });

  it('refuses text that is no snapshot, with a code', () => {
    expect(() => parseSnapshot('{"hello":1}')).toThrow(/RT110/);
    expect(() => parseSnapshot('[3,"x"]')).toThrow(/RT110/);
    expect(() => parseSnapshot('[2,7]')).toThrow(/RT110/);
  });
});
