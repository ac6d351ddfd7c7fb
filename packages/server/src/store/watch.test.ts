import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../ops/event-bus.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let t: TestService;
let seen: LiveEvent[];
let unsubscribe: () => void;
beforeEach(async () => {
  t = await startTestService();
  seen = [];
  unsubscribe = t.service.events.subscribe(({ event }) => seen.push(event));
});
afterEach(async () => {
  unsubscribe();
  await t.close();
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForEvent(type: string, timeoutMs = 3000): Promise<LiveEvent | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = seen.find((e) => e.type === type);
    if (found) return found;
    await settle(20);
  }
  return undefined;
}

/**
 * The signal that the watcher has looked at everything written so far: a flow changed behind the
 * server after the save. The watcher reports files in the order they changed, so once this one is
 * announced, an announcement of the save would have come before it; it must be the only one.
 */
async function onlyTheNextChangeIsAnnounced(): Promise<void> {
  const path = join(t.flowsDir, 'support-inbound.flow.json');
  const flow = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, `${JSON.stringify({ ...flow, name: 'Pulled' }, null, 2)}\n`);
  expect(await waitForEvent('flow.changedOnDisk')).toMatchObject({ flowId: 'support-inbound' });
  const announced = seen.filter((e) => e.type.endsWith('changedOnDisk'));
  expect(announced.map((e) => e.flowId ?? e.type)).toEqual(['support-inbound']);
}

describe('changes on disk', () => {
  it('announces a flow changed behind the server (git pull) with its new etag', async () => {
    const path = join(t.flowsDir, 'after-hours.flow.json');
    const flow = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, `${JSON.stringify({ ...flow, name: 'Pulled' }, null, 2)}\n`);
    const event = await waitForEvent('flow.changedOnDisk');
    expect(event).toMatchObject({ flowId: 'after-hours' });
    const current = await t.api().get('/api/flows/after-hours').expect(200);
    expect(event?.etag).toBe(current.body.etag);
  });

  it('does not announce the server’s own saves as changes on disk', async () => {
    const { body } = await t.api().get('/api/flows/after-hours').expect(200);
    await t
      .api()
      .put('/api/flows/after-hours')
      .set('If-Match', body.etag)
      .send({ ...body.flow, name: 'Saved' })
      .expect(200);
    expect(await waitForEvent('flow.saved')).toBeDefined();
    await onlyTheNextChangeIsAnnounced();
  });

  it('does not announce the server’s own test file saves as changes on disk', async () => {
    const files = (await t.api().get('/api/flows/sales-inbound/tests').expect(200)).body.files;
    const own = files.find((f: { file: string }) => f.file === 'sales-inbound.test.json');
    await t
      .api()
      .put('/api/flows/sales-inbound/tests/sales-inbound.test.json')
      .set('If-Match', own.etag)
      .send({ ...own.test, scenarios: own.test.scenarios.slice(0, 1) })
      .expect(200);
    expect(await waitForEvent('flow.tests.saved')).toBeDefined();
    await onlyTheNextChangeIsAnnounced();
  });
});
