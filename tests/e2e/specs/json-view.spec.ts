import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { node, openFlow, save, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

/** Opens the JSON tab and focuses Monaco (loaded on demand, the first time the tab opens). */
async function focusJson(page: Page) {
  await sidePanelTab(page, 'JSON').click();
  const editor = page.getByRole('region', { name: 'JSON' }).getByRole('textbox', { name: 'Editor content' });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await editor.focus();
}

test('an edit in the JSON view shows on the canvas, and saves', async ({ openEditor, server }) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  await expect(node(page, 'welcome')).not.toContainText('Greeting');
  await focusJson(page);

  // The admin finds the first block in the text (typing in the find box selects the first match after
  // the cursor) and gives it a display name.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText('"welcome": {');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('"label": "Greeting",');

  await expect(node(page, 'welcome')).toContainText('Greeting');
  await expect(page.getByRole('region', { name: 'JSON' })).toContainText('Applied to the canvas');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/sales-inbound'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'sales-inbound.flow.json'), 'utf8'));
  expect(onDisk.blocks.welcome.label).toBe('Greeting');
});

test('text that is not valid JSON is reported and the canvas keeps the last valid flow', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  await focusJson(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{ "id": "sales-inbound", ');

  await expect(page.getByRole('region', { name: 'JSON' }).getByRole('alert')).toContainText(
    'Not applied — invalid JSON',
  );
  await expect(node(page, 'welcome')).toBeVisible();
  await expect(node(page, 'sales-menu')).toBeVisible();
});
