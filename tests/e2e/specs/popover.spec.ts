import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { openFlow, save, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

const terms = (list: Locator) => list.locator('dt').allInnerTexts();

test('reordering the popover variables changes the preview, the saved file and what the agent is offered', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  await sidePanelTab(page, 'Variables').click();
  const popover = page.getByRole('region', { name: 'Agent popover' });
  const preview = popover.getByRole('figure', { name: 'Popover preview' });
  await expect
    .poll(() => terms(preview))
    .toEqual(['Reason for call', 'Account number', 'Tier', 'Caller verified']);

  await popover.getByRole('button', { name: 'Move customerTier up' }).click();
  await expect
    .poll(() => terms(preview))
    .toEqual(['Reason for call', 'Tier', 'Account number', 'Caller verified']);

  // A simulated call to the sales queue shows the agent the same order.
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByLabel(/^Call time/).fill('2026-01-05T10:00');
  await simulator.getByRole('button', { name: 'Start call' }).click();
  await simulator.getByRole('button', { name: 'Key 1' }).click(); // new customer, to the sales queue
  const offered = simulator.getByRole('region', { name: /^Popover for / });
  for (let i = 0; i < 6 && (await offered.count()) === 0; i++) {
    await simulator.getByRole('button', { name: 'Next event' }).click();
  }
  await expect(offered).toHaveCount(1);
  await expect
    .poll(() => terms(offered))
    .toEqual(['Reason for call', 'Tier', 'Account number', 'Caller verified']);
  await expect(offered.locator('dd').first()).toHaveText('New customer');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/sales-inbound'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'sales-inbound.flow.json'), 'utf8'));
  expect(onDisk.popover).toEqual(['callReason', 'customerTier', 'accountNumber', 'verified']);
});
