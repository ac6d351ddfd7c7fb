import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../ops/event-bus.js';
import { billingCallConnectedTo } from '../test-support/billing-calls.js';
import { eventually } from '../test-support/flows.js';
import { OTHER_AGENT, startTestService, TEST_AGENT, type TestService } from '../test-support/temp-service.js';

let t: TestService | undefined;
let work: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

const BILAL = '/api/agents/bilal.khan';
const ALICE = `/api/agents/${TEST_AGENT}`;
const bilal = () => t!.api({ token: OTHER_AGENT.token });
const alice = () => t!.api('agent');

/** A service on a kept directory: `restart` stops it and starts another process's worth on the same files. */
async function start(): Promise<void> {
  work ??= mkdtempSync(join(tmpdir(), 'callflow-desk-'));
  t = await startTestService({ workDir: work });
}
async function restart(): Promise<void> {
  await t?.close();
  await start();
}

/** bilal on a billing call, the customer prompted and keyed 312 555 0166, alice asked into a consult. */
async function preparedDesk(): Promise<string> {
  const contactId = await billingCallConnectedTo(t!);
  await bilal().post(`${BILAL}/pending-callback/prompt`).expect(202);
  await t!.api().post(`/api/contacts/${contactId}/events`).send({ type: 'digits', digits: '3125550166#' });
  await eventually(
    () => bilal().get(BILAL),
    (r) => r.body.pendingCallback?.status === 'entered',
  );
  await alice().post(`${ALICE}/state`).send({ state: 'Available' }).expect(200);
  await bilal()
    .post(`${BILAL}/consult`)
    .send({ to: { agent: TEST_AGENT } })
    .expect(201);
  return contactId;
}

describe('pending callbacks and consults survive a restart', () => {
  it('after a restart the desktops show both, the consult goes on and the callback is placed', async () => {
    await start();
    const contactId = await preparedDesk();
    const before = (await bilal().get(BILAL).expect(200)).body;

    await restart();

    const after = await bilal().get(BILAL).expect(200);
    expect(after.body).toMatchObject({ state: 'Busy', contactId });
    expect(after.body.pendingCallback).toEqual({
      contactId,
      status: 'entered',
      number: '+13125550166',
      reason: null,
    });
    expect(after.body.consult).toEqual(before.consult);
    expect(after.body.consult).toMatchObject({
      role: 'consulting',
      to: { agent: TEST_AGENT },
      status: 'ringing',
    });
    const asked = await alice().get(ALICE).expect(200);
    // Still kept from queue offers while consulted, with the same popover.
    expect(asked.body).toMatchObject({ state: 'Busy', consult: { role: 'consulted', from: 'bilal.khan' } });
    expect(asked.body.consult.popover).toEqual(before.consult.popover);

    // The consult goes on: alice answers, bilal cancels it; alice is Available again.
    await alice().post(`${ALICE}/consult/accept`).expect(200);
    await bilal().delete(`${BILAL}/consult`).expect(204);
    expect((await alice().get(ALICE).expect(200)).body).toMatchObject({ state: 'Available', consult: null });

    // Gone from the store too: another restart shows no consult, the pending callback still.
    await restart();
    const again = await bilal().get(BILAL).expect(200);
    expect(again.body.consult).toBeNull();
    expect(again.body.pendingCallback).toMatchObject({ status: 'entered', number: '+13125550166' });

    const placed = await bilal().post(`${BILAL}/pending-callback/place`).send({}).expect(201);
    expect(placed.body).toMatchObject({ number: '+13125550166', kind: 'agent' });
    expect((await t!.api().get(`/api/contacts/${contactId}`).expect(200)).body.status).toBe('ended');
    expect((await bilal().get(BILAL).expect(200)).body).toMatchObject({
      contactId: placed.body.id,
      pendingCallback: null,
    });
    await restart();
    expect((await bilal().get(BILAL).expect(200)).body.pendingCallback).toBeNull();
  });

  it('a consult with a number keeps its answered leg across a restart and completes', async () => {
    await start();
    const contactId = await billingCallConnectedTo(t!);
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(312) 555-0188' } })
      .expect(201);
    await eventually(
      () => bilal().get(BILAL),
      (r) => r.body.consult?.status === 'connected',
    );
    await restart();
    const after = await bilal().get(BILAL).expect(200);
    expect(after.body.consult).toMatchObject({ to: { number: '+13125550188' }, status: 'connected' });
    expect(t!.service.host.snapshot(contactId)?.consultLeg).toMatchObject({ status: 'connected' });
    const done = await bilal().post(`${BILAL}/consult/complete`).expect(200);
    expect(done.body).toMatchObject({ result: 'transferred', target: { number: '+13125550188' } });
    expect((await t!.api().get(`/api/contacts/${contactId}`).expect(200)).body.status).toBe('transferred');
  });

  it('a consult whose other party is gone is ended with the code RT107, told to both desktops', async () => {
    await start();
    await preparedDesk();
    const told: LiveEvent[] = [];
    t!.service.events.subscribe(({ event }) => {
      if (event.type === 'agent.consult') told.push(event);
    });
    // The consulted agent signs off (Offline): the consult cannot go on.
    await alice().post(`${ALICE}/state`).send({ state: 'Offline' }).expect(200);
    const after = await bilal().get(BILAL).expect(200);
    expect(after.body.consult).toBeNull();
    const ended = { code: 'RT107', reason: `the consulted agent ${TEST_AGENT} went Offline` };
    expect(told).toEqual([
      { type: 'agent.consult', agent: 'bilal.khan', consult: null, ended },
      { type: 'agent.consult', agent: TEST_AGENT, consult: null, ended },
    ]);
    // bilal is still on the call with the customer, free to consult again.
    expect(after.body).toMatchObject({ state: 'Busy' });
    await bilal()
      .post(`${BILAL}/consult`)
      .send({ to: { number: '(312) 555-0188' } })
      .expect(201);
    const metrics = await t!.api().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/callflow_errors_total\{code="RT107"\} 1/);
  });

  it('a stored consult whose call is no longer known is ended on start, not shown forever', async () => {
    await start();
    const contactId = await preparedDesk();
    await t!.close();
    // The call's row is gone (a retention sweep, a store restored from an older backup).
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(work!, 'data', 'callflow.db'));
    db.prepare('DELETE FROM contacts WHERE id = ?').run(contactId);
    db.close();
    await start();
    expect((await bilal().get(BILAL).expect(200)).body.consult).toBeNull();
    expect((await alice().get(ALICE).expect(200)).body).toMatchObject({ state: 'Available', consult: null });
    const metrics = await t!.api().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/callflow_errors_total\{code="RT107"\} 1/);
  });
});
