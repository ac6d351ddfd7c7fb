import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSnapshot } from '@callflow/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecretKey, SecretBox } from '../db/secret-box.js';
import { eventually, menuFlow, SECRET_PIN } from '../test-support/flows.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';

let work: string;
let t: TestService | undefined;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'callflow-snapshot-format-'));
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(work, { recursive: true, force: true });
});

const contact = async (service: TestService, id: string) =>
  (await service.api().get(`/api/contacts/${id}`).expect(200)).body;

/** The contact's stored snapshot text, unsealed with the service's own key. */
function storedText(service: TestService, id: string): string {
  const box = new SecretBox(loadSecretKey({ file: service.config.secretKeyFile }).key);
  const row = service.service.db.prepare('SELECT snapshot FROM contacts WHERE id = ?').get(id) as {
    snapshot: string;
  };
  return box.open(row.snapshot);
}

describe('stored contact snapshots', () => {
  it('are written in format 2, and a contact stored in the earlier plain-object form goes on after a restart', async () => {
    t = await startTestService({ workDir: work });
    const first = t;
    await first
      .api()
      .put('/api/flows/old-form')
      .set('If-None-Match', '*')
      .send(menuFlow('old-form', 'a'))
      .expect(201);
    await first.api().post('/api/flows/old-form/publish').expect(201);
    const { body } = await first.api().post('/api/contacts').send({ flow: 'old-form', to: '+12125550101' });
    const id = body.contactId as string;
    await eventually(
      () => contact(first, id),
      (c) => c.block === 'a-menu',
    );
    const current = storedText(first, id);
    expect(JSON.parse(current)[0]).toBe(2);

    // The row as a service from before format 2 wrote it: the snapshot object as JSON, sealed.
    const oldText = JSON.stringify(parseSnapshot(current));
    expect(JSON.parse(oldText).format).toBe(1);
    const box = new SecretBox(loadSecretKey({ file: first.config.secretKeyFile }).key);
    first.service.db.prepare('UPDATE contacts SET snapshot = ? WHERE id = ?').run(box.seal(oldText), id);
    await first.close();
    t = undefined;

    t = await startTestService({ workDir: work });
    const second = t;
    expect(await contact(second, id)).toMatchObject({ block: 'a-menu', status: 'running' });
    await second.api().post(`/api/contacts/${id}/events`).send({ type: 'digits', digits: '1' }).expect(200);
    const moved = await eventually(
      () => contact(second, id),
      (c) => c.block === 'a-wait',
    );
    expect(moved.variables.pin).toBe('•••');
    // Saved again in the current form, and sealed: the secure value is not in the row in clear.
    const again = storedText(second, id);
    expect(JSON.parse(again)[0]).toBe(2);
    const row = second.service.db.prepare('SELECT snapshot FROM contacts WHERE id = ?').get(id) as {
      snapshot: string;
    };
    expect(row.snapshot).not.toContain(SECRET_PIN);
    expect(parseSnapshot(again).stack[0]?.block).toBe('a-wait');
  });
});
