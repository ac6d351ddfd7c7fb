// An edit that is on screen but not applied to the flow (JSON that does not parse, a default that is
// too long, a number that is not whole, a block id being typed) blocks the save with a message naming
// where it is, survives a tab switch, and "Saved" is shown only when the screen matches the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { node, openFlow, save, selectBlock, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

const FLOW = 'sales-inbound';

function readDisk(flowsDir: string) {
  return JSON.parse(readFileSync(join(flowsDir, `${FLOW}.flow.json`), 'utf8'));
}

/** The toolbar's save state: "Saved" or "Unsaved changes". */
function saveState(page: Page) {
  return page.getByRole('toolbar', { name: 'Flow' }).locator('.dirty-dot');
}

function status(page: Page) {
  return page.getByRole('status', { name: 'Status' });
}

async function focusJson(page: Page) {
  await sidePanelTab(page, 'JSON').click();
  const editor = page.getByRole('region', { name: 'JSON' }).getByRole('textbox', { name: 'Editor content' });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await editor.focus();
}

/** Saves and waits for the PUT; returns its status. */
async function saveAndWait(page: Page): Promise<number> {
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/flows/${FLOW}`),
  );
  await save(page);
  return (await saved).status();
}

test('invalid JSON text blocks Ctrl+S, survives a tab switch, and saves once fixed', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  const before = readFileSync(join(server.flowsDir, `${FLOW}.flow.json`), 'utf8');
  await focusJson(page);
  const json = page.getByRole('region', { name: 'JSON' });

  // A valid edit is applied to the canvas...
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText('"welcome": {');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('"label": "Greeting",');
  await expect(node(page, 'welcome')).toContainText('Greeting');
  // ...then the text is broken before the first brace.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('x');
  await expect(json.getByRole('alert')).toContainText('Not applied — invalid JSON');
  await expect(saveState(page)).toHaveText('Unsaved changes');

  // Ctrl+S refuses and says where; the file is untouched (not even the last valid version is written).
  await page.keyboard.press('ControlOrMeta+S');
  await expect(status(page)).toContainText('Not saved');
  await expect(status(page)).toContainText('JSON view');
  expect(readFileSync(join(server.flowsDir, `${FLOW}.flow.json`), 'utf8')).toBe(before);

  // The Problems tab lists it; the text is still there after the tab switch.
  await sidePanelTab(page, 'Problems').click();
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('button').first()).toContainText(
    'CF001',
  );
  await sidePanelTab(page, 'JSON').click();
  await expect(json.getByRole('alert')).toContainText('Not applied — invalid JSON');
  await expect(json.locator('.view-lines')).toContainText('x{');
  await expect(saveState(page)).toHaveText('Unsaved changes');

  // Fixed: applied, saved, and the file is what the screen shows.
  await json.getByRole('textbox', { name: 'Editor content' }).focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Delete');
  await expect(json).toContainText('Applied to the canvas');
  expect(await saveAndWait(page)).toBe(200);
  await expect(saveState(page)).toHaveText('Saved');
  expect(readDisk(server.flowsDir).blocks.welcome.label).toBe('Greeting');
});

test('a variable default that is too long blocks the save and stays on screen until fixed', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  await sidePanelTab(page, 'Variables').click();
  const card = page.getByRole('group', { name: 'Variable customerTier' });
  const long = 'g'.repeat(300);
  await card.getByLabel('Default').fill(long);
  await expect(card).toContainText('At most 256 characters');
  await expect(saveState(page)).toHaveText('Unsaved changes');

  await sidePanelTab(page, 'Problems').click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button', { name: /^CF404/ })).toContainText('customerTier');
  await expect(problems).not.toContainText('No problems');

  await page.keyboard.press('ControlOrMeta+S');
  await expect(status(page)).toContainText('Not saved');
  await expect(status(page)).toContainText('Default of variable customerTier');
  expect(readDisk(server.flowsDir).variables.customerTier.default).toBe('standard');

  // A click on the problem goes back to the field, which still holds the text.
  await problems.getByRole('button', { name: /^CF404/ }).click();
  await expect(card.getByLabel('Default')).toHaveValue(long);
  await expect(card.getByLabel('Default')).toBeFocused();

  await card.getByLabel('Default').fill('gold');
  await expect(card).not.toContainText('At most 256 characters');
  expect(await saveAndWait(page)).toBe(200);
  await expect(saveState(page)).toHaveText('Saved');
  expect(readDisk(server.flowsDir).variables.customerTier.default).toBe('gold');
});

test('a number that is not whole and a block id being typed are never saved as something else', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  await selectBlock(page, 'enter-account');
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.locator('#field-timeoutSeconds').fill('7.5');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await properties.locator('#field-timeoutSeconds').press('ControlOrMeta+S');
  await expect(status(page)).toContainText('Not saved');
  await expect(status(page)).toContainText('Timeout of block enter-account');
  expect(readDisk(server.flowsDir).blocks['enter-account'].settings.timeoutSeconds).toBe(7);

  // Another block and back: the text is still there, still not applied.
  await selectBlock(page, 'welcome');
  await selectBlock(page, 'enter-account');
  await expect(properties.locator('#field-timeoutSeconds')).toHaveValue('7.5');
  await properties.locator('#field-timeoutSeconds').fill('9');

  // A block id typed and saved with Ctrl+S without leaving the field: the rename is what gets saved.
  await properties.getByLabel('Block id').fill('account-entry');
  await properties.getByLabel('Block id').press('ControlOrMeta+S');
  await expect(saveState(page)).toHaveText('Saved');
  await expect.poll(() => Object.keys(readDisk(server.flowsDir).blocks)).toContain('account-entry');
  const saved = readDisk(server.flowsDir);
  expect(saved.blocks['enter-account']).toBeUndefined();
  expect(saved.blocks['account-entry'].settings.timeoutSeconds).toBe(9);

  // An id that cannot be used stays in the field and blocks the save.
  await properties.getByLabel('Block id').fill('Not An Id');
  await properties.getByLabel('Block id').press('ControlOrMeta+S');
  await expect(status(page)).toContainText('Not saved');
  await expect(status(page)).toContainText('Block id of account-entry');
  await expect(properties.getByLabel('Block id')).toHaveValue('Not An Id');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  expect(Object.keys(readDisk(server.flowsDir).blocks)).toContain('account-entry');
});

test('a module parameter name and a header name that cannot be used stay in their field and block the save', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, 'verify-caller');
  await sidePanelTab(page, 'Variables').click();
  const inputName = page.getByLabel('Module inputs: accountNumber name');
  await inputName.fill('1bad');
  await inputName.press('ControlOrMeta+S');
  await expect(status(page)).toContainText('Not saved');
  await expect(status(page)).toContainText('Name of module input accountNumber');
  await expect(inputName).toHaveValue('1bad');
  const onDisk = () => JSON.parse(readFileSync(join(server.flowsDir, 'verify-caller.flow.json'), 'utf8'));
  expect(Object.keys(onDisk().module.inputs)).toEqual(['accountNumber']);
  await inputName.press('Escape');
  await expect(inputName).toHaveValue('accountNumber');
  await expect(saveState(page)).toHaveText('Saved');

  // A second header named like the first would replace it: the name stays typed, not applied.
  await openFlow(page, 'support-inbound');
  await selectBlock(page, 'lookup-customer');
  const headers = page.getByRole('region', { name: 'Properties' }).locator('[data-field="headers"]');
  await headers.getByRole('button', { name: 'Add', exact: true }).click();
  await headers.getByLabel('Headers 2 name').fill('Accept');
  await expect(headers.getByLabel('Headers 1 name')).toHaveValue('Accept');
  await expect(headers.getByLabel('Headers 2 name')).toHaveValue('Accept');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(status(page)).toContainText('Not saved');
  await expect(status(page)).toContainText('Headers 2 of block lookup-customer');
  await headers.getByLabel('Headers 2 name').fill('X-Trace');
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/support-inbound'),
  );
  await save(page);
  expect((await saved).status()).toBe(200);
  const support = JSON.parse(readFileSync(join(server.flowsDir, 'support-inbound.flow.json'), 'utf8'));
  expect(Object.keys(support.blocks['lookup-customer'].settings.headers)).toEqual(['Accept', 'X-Trace']);
});

test('renaming a block or a variable keeps the text not applied in its other fields', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  await selectBlock(page, 'enter-account');
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.locator('#field-timeoutSeconds').fill('7.5');
  await properties.getByLabel('Block id').fill('account-entry');
  await properties.getByLabel('Block id').press('Enter');
  await expect(node(page, 'account-entry')).toBeVisible();
  await expect(properties.locator('#field-timeoutSeconds')).toHaveValue('7.5');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(status(page)).toContainText('Timeout of block account-entry');

  await sidePanelTab(page, 'Variables').click();
  const card = page.getByRole('group', { name: 'Variable customerTier' });
  await card.getByLabel('Default').fill('g'.repeat(300));
  await card.getByLabel('Name').fill('tier');
  await card.getByLabel('Name').press('Enter');
  const renamed = page.getByRole('group', { name: 'Variable tier' });
  await expect(renamed.getByLabel('Default')).toHaveValue('g'.repeat(300));
  await page.keyboard.press('ControlOrMeta+S');
  await expect(status(page)).toContainText('2 edits are not applied');
  await expect(status(page)).toContainText('Default of variable tier');
  expect(readDisk(server.flowsDir).blocks['enter-account']).toBeDefined();
});
