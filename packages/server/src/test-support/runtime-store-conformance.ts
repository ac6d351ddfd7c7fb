import type { CallbackRequest, ContactSnapshot } from '@callflow/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCallback, RuntimeStore, StepWrite } from '../runtime-store/runtime-store.js';
import { LeaseLostError } from '../runtime-store/runtime-store.js';

/** A secure value every test writes; it must never be found in the database's own contents. */
export const STORE_SECRET = '73915548';

export interface OpenedStore {
  store: RuntimeStore;
  /** Everything the database holds, as text (to look for secure values in the clear). */
  dump(): Promise<string>;
}

const LEASE = 5_000;
const T0 = 1_800_000_000_000;

export function snapshotOf(contactId: string, over: Partial<ContactSnapshot> = {}): ContactSnapshot {
  return {
    format: 1,
    contactId,
    kind: 'inbound',
    flowId: 'support',
    version: 1,
    versions: {},
    status: 'running',
    startedAt: T0,
    dialedNumber: '+16465550100',
    stack: [],
    variables: { pin: STORE_SECRET },
    variableVersions: {},
    system: {},
    loops: {},
    whisper: {},
    recording: {},
    inConsult: false,
    timers: [],
    seen: [],
    seq: 0,
    steps: 1,
    sameBlock: { key: '', count: 0 },
    trace: [],
    ...over,
  } as unknown as ContactSnapshot;
}

function stepOf(
  contactId: string,
  over: Partial<ContactSnapshot> = {},
  extra: Partial<StepWrite> = {},
): StepWrite {
  return {
    contactId,
    stored: { snapshot: snapshotOf(contactId, over), pending: [] },
    callbacks: [],
    trace: [],
    ...extra,
  };
}

function requestOf(id: string, queue = 'billing'): CallbackRequest {
  return {
    id,
    number: '+16465550123',
    name: 'Caller',
    // The request carries the flow's variables, secure ones too: the request is sealed at rest.
    variables: { pin: STORE_SECRET },
    queue,
    dialedNumber: '+16465550100',
    enqueuedAt: T0,
    initialDelaySeconds: 0,
    maxAttempts: 3,
    retryDelaySeconds: 60,
    maxQueueSeconds: 3600,
  } as CallbackRequest;
}

function webCallback(id: string): NewCallback {
  return { kind: 'web', request: requestOf(id), requestedBy: 'token:web' };
}

/**
 * One suite every runtime store passes (SQLite and PostgreSQL): what the host relies on, including
 * the guarantees many processes need (one writer per contact, one claim per due timer, one offer per
 * agent and per contact) and that secure values are sealed before they reach the database.
 */
export function runtimeStoreConformance(name: string, open: () => Promise<OpenedStore>): void {
  describe(`runtime store conformance: ${name}`, () => {
    let opened: OpenedStore;
    let store: RuntimeStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await store.close();
    });

    it('publishes numbered versions that go live together, and moves the live alias back', async () => {
      const v = (flowId: string, content: string) => ({
        flowId,
        content,
        etag: `"${content}"`,
        publishedBy: 'editor',
        note: null,
      });
      expect(await store.publish([v('a', 'A1'), v('b', 'B1')], '2026-01-01T00:00:00.000Z')).toEqual([1, 1]);
      expect(await store.publish([{ ...v('a', 'A2'), note: 'why' }], '2026-01-02T00:00:00.000Z')).toEqual([
        2,
      ]);
      expect(await store.liveVersion('a')).toBe(2);
      expect(await store.setLive('a', 1, '2026-01-03T00:00:00.000Z')).toBe(true);
      expect(await store.setLive('a', 9, '2026-01-03T00:00:00.000Z')).toBe(false);
      expect(await store.liveVersion('a')).toBe(1);
      expect(await store.liveVersion('nope')).toBeUndefined();
      const versions = await store.versions('a');
      expect(versions.map((x) => [x.version, x.live, x.note])).toEqual([
        [2, false, 'why'],
        [1, true, null],
      ]);
      expect(await store.version('a', 2)).toMatchObject({
        content: 'A2',
        etag: '"A2"',
        publishedBy: 'editor',
      });
      expect(await store.version('a', 3)).toBeUndefined();
    });

    it('keeps a step whole: snapshot, pending commands, timers, trace once by seq, sealed at rest', async () => {
      const timers = [{ id: 't1', at: T0 + 1000 }];
      const pending = [{ type: 'play', ref: 'r1', prompt: { text: `PIN ${STORE_SECRET}` } }];
      const trace = [{ seq: 1, at: T0, block: 'start' }];
      const step = stepOf('c1', { timers } as Partial<ContactSnapshot>, { trace });
      step.stored.pending = pending as never;
      await store.saveStep(step);
      await store.saveStep({ ...step, trace: [...trace, { seq: 2, at: T0 + 1, block: 'menu' }] });
      const back = await store.contact('c1');
      expect(back?.snapshot.variables.pin).toBe(STORE_SECRET);
      expect(back?.snapshot.timers).toEqual(timers);
      expect(back?.pending).toEqual(pending);
      expect((await store.trace('c1')).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.activeContacts()).map((c) => c.snapshot.contactId)).toEqual(['c1']);
      await store.saveStep(stepOf('c1', { status: 'ended', steps: 2 }));
      expect(await store.activeContacts()).toEqual([]);
      expect((await store.contact('c1'))?.snapshot.status).toBe('ended');
      expect(await store.contact('missing')).toBeUndefined();
      const dump = await opened.dump();
      expect(dump).toContain('c1');
      expect(dump).not.toContain(STORE_SECRET);
    });

    it('lets one process write a contact at a time; a stale token is refused', async () => {
      const a = { contactId: 'c1', owner: 'A', token: 1, until: T0 + LEASE };
      await store.saveStep(stepOf('c1'), a);
      expect(await store.claimContact('c1', 'B', T0 + 1, LEASE)).toBeUndefined();
      await expect(store.saveStep(stepOf('c1', { steps: 2 }), { ...a, owner: 'B' })).rejects.toBeInstanceOf(
        LeaseLostError,
      );
      // A renews; B still cannot take it at the old deadline.
      expect(await store.renewLeases('A', T0 + LEASE - 1, LEASE)).toBe(1);
      expect(await store.claimContact('c1', 'B', T0 + LEASE + 1, LEASE)).toBeUndefined();
      // A stops renewing (killed): after the lease, B takes over with a higher token.
      const b = await store.claimContact('c1', 'B', T0 + 2 * LEASE + 1, LEASE);
      expect(b).toMatchObject({ contactId: 'c1', owner: 'B', token: 2 });
      const stale = store.saveStep(stepOf('c1', { steps: 3 }), a);
      await expect(stale).rejects.toMatchObject({ code: 'contact_lease_lost' });
      await store.saveStep(stepOf('c1', { steps: 4 }), b);
      expect((await store.contact('c1'))?.snapshot.steps).toBe(4);
      // Its own claim keeps the token; a drained process's contacts are free at once.
      expect((await store.claimContact('c1', 'B', T0 + 2 * LEASE + 2, LEASE))?.token).toBe(2);
      expect(await store.releaseLeases('B')).toBe(1);
      expect((await store.claimContact('c1', 'C', T0 + 2 * LEASE + 3, LEASE))?.token).toBe(3);
      expect(await store.claimContact('missing', 'C', T0, LEASE)).toBeUndefined();
    });

    it("takes over a dead process's running contacts after its lease, not before, never ended ones", async () => {
      for (const id of ['c1', 'c2', 'c3'])
        await store.saveStep(stepOf(id), { contactId: id, owner: 'A', token: 1, until: T0 + LEASE });
      await store.saveStep(stepOf('c3', { status: 'ended' }), {
        contactId: 'c3',
        owner: 'A',
        token: 1,
        until: T0 + LEASE,
      });
      expect(await store.claimOrphans('B', T0 + LEASE - 1, LEASE, 10)).toEqual([]);
      const taken = await store.claimOrphans('B', T0 + LEASE + 1, LEASE, 10);
      expect(taken.map((f) => [f.contactId, f.owner, f.token]).sort()).toEqual([
        ['c1', 'B', 2],
        ['c2', 'B', 2],
      ]);
      expect(await store.claimOrphans('C', T0 + LEASE + 2, LEASE, 10)).toEqual([]);
    });

    it('gives each due timer to exactly one process, with its contact, until the step answers it', async () => {
      const ids = Array.from({ length: 12 }, (_, i) => `t${i}`);
      for (const id of ids)
        await store.saveStep(
          stepOf(id, { timers: [{ id: 'wait', at: T0 + 100 }] } as Partial<ContactSnapshot>),
        );
      await store.saveStep(
        stepOf('later', { timers: [{ id: 'wait', at: T0 + 10_000 }] } as Partial<ContactSnapshot>),
      );
      expect(await store.claimDueTimers('A', T0 + 99, LEASE, 100)).toEqual([]);
      const [a, b, c] = await Promise.all(
        ['A', 'B', 'C'].map((owner) => store.claimDueTimers(owner, T0 + 100, LEASE, 5)),
      );
      const claimed = [...(a ?? []), ...(b ?? []), ...(c ?? [])].map((t) => t.contactId);
      expect(claimed.sort()).toEqual([...ids].sort());
      expect(new Set(claimed).size).toBe(ids.length);
      const first = a?.[0];
      expect(first).toMatchObject({ timerId: 'wait', deadline: T0 + 100, fence: { owner: 'A' } });
      // Another process gets nothing while the claimers hold their contacts.
      expect(await store.claimDueTimers('D', T0 + 200, LEASE, 100)).toEqual([]);
      // The step that answers the timer rewrites the contact's timers: it is no longer due.
      if (!first) throw new Error('A claimed nothing');
      await store.saveStep(stepOf(first.contactId, { steps: 2 }), first.fence);
      const again = await store.claimDueTimers('A', T0 + 200, LEASE, 100);
      expect(again.map((t) => t.contactId)).not.toContain(first.contactId);
    });

    it('records a command as carried out once per contact and step', async () => {
      await store.saveStep(stepOf('c1'));
      expect(await store.markExecuted('c1', 3, 0)).toBe(true);
      expect(await store.markExecuted('c1', 3, 0)).toBe(false);
      expect(await store.markExecuted('c1', 3, 1)).toBe(true);
      expect(await store.markExecuted('c1', 4, 0)).toBe(true);
    });

    it('keeps callback requests sealed, once by id, started or not, and never un-cancels one', async () => {
      await store.recordCallback(webCallback('cb1'), '2026-01-01T00:00:00.000Z');
      await store.recordCallback(webCallback('cb1'), '2026-01-01T00:00:01.000Z');
      await store.recordCallback(webCallback('cb2'), '2026-01-01T00:00:02.000Z');
      expect((await store.callbacks()).map((c) => [c.id, c.status, c.kind])).toEqual([
        ['cb1', 'requested', 'web'],
        ['cb2', 'requested', 'web'],
      ]);
      expect((await store.unstartedCallbacks()).map((r) => r.id).sort()).toEqual(['cb1', 'cb2']);
      await store.saveStep(stepOf('cb1', { kind: 'callback', status: 'queued' }));
      expect((await store.unstartedCallbacks()).map((r) => r.id)).toEqual(['cb2']);
      expect((await store.callback('cb1'))?.status).toBe('queued');
      await store.setCallbackStatus('cb2', 'cancelled');
      await store.setCallbackStatus('cb2', 'requested');
      expect((await store.callback('cb2'))?.status).toBe('cancelled');
      // A step that creates a callback records it in the same transaction.
      await store.saveStep(
        stepOf(
          'c9',
          {},
          { callbacks: [{ ...webCallback('cb3'), kind: 'flow', requestedBy: 'flow:support' }] },
        ),
      );
      expect((await store.callback('cb3'))?.requestedBy).toBe('flow:support');
      expect(await opened.dump()).not.toContain(STORE_SECRET);
    });

    it('keeps queue order by place, then by arrival; a moved contact leaves its old place', async () => {
      const e = (contactId: string, queue: string, enqueuedAt: number) => ({
        contactId,
        queue,
        agentGroup: queue === 'sales' ? 'sales' : 'billing',
        kind: 'call' as const,
        enqueuedAt,
      });
      await store.enqueue(e('x', 'billing', T0 + 20));
      await store.enqueue(e('y', 'billing', T0 + 10));
      await store.enqueue(e('z', 'billing', T0 + 10));
      await store.enqueue(e('s', 'sales', T0 + 5));
      expect((await store.queued('billing')).map((q) => q.contactId)).toEqual(['y', 'z', 'x']);
      expect((await store.queued()).map((q) => q.contactId)).toEqual(['s', 'y', 'z', 'x']);
      await store.enqueue(e('y', 'sales', T0 + 30));
      expect((await store.queued('billing')).map((q) => q.contactId)).toEqual(['z', 'x']);
      expect(await store.dequeue('z')).toBe(true);
      expect(await store.dequeue('z')).toBe(false);
      expect((await store.queued('sales')).map((q) => q.contactId)).toEqual(['s', 'y']);
    });

    it('offers the longest-waiting contact of the agent’s groups, never two per agent or per contact', async () => {
      await store.enqueue({
        contactId: 'late',
        queue: 'billing',
        agentGroup: 'billing',
        kind: 'call',
        enqueuedAt: T0 + 50,
      });
      await store.enqueue({
        contactId: 'early',
        queue: 'billing',
        agentGroup: 'billing',
        kind: 'callback',
        enqueuedAt: T0,
      });
      await store.enqueue({
        contactId: 'other',
        queue: 'sales',
        agentGroup: 'sales',
        kind: 'call',
        enqueuedAt: T0 - 50,
      });
      const first = await store.offerNext('ann', ['billing'], T0 + 60);
      expect(first).toMatchObject({ agent: 'ann', contactId: 'early', queue: 'billing' });
      expect(await store.offerNext('ann', ['billing'], T0 + 61)).toBeUndefined();
      expect(await store.offerNext('bob', ['billing'], T0 + 62)).toMatchObject({ contactId: 'late' });
      expect(await store.offerNext('cid', ['billing'], T0 + 63)).toBeUndefined();
      expect(await store.offer('cid', 'late', T0 + 64)).toBe(false);
      // Declined: the contact keeps its place and goes to the next agent.
      expect(await store.withdrawOffer('ann', 'early')).toBe(true);
      expect(await store.withdrawOffer('ann', 'early')).toBe(false);
      expect(await store.offerNext('cid', ['billing', 'sales'], T0 + 65)).toMatchObject({
        contactId: 'other',
      });
      expect(await store.offerNext('dan', ['billing'], T0 + 66)).toMatchObject({ contactId: 'early' });
      expect(await store.acceptOffer('dan', 'early')).toBe(true);
      expect(await store.acceptOffer('dan', 'early')).toBe(false);
      expect((await store.queued('billing')).map((q) => q.contactId)).toEqual(['late']);
      expect((await store.offers()).map((o) => [o.agent, o.contactId]).sort()).toEqual([
        ['bob', 'late'],
        ['cid', 'other'],
      ]);
      // Leaving the queue (the caller hung up) withdraws its offer too.
      await store.dequeue('late');
      expect((await store.offers()).map((o) => o.agent)).toEqual(['cid']);
    });

    it('passes over the agent who transferred a contact while another contact waits for them', async () => {
      await store.enqueue({
        contactId: 'back',
        queue: 'billing',
        agentGroup: 'billing',
        kind: 'call',
        enqueuedAt: T0,
        exclude: ['ann'],
      });
      await store.enqueue({
        contactId: 'new',
        queue: 'billing',
        agentGroup: 'billing',
        kind: 'call',
        enqueuedAt: T0 + 5,
      });
      expect((await store.queued())[0]?.exclude).toEqual(['ann']);
      expect(await store.offerNext('ann', ['billing'], T0 + 10)).toMatchObject({ contactId: 'new' });
      expect(await store.offerNext('bob', ['billing'], T0 + 10)).toMatchObject({ contactId: 'back' });
    });

    it('makes concurrent offers to many agents without a contact offered twice', async () => {
      for (let i = 0; i < 6; i += 1)
        await store.enqueue({
          contactId: `q${i}`,
          queue: 'billing',
          agentGroup: 'billing',
          kind: 'call',
          enqueuedAt: T0 + i,
        });
      const agents = Array.from({ length: 10 }, (_, i) => `agent${i}`);
      const offers = (
        await Promise.all(agents.map((a) => store.offerNext(a, ['billing'], T0 + 100)))
      ).flatMap((o) => (o ? [o] : []));
      const again = (await Promise.all(agents.map((a) => store.offerNext(a, ['billing'], T0 + 101)))).flatMap(
        (o) => (o ? [o] : []),
      );
      const all = [...offers, ...again];
      expect(all.length).toBe(6);
      expect(new Set(all.map((o) => o.contactId)).size).toBe(6);
      expect(new Set(all.map((o) => o.agent)).size).toBe(6);
      expect((await store.offers()).length).toBe(6);
    });

    it('keeps agent states', async () => {
      await store.setAgentState('ann', 'Available', '2026-01-01T00:00:00.000Z');
      await store.setAgentState('ann', 'WrapUp', '2026-01-01T00:00:01.000Z');
      await store.setAgentState('bob', 'Offline', '2026-01-01T00:00:01.000Z');
      expect([...(await store.agentStates())].sort()).toEqual([
        ['ann', 'WrapUp'],
        ['bob', 'Offline'],
      ]);
    });

    it('keeps each agent’s pending callback and consult, replaced on each change and removed with null', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      await store.savePendingCallback(
        'ann',
        { contactId: 'c1', status: 'prompting', number: null, reason: null },
        at,
      );
      await store.savePendingCallback(
        'ann',
        { contactId: 'c1', status: 'edited', number: '+13125550177', reason: null },
        at,
      );
      await store.savePendingCallback(
        'bob',
        { contactId: 'c2', status: 'invalid', number: '911', reason: 'an emergency number' },
        at,
      );
      expect([...(await store.pendingCallbacks())].sort()).toEqual([
        ['ann', { contactId: 'c1', status: 'edited', number: '+13125550177', reason: null }],
        ['bob', { contactId: 'c2', status: 'invalid', number: '911', reason: 'an emergency number' }],
      ]);
      await store.savePendingCallback('bob', null, at);
      await store.savePendingCallback('nobody', null, at);
      expect([...(await store.pendingCallbacks()).keys()]).toEqual(['ann']);

      const decision = { rule: 'queue' as const, number: '+12125550100', reason: 'the queue', rejected: [] };
      const toAgent = {
        from: 'ann',
        contactId: 'c1',
        to: { agent: 'bob' },
        status: 'ringing' as const,
        callerId: null,
        startedAt: T0,
      };
      await store.saveConsult('ann', toAgent, at);
      await store.saveConsult('ann', { ...toAgent, status: 'connected' }, '2026-01-01T00:00:01.000Z');
      const toNumber = {
        from: 'cat',
        contactId: 'c3',
        to: { number: '+13125550188' },
        status: 'connected' as const,
        callerId: decision,
        startedAt: T0 + 1,
      };
      await store.saveConsult('cat', toNumber, '2026-01-01T00:00:02.000Z');
      expect(await store.consults()).toEqual([{ ...toAgent, status: 'connected' }, toNumber]);
      await store.saveConsult('ann', null, at);
      expect(await store.consults()).toEqual([toNumber]);
    });

    it('counts where calls went in a flow version over a period, from the traces it keeps', async () => {
      const at = (seconds: number) => T0 + seconds * 1000;
      const welcome = (seconds: number) => [
        { seq: 2, at: at(seconds), flowId: 'support', block: 'welcome' },
        {
          seq: 3,
          at: at(seconds + 3),
          flowId: 'support',
          block: 'welcome',
          event: 'promptDone',
          outcome: 'success',
        },
        { seq: 4, at: at(seconds + 3), flowId: 'support', block: 'menu' },
      ];
      const start = (seconds: number) => ({ seq: 1, at: at(seconds), event: 'start' });
      // Hangs up in the menu 6 s after entering it.
      await store.saveStep(
        stepOf(
          'hung-up',
          { status: 'ended' },
          {
            trace: [start(0), ...welcome(0), { seq: 5, at: at(9), event: 'callerHangUp' }],
          },
        ),
      );
      // Presses 1, waits in the queue (its customer-queue flow is version 2 of support-queue), is
      // taken by an agent: both blocks are left without an outcome; the caller hangs up much later.
      const queued = { versions: { 'support-queue': 2 } } as Partial<ContactSnapshot>;
      await store.saveStep(
        stepOf('queued', queued, {
          trace: [
            start(0),
            ...welcome(0),
            { seq: 5, at: at(4), flowId: 'support', block: 'menu', event: 'digits', outcome: '1' },
            { seq: 6, at: at(4), flowId: 'support', block: 'transfer' },
            { seq: 7, at: at(4), flowId: 'support-queue', block: 'hold' },
          ],
        }),
      );
      await store.saveStep(
        stepOf(
          'queued',
          { ...queued, status: 'ended' },
          {
            trace: [
              {
                seq: 8,
                at: at(10),
                event: 'agentAccepted',
                left: [{ flowId: 'support-queue', block: 'hold' }],
              },
              { seq: 9, at: at(12), left: [{ flowId: 'support', block: 'transfer' }] },
              { seq: 10, at: at(60), event: 'callerHangUp' },
            ],
          },
        ),
      );
      // Still in the menu.
      await store.saveStep(stepOf('in-menu', {}, { trace: [start(100), ...welcome(100)] }));
      // Another version, and a call before the period: not counted.
      await store.saveStep(stepOf('v2', { version: 2 }, { trace: [start(0), ...welcome(0)] }));
      await store.saveStep(
        stepOf('earlier', { status: 'ended' }, { trace: [start(-7200), ...welcome(-7200)] }),
      );

      const period = { from: at(-3600), to: at(3600) };
      const traffic = await store.traffic({ flowId: 'support', version: 1, ...period });
      const none = { hungUp: 0, left: 0, ended: 0, inBlock: 0 };
      expect(traffic).toEqual({
        flowId: 'support',
        version: 1,
        from: new Date(period.from).toISOString(),
        to: new Date(period.to).toISOString(),
        calls: 3,
        blocks: {
          welcome: {
            ...none,
            entered: 3,
            outcomes: { success: 3 },
            time: { count: 3, totalMs: 9000, meanMs: 3000, p90Ms: 3000 },
          },
          menu: {
            ...none,
            entered: 3,
            outcomes: { '1': 1 },
            hungUp: 1,
            inBlock: 1,
            time: { count: 2, totalMs: 7000, meanMs: 3500, p90Ms: 6000 },
          },
          transfer: {
            ...none,
            entered: 1,
            outcomes: {},
            left: 1,
            time: { count: 1, totalMs: 8000, meanMs: 8000, p90Ms: 8000 },
          },
        },
      });
      // A flow the contacts entered on the way (the queue's flow) is counted at its own version.
      const queue = await store.traffic({ flowId: 'support-queue', version: 2, ...period });
      expect(queue.calls).toBe(1);
      expect(queue.blocks).toEqual({
        hold: {
          ...none,
          entered: 1,
          outcomes: {},
          left: 1,
          time: { count: 1, totalMs: 6000, meanMs: 6000, p90Ms: 6000 },
        },
      });
      expect((await store.traffic({ flowId: 'support-queue', version: 1, ...period })).calls).toBe(0);
      // The period holds the visits that began in it: from 3 s on, only the last call's welcome.
      const later = await store.traffic({ flowId: 'support', version: 1, from: at(3), to: at(3600) });
      expect(later.blocks.welcome?.entered).toBe(1);
      expect(later.blocks.menu?.entered).toBe(3);
    });

    it('purges ended contacts past the cutoff with their trace, and finished callback requests', async () => {
      await store.saveStep(stepOf('old', { status: 'ended' }, { trace: [{ seq: 1, at: T0 }] }));
      await store.saveStep(stepOf('running'));
      await store.recordCallback(webCallback('cbx'), '2020-01-01T00:00:00.000Z');
      await store.setCallbackStatus('cbx', 'cancelled');
      const purged = await store.purgeEnded(Date.now() + 60_000);
      expect(purged.contacts).toBe(1);
      expect(await store.contact('old')).toBeUndefined();
      expect(await store.trace('old')).toEqual([]);
      expect(await store.contact('running')).toBeDefined();
      expect(await store.callback('cbx')).toBeUndefined();
    });
  });
}
