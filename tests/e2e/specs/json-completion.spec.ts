import type { Page } from '@playwright/test';
import { openFlow, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

async function focusJson(page: Page) {
  await sidePanelTab(page, 'JSON').click();
  const editor = page.getByRole('region', { name: 'JSON' }).getByRole('textbox', { name: 'Editor content' });
  await expect(editor).toBeAttached({ timeout: 30_000 });
  await editor.focus();
}

/**
 * Whether the element is drawn whole: each corner (a few px in) shows the element itself, not
 * something else in front of it or the page behind a clipping panel.
 */
async function drawnWhole(page: Page, selector: string): Promise<{ whole: boolean; rect: DOMRect | null }> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return { whole: false, rect: null };
    const rect = element.getBoundingClientRect();
    const inset = 6;
    const corners: [number, number][] = [
      [rect.left + inset, rect.top + inset],
      [rect.right - inset, rect.top + inset],
      [rect.left + inset, rect.bottom - inset],
      [rect.right - inset, rect.bottom - inset],
    ];
    const whole = corners.every(([x, y]) => {
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return !!hit && element.contains(hit);
    });
    return { whole, rect: rect.toJSON() as DOMRect };
  }, selector);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`the JSON view's completion list is drawn whole, never clipped by the side panel (${viewport.width}x${viewport.height})`, async ({
    openEditor,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openEditor();
    await openFlow(page, 'sales-inbound');
    await focusJson(page);
    // Inside the settings of the first block, where the schema offers the block's setting names.
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ControlOrMeta+F');
    await page.keyboard.insertText('"settings": {');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.suggest-widget.visible');
    await expect(widget).toBeVisible();
    await expect(widget.locator('.monaco-list-row').first()).toBeVisible();
    await expect.poll(async () => (await drawnWhole(page, '.suggest-widget.visible')).whole).toBe(true);
  });
}
