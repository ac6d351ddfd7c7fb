import type { Page } from '@playwright/test';
import { docScreenshot } from '../harness/doc-screenshots.ts';
import { openFlow, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

async function focusJson(page: Page) {
  await sidePanelTab(page, 'JSON').click();
  const editor = page.getByRole('region', { name: 'JSON' }).getByRole('textbox', { name: 'Editor content' });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await editor.focus();
}

test("hovering a nested block-setting key in the JSON view shows the setting's description", async ({
  openEditor,
  page,
}) => {
  await openEditor();
  await openFlow(page, 'sales-inbound');
  await focusJson(page);
  // The menu's first option: `digit` sits two levels inside the block's settings (options[0].digit).
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText('"digit": "1"');
  await page.keyboard.press('Escape');
  const json = page.getByRole('region', { name: 'JSON' });
  const key = json.locator('.view-line span', { hasText: /^"digit"$/ }).first();
  await expect(key).toBeVisible();
  await key.hover();
  await expect(page.locator('.monaco-hover').filter({ visible: true })).toContainText(
    "Key of this option: 0-9, * or #; also the outcome's name.",
  );
  await docScreenshot(page, 'json-hover');
});
