import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, dropBlock, node, save, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin gives callers a routing priority and queue-time credit with Set routing priority, and the simulated agent’s popover shows them', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Gold line');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const route = await dropBlock(page, 'Set routing priority', { x: 120, y: 200 });
  const queue = await dropBlock(page, 'Set working queue', { x: 460, y: 80 });
  const transfer = await dropBlock(page, 'Transfer to queue', { x: 460, y: 340 });
  await connect(page, route, 'success', queue);
  await connect(page, queue, 'success', transfer);

  await node(page, route).click();
  await sidePanelTab(page, 'Properties').click();
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.getByLabel('Priority (0-100)').fill('20');
  await properties.getByLabel('Queue time credit').fill('90');
  await expect(node(page, route)).toContainText('priority 20, +90 s in queue');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/gold-line'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'gold-line.flow.json'), 'utf8'));
  expect(onDisk.blocks[route]).toEqual({
    type: 'setRoutingPriority',
    settings: { priority: 20, addQueueSeconds: 90 },
    next: { success: queue },
  });

  // Every simulated agent starts Available: the call is offered at once, with its queue data.
  const simulator = await startBrowserCall(page, { at: '2026-01-05T10:00' });
  const popover = simulator.getByRole('region', { name: /^Popover for / });
  await expect(popover).toContainText('Routing priority20');
  await expect(popover).toContainText('Time in queue90 s (90 s credited)');
});
