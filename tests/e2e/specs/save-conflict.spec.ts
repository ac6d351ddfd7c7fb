import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moveBlock, openFlow, save } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('a save conflict shows what the other person changed and lets me keep my version', async ({
  openEditor,
  api,
  server,
  expectHttpError,
}) => {
  expectHttpError(412);
  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  const start = await page.locator('[data-start="true"]').getAttribute('data-testid');
  const startId = (start ?? '').slice('node-'.length);

  // Meanwhile someone else renames the flow through the API.
  const current = await api.call('GET', '/api/flows/support-inbound');
  const theirs = {
    ...(current.body as { flow: Record<string, unknown> }).flow,
    name: 'Support line (renamed)',
  };
  const put = await api.call('PUT', '/api/flows/support-inbound', {
    body: theirs,
    headers: { 'if-match': current.etag ?? '' },
  });
  expect(put.status).toBe(200);

  // I move a block and save: the server refuses the stale version and the designer shows the conflict.
  await moveBlock(page, startId, { x: 60, y: 40 });
  await save(page);
  const dialog = page.getByRole('dialog', { name: 'Save conflict' });
  await expect(dialog).toBeVisible();
  // The dialog shows their change next to mine.
  await expect(dialog).toContainText('Support line (renamed)');

  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toBeHidden();
  // "Unsaved · …" also contains "saved": wait until the overwrite has really landed.
  await expect(page.getByRole('status', { name: 'Status' })).not.toContainText('Unsaved');
  const readDisk = () => JSON.parse(readFileSync(join(server.flowsDir, 'support-inbound.flow.json'), 'utf8'));
  await expect.poll(() => readDisk().name).not.toBe('Support line (renamed)');
  const onDisk = readDisk();
  const moved = onDisk.layout[startId];
  const original = (current.body as { flow: { layout: Record<string, { x: number; y: number }> } }).flow
    .layout[startId];
  expect(moved).not.toEqual(original);
});

test('a save conflict can also be resolved by taking the saved version', async ({
  openEditor,
  api,
  expectHttpError,
}) => {
  expectHttpError(412);
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  const start = await page.locator('[data-start="true"]').getAttribute('data-testid');
  const startId = (start ?? '').slice('node-'.length);
  const current = await api.call('GET', '/api/flows/sales-inbound');
  const theirs = {
    ...(current.body as { flow: Record<string, unknown> }).flow,
    description: 'Changed elsewhere.',
  };
  expect(
    (
      await api.call('PUT', '/api/flows/sales-inbound', {
        body: theirs,
        headers: { 'if-match': current.etag ?? '' },
      })
    ).status,
  ).toBe(200);

  await moveBlock(page, startId, { x: 60, y: 40 });
  await save(page);
  const dialog = page.getByRole('dialog', { name: 'Save conflict' });
  await dialog.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(dialog).toBeHidden();
  // Theirs is now open and can be saved again without a conflict.
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/sales-inbound'),
  );
  await save(page);
  expect((await saved).status()).toBe(200);
  const after = await api.call('GET', '/api/flows/sales-inbound');
  expect((after.body as { flow: { description: string } }).flow.description).toBe('Changed elsewhere.');
});
