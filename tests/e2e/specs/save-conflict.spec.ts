// Two people edit the same flow. A save that finds a newer version merges block by block from the
// version both started from: without overlap the merge is saved at once (and said so); when both changed
// the same block, only that block is asked about. Every check reads what is stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { moveBlock, node, openFlow, save, selectBlock, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

const FLOW = 'sales-inbound';

function readDisk(flowsDir: string, id = FLOW) {
  return JSON.parse(readFileSync(join(flowsDir, `${id}.flow.json`), 'utf8'));
}

function saveState(page: Page) {
  return page.getByRole('toolbar', { name: 'Flow' }).locator('.dirty-dot');
}

/** A second person: another browser context, signed in with the same start-up URL. */
async function secondEditor(browser: Browser, server: { url: string; token: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/?${new URLSearchParams({ token: server.token })}`);
  return page;
}

async function setLabel(page: Page, blockId: string, label: string) {
  await selectBlock(page, blockId);
  await page.getByRole('region', { name: 'Properties' }).getByLabel('Label (optional)').fill(label);
}

async function setTimeoutSeconds(page: Page, blockId: string, seconds: string) {
  await selectBlock(page, blockId);
  await page.getByRole('region', { name: 'Properties' }).locator('#field-timeoutSeconds').fill(seconds);
}

async function saveAndWait(page: Page, id = FLOW): Promise<number> {
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/flows/${id}`) && r.status() !== 412,
  );
  await save(page);
  return (await saved).status();
}

test('two people editing different blocks: both edits are stored, without a question', async ({
  openEditor,
  browser,
  server,
  expectHttpError,
}) => {
  expectHttpError(412);
  const alice = await openEditor();
  const bob = await secondEditor(browser, server);
  await openFlow(alice, FLOW);
  await openFlow(bob, FLOW);

  await setLabel(alice, 'welcome', 'Alice greets');
  await sidePanelTab(alice, 'Variables').click();
  await alice.getByRole('group', { name: 'Variable customerTier' }).getByLabel('Default').fill('gold');
  expect(await saveAndWait(alice)).toBe(200);

  await setTimeoutSeconds(bob, 'enter-account', '9');
  expect(await saveAndWait(bob)).toBe(200);
  await expect(bob.getByRole('dialog', { name: 'Save conflict' })).toHaveCount(0);
  const status = bob.getByRole('status', { name: 'Status' });
  await expect(status).toContainText('Merged with the changes saved meanwhile');
  await expect(status).toContainText('welcome');
  await expect(saveState(bob)).toHaveText('Saved');
  // Bob now sees Alice's edit, and the file holds both.
  await expect(node(bob, 'welcome')).toContainText('Alice greets');
  const onDisk = readDisk(server.flowsDir);
  expect(onDisk.blocks.welcome.label).toBe('Alice greets');
  expect(onDisk.variables.customerTier.default).toBe('gold');
  expect(onDisk.blocks['enter-account'].settings.timeoutSeconds).toBe(9);

  // Alice's screen is no longer what is stored, and her header says so.
  await expect(saveState(alice)).toHaveText('Changed elsewhere');
  // Alice saves again on top: her base was her own save, Bob's edit is merged in, nothing is lost.
  await setLabel(alice, 'sales-menu', 'Menu');
  expect(await saveAndWait(alice)).toBe(200);
  await expect(saveState(alice)).toHaveText('Saved');
  const again = readDisk(server.flowsDir);
  expect(again.blocks['sales-menu'].label).toBe('Menu');
  expect(again.blocks['enter-account'].settings.timeoutSeconds).toBe(9);
  expect(again.blocks.welcome.label).toBe('Alice greets');
  await bob.context().close();
});

test('two people editing the same block: asked about that block only, the rest is merged', async ({
  openEditor,
  browser,
  server,
  expectHttpError,
}) => {
  expectHttpError(412);
  const alice = await openEditor();
  const bob = await secondEditor(browser, server);
  await openFlow(alice, FLOW);
  await openFlow(bob, FLOW);

  await setLabel(alice, 'welcome', 'From Alice');
  await setLabel(alice, 'sales-menu', 'Alice menu');
  expect(await saveAndWait(alice)).toBe(200);

  await setLabel(bob, 'welcome', 'From Bob');
  await setTimeoutSeconds(bob, 'enter-account', '9');
  await save(bob);
  const dialog = bob.getByRole('dialog', { name: 'Save conflict' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group')).toHaveCount(1);
  const choice = dialog.getByRole('group', { name: 'Block welcome' });
  await expect(choice).toContainText('From Alice');
  await expect(choice).toContainText('From Bob');
  await expect(choice.getByRole('radio', { name: 'Keep mine' })).toBeChecked();
  // Nothing is stored before Bob chooses.
  expect(readDisk(server.flowsDir).blocks.welcome.label).toBe('From Alice');

  await choice.getByRole('radio', { name: 'Take theirs' }).check();
  const saved = bob.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/flows/${FLOW}`) && r.status() === 200,
  );
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await saved;
  await expect(dialog).toBeHidden();
  await expect(saveState(bob)).toHaveText('Saved');
  const onDisk = readDisk(server.flowsDir);
  expect(onDisk.blocks.welcome.label).toBe('From Alice');
  expect(onDisk.blocks['sales-menu'].label).toBe('Alice menu');
  expect(onDisk.blocks['enter-account'].settings.timeoutSeconds).toBe(9);
  await expect(node(bob, 'welcome')).toContainText('From Alice');
  await bob.context().close();
});

test('a conflict over the same block can keep mine for it', async ({
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

  // Meanwhile someone else renames the flow and labels the start block through the API.
  const current = await api.call('GET', '/api/flows/support-inbound');
  const theirs = structuredClone((current.body as { flow: Record<string, unknown> }).flow) as {
    name: string;
    blocks: Record<string, { label?: string }>;
  };
  theirs.name = 'Support line (renamed)';
  theirs.blocks[startId]!.label = 'Theirs';
  const put = await api.call('PUT', '/api/flows/support-inbound', {
    body: theirs,
    headers: { 'if-match': current.etag ?? '' },
  });
  expect(put.status).toBe(200);

  // I label the same block and move it: asked about that block; mine kept, their rename merged.
  await setLabel(page, startId, 'Mine');
  await moveBlock(page, startId, { x: 60, y: 40 });
  await save(page);
  const dialog = page.getByRole('dialog', { name: 'Save conflict' });
  await expect(dialog.getByRole('group', { name: `Block ${startId}` })).toBeVisible();
  await expect(dialog.getByRole('group')).toHaveCount(1);
  await expect(dialog).toContainText("the flow's name");
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await expect(dialog).toBeHidden();
  await expect(saveState(page)).toHaveText('Saved');
  const onDisk = readDisk(server.flowsDir, 'support-inbound');
  expect(onDisk.name).toBe('Support line (renamed)');
  expect(onDisk.blocks[startId].label).toBe('Mine');
  const original = (current.body as { flow: { layout: Record<string, { x: number; y: number }> } }).flow
    .layout[startId];
  expect(onDisk.layout[startId]).not.toEqual(original);
});

test('a save conflict can also be resolved by taking the saved version', async ({
  openEditor,
  api,
  expectHttpError,
}) => {
  expectHttpError(412);
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
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

  await sidePanelTab(page, 'Properties').click();
  await page.getByRole('region', { name: 'Properties' }).getByLabel('Description (optional)').fill('Mine.');
  await save(page);
  const dialog = page.getByRole('dialog', { name: 'Save conflict' });
  await expect(dialog.getByRole('group', { name: 'Flow description' })).toBeVisible();
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
