// Unsaved work survives a reload (or a crashed tab): the browser keeps a draft per flow and offers it
// when the flow is opened again; a draft identical to what is stored is never offered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dropBlock, node, openFlow, save, selectBlock, sidePanelTab } from '../harness/editor.ts';
import { type Api, expect, test } from '../harness/test.ts';

const FLOW = 'sales-inbound';
const DRAFT_KEY = `callflow.draft.${FLOW}`;

function readDisk(flowsDir: string) {
  return JSON.parse(readFileSync(join(flowsDir, `${FLOW}.flow.json`), 'utf8'));
}

function saveState(page: Page) {
  return page.getByRole('toolbar', { name: 'Flow' }).locator('.dirty-dot');
}

async function setLabel(page: Page, blockId: string, label: string) {
  await selectBlock(page, blockId);
  await page.getByRole('region', { name: 'Properties' }).getByLabel('Label (optional)').fill(label);
}

/** The draft the page keeps for the flow (parsed), or null. */
function storedDraft(page: Page) {
  return page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as { flow: { blocks: Record<string, { label?: string }> } }) : null;
  }, DRAFT_KEY);
}

const acceptsLeavePrompt = new WeakSet<Page>();

/** Reloads as a crash-and-reopen would: the leave prompt (when there is one) is accepted. */
async function reload(page: Page) {
  if (!acceptsLeavePrompt.has(page)) {
    acceptsLeavePrompt.add(page);
    page.on('dialog', (dialog) => void dialog.accept());
  }
  await page.reload();
}

/** Opens the flow and waits until the designer has said so: a restore offer would be showing by then. */
async function openAndSettle(page: Page) {
  await openFlow(page, FLOW);
  await expect(page.getByRole('status', { name: 'Status' })).toContainText(`Opened ${FLOW}.`);
}

async function saveAndWait(page: Page) {
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/flows/${FLOW}`),
  );
  await save(page);
  expect((await saved).status()).toBe(200);
}

test('an edit survives a reload: restored, then saved, and nothing is offered after the save', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  await setLabel(page, 'welcome', 'Kept across reload');
  await expect
    .poll(async () => (await storedDraft(page))?.flow.blocks.welcome?.label)
    .toBe('Kept across reload');

  await reload(page);
  await openAndSettle(page);
  const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toBeVisible();
  await expect(offer).not.toContainText('changed since');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(node(page, 'welcome')).toContainText('Kept across reload');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  expect(readDisk(server.flowsDir).blocks.welcome.label).toBeUndefined();

  await saveAndWait(page);
  await expect(saveState(page)).toHaveText('Saved');
  expect(readDisk(server.flowsDir).blocks.welcome.label).toBe('Kept across reload');
  await expect.poll(() => storedDraft(page)).toBeNull();

  await reload(page);
  await openAndSettle(page);
  await expect(page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(0);
  await expect(node(page, 'welcome')).toContainText('Kept across reload');
});

test('a draft taken before someone else saved says so, and restoring merges both', async ({
  openEditor,
  api,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  await setLabel(page, 'welcome', 'Mine, from the draft');
  await expect
    .poll(async () => (await storedDraft(page))?.flow.blocks.welcome?.label)
    .toBe('Mine, from the draft');

  // The tab is gone; meanwhile someone saves another block.
  await reload(page);
  await changeOnServer(api, (flow) => {
    flow.blocks['enter-account'].settings.timeoutSeconds = 9;
  });

  await openAndSettle(page);
  const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText('The saved flow has changed since this draft was taken');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('enter-account');
  await expect(node(page, 'welcome')).toContainText('Mine, from the draft');

  await saveAndWait(page);
  const onDisk = readDisk(server.flowsDir);
  expect(onDisk.blocks.welcome.label).toBe('Mine, from the draft');
  expect(onDisk.blocks['enter-account'].settings.timeoutSeconds).toBe(9);
});

test('a discarded draft is gone, and a draft identical to what is stored is never offered', async ({
  openEditor,
  api,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  await setLabel(page, 'welcome', 'Thrown away');
  await expect.poll(async () => (await storedDraft(page))?.flow.blocks.welcome?.label).toBe('Thrown away');
  await reload(page);
  await openAndSettle(page);
  await page
    .getByRole('dialog', { name: 'Restore unsaved work' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await expect(node(page, 'welcome')).not.toContainText('Thrown away');
  await expect(saveState(page)).toHaveText('Saved');
  expect(await storedDraft(page)).toBeNull();
  await reload(page);
  await openAndSettle(page);
  await expect(page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(0);

  // A draft whose content someone else then saved exactly: nothing to restore, so nothing is offered.
  await setLabel(page, 'welcome', 'Saved elsewhere too');
  await expect
    .poll(async () => (await storedDraft(page))?.flow.blocks.welcome?.label)
    .toBe('Saved elsewhere too');
  await reload(page);
  await changeOnServer(api, (flow) => {
    flow.blocks.welcome.label = 'Saved elsewhere too';
  });
  await openAndSettle(page);
  await expect(page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(0);
  expect(await storedDraft(page)).toBeNull();
});

test('a new flow never saved survives a reload: restored from the start screen, then saved', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Claims line');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const prompt = await dropBlock(page, 'Play prompt', { x: 160, y: 160 });
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('callflow.draft.claims-line') !== null))
    .toBe(true);

  await reload(page);
  const drafts = page.getByRole('region', { name: 'Unsaved drafts in this browser' });
  await drafts.getByRole('button', { name: 'Restore claims-line' }).click();
  await expect(node(page, prompt)).toBeVisible();
  await expect(saveState(page)).toHaveText('Unsaved changes');
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/claims-line'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'claims-line.flow.json'), 'utf8'));
  expect(Object.keys(onDisk.blocks)).toEqual([prompt]);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('callflow.draft.claims-line'))).toBeNull();
});

test('JSON text not applied yet survives a reload too, and still blocks the save', async ({ openEditor }) => {
  const page = await openEditor();
  await openFlow(page, FLOW);
  await sidePanelTab(page, 'JSON').click();
  const json = page.getByRole('region', { name: 'JSON' });
  const editor = json.getByRole('textbox', { name: 'Editor content' });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('x');
  await expect(json.getByRole('alert')).toContainText('Not applied — invalid JSON');
  await expect
    .poll(() =>
      page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? '{}').pending?.json?.text?.slice(0, 2),
        DRAFT_KEY,
      ),
    )
    .toBe('x{');

  await reload(page);
  await openAndSettle(page);
  const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText('not applied yet');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await sidePanelTab(page, 'JSON').click();
  await expect(json.getByRole('alert')).toContainText('Not applied — invalid JSON');
  await expect(json.locator('.view-lines')).toContainText('x{');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Not saved: the JSON view');
});

// biome-ignore lint/suspicious/noExplicitAny: a flow document edited in place by the test
async function changeOnServer(api: Api, change: (flow: any) => void) {
  const current = await api.call('GET', `/api/flows/${FLOW}`);
  const flow = (current.body as { flow: unknown }).flow;
  change(flow);
  const put = await api.call('PUT', `/api/flows/${FLOW}`, {
    body: flow,
    headers: { 'if-match': current.etag ?? '' },
  });
  expect(put.status).toBe(200);
}
