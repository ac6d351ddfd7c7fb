import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { blockIds, canvas, dragBetween, node, openFlow, save, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

const FLOW_ID = 'large-thousand-blocks';
const COLUMNS = 25;
/** A block far from the start, with an outcome left unwired (a problem to click on). */
const FAR = 'step-950';

/** A valid inbound flow of 1,000 blocks on a 25-column grid: a chain of prompts ending in one hang-up. */
function largeFlow(count = 1000) {
  const id = (i: number) => (i === count - 1 ? 'hang-up' : `step-${i}`);
  const blocks: Record<string, unknown> = {};
  const layout: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < count; i++) {
    const next: Record<string, string> = { success: id(i + 1), error: 'hang-up' };
    if (id(i) === FAR) delete next.success;
    blocks[id(i)] =
      i === count - 1
        ? { type: 'disconnect', settings: {} }
        : { type: 'playPrompt', settings: { prompt: { text: `Step ${i}.` } }, next };
    layout[id(i)] = { x: (i % COLUMNS) * 280, y: Math.floor(i / COLUMNS) * 180 };
  }
  return {
    $schema: '../schemas/flow.schema.json',
    formatVersion: 1,
    id: FLOW_ID,
    name: 'A thousand blocks',
    type: 'inbound',
    start: 'step-0',
    blocks,
    layout,
  };
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** The block lies wholly inside the canvas. */
async function expectInCanvas(page: Page, blockId: string) {
  const pane = await box(canvas(page));
  const block = await box(node(page, blockId));
  expect(block.x, `${blockId} left`).toBeGreaterThanOrEqual(pane.x);
  expect(block.y, `${blockId} top`).toBeGreaterThanOrEqual(pane.y);
  expect(block.x + block.width, `${blockId} right`).toBeLessThanOrEqual(pane.x + pane.width);
  expect(block.y + block.height, `${blockId} bottom`).toBeLessThanOrEqual(pane.y + pane.height);
}

test.beforeEach(({ server }) => {
  writeFileSync(join(server.flowsDir, `${FLOW_ID}.flow.json`), `${JSON.stringify(largeFlow(), null, 2)}\n`);
});

test('a 1,000-block flow opens fitted whole, every block on the canvas and in the mini map', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW_ID);
  await expectInCanvas(page, 'step-0');
  await expectInCanvas(page, 'hang-up');
  expect(await blockIds(page)).toHaveLength(1000);
  // A large flow's mini map draws every block in one path (React Flow's would keep a subscription per block).
  const miniMap = page.getByRole('img', { name: 'Mini map' });
  await expect(miniMap).toHaveAttribute('data-blocks', '1000');
  await expect(miniMap.locator('path')).toHaveAttribute('d', /^M/);
  // Zoomed this far out, blocks show their names; their wires are drawn, and the problem is marked.
  await expect(node(page, 'step-0')).toContainText('step-0');
  await expect(page.getByTestId('overview-edges').locator('path')).toHaveAttribute('d', /^M/);
  await expect(node(page, FAR)).toHaveClass(/has-errors/);
  // A click on its far corner brings that part of the flow into view.
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const map = await miniMap.boundingBox();
  if (!map) throw new Error('the mini map is not on screen');
  await page.mouse.click(map.x + map.width - 8, map.y + map.height - 8);
  await expect(viewport).not.toHaveAttribute('style', before ?? '');
});

test('finding a block far from the start brings it into view, readable and wired', async ({ openEditor }) => {
  const page = await openEditor();
  await openFlow(page, FLOW_ID);
  await page.getByRole('searchbox', { name: 'Find block' }).fill('step-990');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Block id' })).toHaveValue('step-990');
  await expect(page.getByTestId('handle-step-990-success')).toBeVisible();
  await expectInCanvas(page, 'step-990');
  // Its error wire runs to the hang-up, out of view: the wire is still drawn.
  await expect(page.getByTestId('rf__edge-step-990::error')).toHaveCount(1);
});

test('a problem on a block far away, clicked in the Problems panel, brings the block into view', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW_ID);
  await sidePanelTab(page, 'Problems').click();
  await page
    .getByRole('region', { name: 'Problems' })
    .getByRole('button', { name: new RegExp(FAR) })
    .first()
    .click();
  await expect(page.getByRole('textbox', { name: 'Block id' })).toHaveValue(FAR);
  await expect(page.getByTestId(`handle-${FAR}-error`)).toBeVisible();
  await expectInCanvas(page, FAR);
});

test('a block dragged while the whole flow is in view moves, and is saved at its new place', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, FLOW_ID);
  const before = await box(node(page, 'step-512'));
  const from = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
  await dragBetween(page, from, { x: from.x + 60, y: from.y + 40 });
  await expect.poll(async () => (await box(node(page, 'step-512'))).x).toBeGreaterThan(before.x + 40);
  await save(page);
  await expect(page.getByText('Draft saved')).toBeVisible();
  const saved = JSON.parse(readFileSync(join(server.flowsDir, `${FLOW_ID}.flow.json`), 'utf8'));
  const moved = saved.layout['step-512'];
  expect(moved.x).toBeGreaterThan((512 % COLUMNS) * 280 + 200);
  expect(moved.y).toBeGreaterThan(Math.floor(512 / COLUMNS) * 180 + 100);
});
