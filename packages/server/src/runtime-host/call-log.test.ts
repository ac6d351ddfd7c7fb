import type { Flow } from '@callflow/model';
import type { Command, ContactSnapshot } from '@callflow/runtime';
import { describe, expect, it } from 'vitest';
import { SECRET_PIN } from '../test-support/flows.js';
import { CallLog, type CallLogLimits } from './call-log.js';

const FLOW = {
  id: 'pin-flow',
  variables: { pin: { type: 'string', secure: true }, note: { type: 'string' } },
  blocks: {},
} as unknown as Flow;

function logWith(limits: Partial<CallLogLimits>) {
  const clock = { now: 0 };
  const log = new CallLog({
    now: () => clock.now,
    flow: (id, version) => (id === FLOW.id && version === 1 ? FLOW : undefined),
    limits,
  });
  return { log, clock };
}

function snapshot(contactId: string, p: Partial<ContactSnapshot> = {}): ContactSnapshot {
  return {
    contactId,
    flowId: FLOW.id,
    version: 1,
    versions: {},
    status: 'active',
    variables: {},
    stack: [{ kind: 'root', flowId: FLOW.id, version: 1, block: 'start' }],
    ...p,
  } as unknown as ContactSnapshot;
}

const say = (text: string): Command =>
  ({ type: 'play', ref: 'r', to: 'caller', prompt: { text } }) as unknown as Command;

const seqs = (log: CallLog, id: string) => log.read(id).entries.map((e) => e.seq);

describe('CallLog', () => {
  it('keeps the newest entries of a contact and says that older ones were dropped', () => {
    const { log } = logWith({ entriesPerContact: 3 });
    for (let i = 1; i <= 5; i++) log.command('c1', say(`line ${i}`));
    expect(log.read('c1')).toMatchObject({ truncated: true });
    expect(seqs(log, 'c1')).toEqual([3, 4, 5]);
    expect(log.read('c1', 4).entries.map((e) => e.seq)).toEqual([5]);
    log.command('c2', say('short call'));
    expect(log.read('c2')).toMatchObject({ truncated: false });
  });

  it('replaces a detail over the size limit by its type', () => {
    const { log } = logWith({ detailBytes: 200 });
    log.command('c1', say('x'.repeat(300)));
    log.command('c1', say('fits'));
    expect(log.read('c1').entries.map((e) => e.detail)).toEqual([
      { type: 'play', truncated: true },
      { type: 'play', ref: 'r', to: 'caller', prompt: { text: 'fits' } },
    ]);
  });

  it('forgets a log a while after its contact ended, and answers an empty one then', () => {
    const { log, clock } = logWith({ keepAfterEndMs: 1000 });
    log.command('c1', say('hello'));
    log.stepSaved(snapshot('c1', { status: 'ended' }));
    clock.now = 999;
    expect(seqs(log, 'c1')).toEqual([1]);
    clock.now = 1000;
    expect(log.read('c1')).toEqual({ logId: null, entries: [], truncated: false });
  });

  it('beyond the contact limit, drops the oldest ended log first, then the oldest', () => {
    const { log, clock } = logWith({ contacts: 2 });
    log.command('running', say('a'));
    log.command('ended', say('b'));
    log.stepSaved(snapshot('ended', { status: 'ended' }));
    clock.now = 5;
    log.command('new', say('c'));
    expect(log.size).toBe(2);
    expect(seqs(log, 'running')).toEqual([1]);
    expect(seqs(log, 'ended')).toEqual([]);
    log.command('newer', say('d'));
    expect(seqs(log, 'running')).toEqual([]);
    expect(seqs(log, 'new')).toEqual([1]);
    expect(seqs(log, 'newer')).toEqual([1]);
  });

  it('bounds the entries over all contacts: whole logs go, oldest ended first, the log being written stays', () => {
    const { log } = logWith({ totalEntries: 4 });
    for (const text of ['a1', 'a2']) log.command('a', say(text));
    for (const text of ['b1', 'b2']) log.command('b', say(text));
    log.stepSaved(snapshot('b', { status: 'ended' }));
    log.command('c', say('c1'));
    // Five entries: the ended contact's log goes first, although another is older.
    expect(seqs(log, 'b')).toEqual([]);
    expect(seqs(log, 'a')).toEqual([1, 2]);
    for (const text of ['c2', 'c3', 'c4']) log.command('c', say(text));
    expect(seqs(log, 'a')).toEqual([]);
    expect(seqs(log, 'c')).toEqual([1, 2, 3, 4]);
    log.command('c', say('c5'));
    expect(log.size).toBe(1);
    expect(seqs(log, 'c')).toEqual([1, 2, 3, 4, 5]);
  });

  it('bounds the bytes of details over all contacts: whole logs go, oldest ended first; what is kept reads whole', () => {
    const line = (n: number) => say(`${n}`.padStart(60, '.'));
    const size = JSON.stringify(line(1)).length;
    const { log, clock } = logWith({ totalBytes: size * 5 });
    for (let n = 1; n <= 2; n++) log.command('a', line(n));
    for (let n = 1; n <= 2; n++) log.command('b', line(n));
    log.stepSaved(snapshot('b', { status: 'ended' }));
    clock.now = 10;
    for (let n = 1; n <= 2; n++) log.command('c', line(n));
    // Six details: the ended contact's log goes first, although another is older.
    expect(seqs(log, 'b')).toEqual([]);
    expect(log.bytes).toBe(size * 4);
    for (let n = 3; n <= 200; n++) {
      log.command('c', line(n));
      expect(log.bytes).toBeLessThanOrEqual(size * 5);
    }
    expect(seqs(log, 'a')).toEqual([]);
    // The log being written stays whole up to its own limit, and reads as it was written.
    const kept = logWith({ totalBytes: size * 5, entriesPerContact: 3 }).log;
    for (let n = 1; n <= 200; n++) kept.command('c', line(n));
    expect(kept.read('c')).toMatchObject({ truncated: true });
    expect(kept.read('c').entries.map((e) => [e.seq, e.at, e.direction, e.type, e.detail])).toEqual(
      [198, 199, 200].map((n) => [n, 0, 'command', 'play', line(n)]),
    );
    expect(kept.bytes).toBe(size * 3);
  });

  it('masks secure values, also ones that became secure after they were logged', () => {
    const { log } = logWith({});
    log.event(
      'c1',
      { type: 'httpResult', ref: 'h', status: 200, body: { code: SECRET_PIN } } as never,
      snapshot('c1'),
    );
    log.stepSaved(snapshot('c1', { variables: { pin: SECRET_PIN, note: 'VIP' } }));
    log.command('c1', say(`Your code is ${SECRET_PIN}, note VIP.`));
    const read = log.read('c1');
    expect(JSON.stringify(read)).not.toContain(SECRET_PIN);
    expect(read.entries.map((e) => e.detail)).toEqual([
      expect.objectContaining({ body: { code: '•••' } }),
      expect.objectContaining({ prompt: { text: 'Your code is •••, note VIP.' } }),
    ]);
  });
});
