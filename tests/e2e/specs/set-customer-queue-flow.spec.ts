import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, dropBlock, node, save, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin picks a customer-queue flow with Set customer queue flow, and the simulated caller hears it in the queue instead of the queue’s own', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  const newFlow = async (name: string, type?: string) => {
    await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByLabel('Name').fill(name);
    if (type) await dialog.getByLabel('Type').selectOption(type);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
  };
  const properties = page.getByRole('region', { name: 'Properties' });

  // The customer-queue flow VIP callers should hear.
  await newFlow('VIP hold', 'customer-queue');
  const welcome = await dropBlock(page, 'Play prompt', { x: 160, y: 200 });
  await node(page, welcome).click();
  await sidePanelTab(page, 'Properties').click();
  await properties.getByLabel('Prompt text').fill('A specialist will be with you shortly.');
  const holdSaved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/vip-hold'),
  );
  await save(page);
  expect((await holdSaved).ok()).toBe(true);

  await newFlow('Gold line');
  const choose = await dropBlock(page, 'Set customer queue flow', { x: 120, y: 200 });
  const queue = await dropBlock(page, 'Set working queue', { x: 460, y: 80 });
  const transfer = await dropBlock(page, 'Transfer to queue', { x: 460, y: 340 });
  await connect(page, choose, 'success', queue);
  await connect(page, queue, 'success', transfer);
  await node(page, choose).click();
  const picker = properties.getByLabel('Customer queue flow');
  // Only customer-queue flows are offered: the inbound samples are not.
  await expect(picker.locator('option', { hasText: 'vip-hold' })).toHaveCount(1);
  await expect(picker.locator('option', { hasText: 'sales-inbound' })).toHaveCount(0);
  await picker.selectOption('vip-hold');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/gold-line'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'gold-line.flow.json'), 'utf8'));
  expect(onDisk.blocks[choose]).toEqual({
    type: 'setCustomerQueueFlow',
    settings: { flow: 'vip-hold' },
    next: { success: queue },
  });

  // Every agent busy elsewhere: the caller waits in support, whose own flow would give the place in line.
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  for (const agent of await simulator.getByRole('combobox', { name: /^State of / }).all())
    await agent.selectOption('Offline');
  await startBrowserCall(page, { at: '2026-01-05T10:00' });
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('A specialist will be with you shortly.');
  await expect(transcript).not.toContainText('in the queue.');
});
