import { canvas, node, openFlow } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('the Uses tab lists who uses a flow (each block opens its flow at the block) and what it needs, with a picture', async ({
  api,
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'after-hours');
  await page.getByRole('tab', { name: 'Uses' }).click();
  const panel = page.getByRole('tabpanel');
  const usedBy = panel.getByRole('list', { name: 'Uses' });
  // Both inbound flows invoke it as a module, from their block "after-hours".
  await expect(usedBy.locator('li[data-file="sales-inbound.flow.json"]')).toContainText('module');
  await expect(usedBy.locator('li[data-file="support-inbound.flow.json"]')).toHaveCount(1);
  const picture = panel.getByRole('img', { name: 'Dependency graph' });
  await expect(picture.locator('[data-node="flow:after-hours"]')).toContainText('not published');
  await expect(picture.locator('[data-node="flow:support-inbound"]')).toBeVisible();
  await expect(picture.locator('[data-edge="flow:support-inbound->flow:after-hours"]')).toHaveCount(1);

  await usedBy.getByRole('button', { name: /Support inbound › after-hours/ }).click();
  await expect(canvas(page)).toHaveAttribute('data-flow-id', 'support-inbound');
  await expect(node(page, 'after-hours')).toHaveClass(/is-selected/);
  await expect(page.getByRole('tab', { name: 'Properties' })).toHaveAttribute('aria-selected', 'true');

  // support-inbound needs its queues' flows and modules; their state is the service's.
  await page.getByRole('tab', { name: 'Uses' }).click();
  const needs = panel.getByRole('list', { name: 'Dependencies' });
  await expect(needs.locator('li[data-flow="support-queue"]')).toContainText('not published');
  await expect(needs.locator('li[data-flow="support-queue"]')).toContainText('customer-queue flow of queue');
  await expect(needs.locator('li[data-flow="verify-caller"]')).toContainText('module');
  const published = await api.call('POST', '/api/flows/support-queue/publish', { body: {} });
  expect(published.status).toBe(201);
  await expect(needs.locator('li[data-flow="support-queue"]')).toContainText('live v1');
  await expect(picture.locator('[data-node="flow:support-queue"]')).toContainText('live v1');
  // A box in the picture opens its flow.
  await picture.locator('[data-node="flow:verify-caller"]').click();
  await expect(canvas(page)).toHaveAttribute('data-flow-id', 'verify-caller');
});
