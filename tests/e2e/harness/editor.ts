import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a flow from the toolbar's flow picker and waits for its start block on the canvas. */
export async function openFlow(page: Page, flowId: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Open flow' });
  await expect(picker.locator(`option[value="${flowId}"]`)).toHaveCount(1);
  await picker.selectOption(flowId);
  // The previous flow stays on screen until the new one has loaded: wait for this one.
  await expect(canvas(page)).toHaveAttribute('data-flow-id', flowId);
  await expect(page.locator('[data-start="true"]')).toBeVisible();
  await expect(
    page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Save', exact: true }),
  ).toBeEnabled();
}

export function canvas(page: Page): Locator {
  return page.getByRole('region', { name: 'Canvas' });
}

export function node(page: Page, blockId: string): Locator {
  return page.getByTestId(`node-${blockId}`);
}

/** Ids of the blocks on the canvas, in document order. */
export async function blockIds(page: Page): Promise<string[]> {
  const testIds = await canvas(page)
    .locator('[data-testid^="node-"]:not([data-testid^="node-problems-"])')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
  return testIds.map((id) => id.slice('node-'.length));
}

/**
 * Moves the mouse from one point to another in small steps, button held: React Flow ignores the first
 * pixel of a drag, and a single jump is not a drag to it.
 */
export async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  }
  await page.mouse.up();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a block type from the palette onto the canvas at `at` (canvas-relative pixels) and returns the
 * id the designer gave the new block.
 */
export async function dropBlock(page: Page, title: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set(await blockIds(page));
  await page
    .getByRole('region', { name: 'Palette' })
    .getByRole('button', { name: `Add block ${title}`, exact: true })
    .dragTo(canvas(page), { targetPosition: at });
  await expect.poll(async () => (await blockIds(page)).length).toBe(before.size + 1);
  const added = (await blockIds(page)).find((id) => !before.has(id));
  if (!added) throw new Error(`no block was added for ${title}`);
  return added;
}

/** Wires `outcome` of block `from` to block `to` by dragging from the outcome handle to the target handle. */
export async function connect(page: Page, from: string, outcome: string, to: string): Promise<void> {
  const source = page.getByTestId(`handle-${from}-${outcome}`);
  const target = page.getByTestId(`handle-${to}-in`);
  await dragBetween(page, await centre(source), await centre(target));
  await expect(source).not.toHaveAttribute('data-unwired', 'true');
}

/** Moves a block on the canvas by a few grid steps (a layout-only change). */
export async function moveBlock(page: Page, blockId: string, by: { x: number; y: number }): Promise<void> {
  const header = node(page, blockId).locator('header');
  const from = await centre(header);
  await dragBetween(page, from, { x: from.x + by.x, y: from.y + by.y });
}

export function sidePanelTab(
  page: Page,
  name: 'Properties' | 'Variables' | 'Problems' | 'JSON' | 'Simulator' | 'Tests',
) {
  return page.getByRole('tab', { name, exact: true });
}

/** Saves with the toolbar button and waits for the designer to say so. */
export async function save(page: Page): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Flow' })
    .getByRole('button', { name: 'Save', exact: true })
    .click();
}

/** Selects a block through Find block (Ctrl+F): in a sample flow, blocks may sit close together. */
export async function selectBlock(page: Page, blockId: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find block' }).fill(blockId);
  await page.getByRole('searchbox', { name: 'Find block' }).press('Enter');
  await sidePanelTab(page, 'Properties').click();
  await expect(page.getByRole('region', { name: 'Properties' }).getByLabel('Block id')).toHaveValue(blockId);
}

/**
 * Opens the Simulator tab and places a call in the browser (the draft on the virtual clock): from
 * `from` when given, at local time `at` ("YYYY-MM-DDTHH:MM" in the business hours' zone). Returns the panel.
 */
export async function startBrowserCall(page: Page, call: { at: string; from?: string }): Promise<Locator> {
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  const form = simulator.getByRole('form', { name: 'Start a call' });
  if (call.from) await form.getByLabel('Caller number').fill(call.from);
  await form.getByLabel(/^Call time/).fill(call.at);
  await form.getByRole('button', { name: 'Start call' }).click();
  return simulator;
}
