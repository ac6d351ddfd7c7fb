import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../runtime-host/call-log.js';
import { WallClock } from '../runtime-host/wall-clock.js';
import { queuedBillingCall } from '../test-support/billing-calls.js';
import { eventually, menuFlow, SECRET_PIN } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

// Time stands still: nothing rings out or times out unless a test says so.
const frozen = () => new WallClock(() => Date.parse('2026-01-05T15:00:00Z'));

let t: TestService;
beforeEach(async () => {
  t = await startTestService({ service: { clock: frozen() } });
});
afterEach(async () => {
  await t.close();
});

interface LogBody {
  contactId: string;
  entries: LogEntry[];
  truncated: boolean;
}

async function publish(flow: Record<string, unknown>): Promise<void> {
  await t.api().put(`/api/flows/${flow.id}`).set('If-None-Match', '*').send(flow).expect(201);
  await t.api().post(`/api/flows/${flow.id}/publish`).expect(201);
}

async function call(flow: string): Promise<string> {
  const { body } = await t.api().post('/api/contacts').send({ flow, to: '+12125550101' }).expect(201);
  return body.contactId;
}

const log = async (id: string, query = ''): Promise<LogBody> =>
  (await t.api('viewer').get(`/api/contacts/${id}/log${query}`).expect(200)).body;

/** Polls the log until an entry matches (steps after a prompt run on the next tick). */
const logUntil = (id: string, done: (e: LogEntry) => boolean) =>
  eventually(
    () => log(id),
    (body) => body.entries.some(done),
  );

const press = (id: string, digits: string) =>
  t.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits }).expect(200);
const hangUp = (id: string) =>
  t.api().post(`/api/contacts/${id}/events`).send({ type: 'hangUp' }).expect(200);

const played = (e: LogEntry) => e.direction === 'command' && e.type === 'play';
const textOf = (e: LogEntry) => (e.detail as { prompt?: { text?: string } }).prompt?.text;

describe('GET /api/contacts/:id/log', () => {
  it('holds what the caller heard and pressed, and the hang-up, in seq order', async () => {
    await publish(menuFlow('menu-flow', 'one'));
    const id = await call('menu-flow');
    await logUntil(id, (e) => played(e) && textOf(e) === 'Menu one');
    await press(id, '1');
    await logUntil(id, (e) => played(e) && textOf(e) === 'Press 1 to finish');
    await hangUp(id);
    const body = await logUntil(id, (e) => e.type === 'hangup');

    expect(body).toMatchObject({ contactId: id, truncated: false });
    const { entries } = body;
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    for (const e of entries)
      expect(e).toEqual({ seq: e.seq, at: e.at, direction: e.direction, type: e.type, detail: e.detail });
    expect(entries.every((e) => e.at === Date.parse('2026-01-05T15:00:00Z'))).toBe(true);
    const order = (match: (e: LogEntry) => boolean) => entries.findIndex(match);
    const menu = order((e) => played(e) && textOf(e) === 'Menu one');
    const key = order((e) => e.direction === 'event' && e.type === 'digits');
    const next = order((e) => played(e) && textOf(e) === 'Press 1 to finish');
    const callerGone = order((e) => e.direction === 'event' && e.type === 'callerHangUp');
    const end = order((e) => e.direction === 'command' && e.type === 'hangup');
    expect([menu, key, next, callerGone, end].every((i) => i >= 0)).toBe(true);
    expect(menu < key && key < next && next < callerGone && callerGone < end).toBe(true);
    expect(entries[menu]?.detail).toMatchObject({ type: 'play', to: 'caller', prompt: { text: 'Menu one' } });
    expect(entries[key]?.detail).toMatchObject({ type: 'digits', digits: '1' });

    // The editor polls with the last seq it read.
    const last = entries[next]?.seq ?? 0;
    const newer = await log(id, `?after=${last}`);
    expect(newer.entries.map((e) => e.seq)).toEqual(entries.filter((e) => e.seq > last).map((e) => e.seq));
    expect((await log(id, `?after=${entries.length}`)).entries).toEqual([]);
  });

  it('refuses an `after` that is not a non-negative integer (400 invalid_query)', async () => {
    await publish(menuFlow('menu-flow', 'one'));
    const id = await call('menu-flow');
    for (const bad of ['-1', '1.5', 'abc', '', '1&after=2']) {
      const res = await t.api().get(`/api/contacts/${id}/log?after=${bad}`).expect(400);
      expect(res.body).toMatchObject({ code: 'invalid_query', details: { parameter: 'after' } });
    }
  });

  it('answers 404 contact_not_found for an unknown contact', async () => {
    const res = await t.api().get('/api/contacts/nobody/log').expect(404);
    expect(res.body.code).toBe('contact_not_found');
  });

  it('never holds a secure value: keys pressed into a secure variable are •••, and so is the PIN read back', async () => {
    await publish(PIN_FLOW);
    const id = await call('pin-flow');
    await logUntil(id, (e) => e.type === 'collectDigits' || (played(e) && textOf(e) === 'Your PIN, please.'));
    // Keyed in two goes: neither half is the PIN, so only knowing the caller is in a PIN entry masks them.
    await press(id, SECRET_PIN.slice(0, 4));
    await press(id, SECRET_PIN.slice(4));
    const body = await logUntil(id, (e) => e.type === 'hangup');

    expect(JSON.stringify(body)).not.toContain(SECRET_PIN);
    const keys = body.entries.filter((e) => e.direction === 'event' && e.type === 'digits');
    expect(keys.map((e) => e.detail)).toEqual([
      expect.objectContaining({ type: 'digits', digits: '•••' }),
      expect.objectContaining({ type: 'digits', digits: '•••' }),
    ]);
    const readBack = body.entries.find((e) => played(e) && textOf(e)?.startsWith('You entered'));
    expect(textOf(readBack as LogEntry)).toBe('You entered •••.');
    // The contact itself: the keys the caller pressed last are the PIN, masked among the system variables.
    const contact = (await t.api().get(`/api/contacts/${id}`).expect(200)).body;
    expect(contact.system.lastDigits).toBe('•••');
    expect(JSON.stringify(contact)).not.toContain(SECRET_PIN);
  });

  it('after a restart: no log until the contact moves, then a new log (another logId, seq from 1)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'callflow-log-'));
    let first: TestService | undefined = await startTestService({ workDir: work });
    let second: TestService | undefined;
    try {
      const api = first.api;
      await api().put('/api/flows/menu-flow').set('If-None-Match', '*').send(menuFlow('menu-flow', 'one'));
      await api().post('/api/flows/menu-flow/publish').expect(201);
      const started = await api().post('/api/contacts').send({ flow: 'menu-flow', to: '+12125550101' });
      const id = started.body.contactId;
      const before = await api().get(`/api/contacts/${id}/log`).expect(200);
      expect(before.body.entries.length).toBeGreaterThan(0);
      expect(typeof before.body.logId).toBe('string');
      await first.close();
      first = undefined;
      second = await startTestService({ workDir: work });
      const restored = await second.api().get(`/api/contacts/${id}/log`).expect(200);
      expect(restored.body).toEqual({ contactId: id, logId: null, entries: [], truncated: false });
      await second.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits: '1' }).expect(200);
      const after = await second.api().get(`/api/contacts/${id}/log`).expect(200);
      expect(after.body.logId).toEqual(expect.any(String));
      expect(after.body.logId).not.toBe(before.body.logId);
      expect(after.body.entries[0]).toMatchObject({ seq: 1, direction: 'event', type: 'digits' });
    } finally {
      await first?.close();
      await second?.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('POST /api/agents/:name/reject', () => {
  it('declines the offer as if it rang out: RONA, offer withdrawn, the contact back in its queue', async () => {
    const id = await queuedBillingCall(t);
    await t.api().post('/api/agents/bilal.khan/state').send({ state: 'Available' }).expect(200);
    const offered = await logUntil(id, (e) => e.type === 'offerToAgent');
    const offer = offered.entries.find((e) => e.type === 'offerToAgent');
    expect(offer?.detail).toMatchObject({
      agent: 'bilal.khan',
      queue: 'billing',
      popover: [{ name: 'note', label: 'Note', value: null }],
    });

    const res = await t.api().post('/api/agents/bilal.khan/reject').expect(200);
    expect(res.body).toMatchObject({ name: 'bilal.khan', state: 'RONA', offer: null });
    const after = await logUntil(id, (e) => e.type === 'withdrawOffer');
    expect(after.entries.find((e) => e.type === 'withdrawOffer')?.detail).toMatchObject({
      agent: 'bilal.khan',
      rona: true,
    });
    expect(after.entries.some((e) => e.direction === 'event' && e.type === 'agentNoAnswer')).toBe(true);
    const contact = await t.api().get(`/api/contacts/${id}`).expect(200);
    expect(contact.body).toMatchObject({ status: 'queued', queue: { name: 'billing', agent: null } });

    const again = await t.api().post('/api/agents/bilal.khan/reject').send({}).expect(409);
    expect(again.body).toMatchObject({ code: 'no_offer', details: { name: 'bilal.khan' } });
  });

  it('answers 404 for an unknown agent and 400 for any field in the body', async () => {
    const unknown = await t.api().post('/api/agents/nobody/reject').expect(404);
    expect(unknown.body.code).toBe('agent_not_found');
    const field = await t.api().post('/api/agents/bilal.khan/reject').send({ reason: 'busy' }).expect(400);
    expect(field.body.code).toBe('invalid_body');
  });

  it('needs the editor role', async () => {
    const res = await t.api('viewer').post('/api/agents/bilal.khan/reject').expect(403);
    expect(res.body.code).toBe('forbidden');
  });
});

/** Asks for a PIN into a secure variable, then reads it back: the log must show neither. */
const PIN_FLOW = {
  $schema: '../schemas/flow.schema.json',
  formatVersion: 1,
  id: 'pin-flow',
  name: 'PIN',
  type: 'inbound',
  start: 'ask',
  variables: { pin: { type: 'string', label: 'PIN', secure: true } },
  blocks: {
    ask: {
      type: 'getDigits',
      settings: {
        prompt: { text: 'Your PIN, please.' },
        variable: 'pin',
        minDigits: 8,
        maxDigits: 8,
        timeoutSeconds: 10,
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
