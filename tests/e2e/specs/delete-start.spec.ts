import { node, openFlow, save, selectBlock, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

/** welcome (the start) -> next-step -> bye: deleting welcome must not make next-step the start. */
const flow = {
  $schema: '../schemas/flow.schema.json',
  formatVersion: 1,
  id: 'start-demo',
  name: 'Start demo',
  type: 'inbound',
  start: 'welcome',
  blocks: {
    welcome: {
      type: 'playPrompt',
      settings: { prompt: { text: 'Welcome.' } },
      next: { success: 'next-step', error: 'bye' },
    },
    'next-step': {
      type: 'playPrompt',
      settings: { prompt: { text: 'Next.' } },
      next: { success: 'bye', error: 'bye' },
    },
    bye: { type: 'disconnect', settings: {} },
  },
  layout: { welcome: { x: 0, y: 0 }, 'next-step': { x: 0, y: 200 }, bye: { x: 0, y: 400 } },
};

test('deleting the start block asks first; once deleted no block is promoted and publishing is refused', async ({
  api,
  openEditor,
  expectHttpError,
}) => {
  expect(
    (await api.call('PUT', '/api/flows/start-demo', { body: flow, headers: { 'If-None-Match': '*' } }))
      .status,
  ).toBe(201);
  const page = await openEditor();
  await openFlow(page, 'start-demo');
  await expect(node(page, 'welcome')).toHaveAttribute('data-start', 'true');

  // The Delete key on the start block asks; "Keep it" deletes nothing.
  await node(page, 'welcome').click();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('dialog', { name: 'Delete the start block?' });
  await expect(ask).toContainText('welcome');
  await ask.getByRole('button', { name: 'Keep it' }).click();
  await expect(ask).toHaveCount(0);
  await expect(node(page, 'welcome')).toHaveCount(1);
  await expect(page.getByRole('toolbar', { name: 'Flow' })).toBeVisible();

  // Another block deletes without a question.
  await node(page, 'bye').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'bye')).toHaveCount(0);
  await expect(ask).toHaveCount(0);

  // The Properties button asks too; confirmed, the start goes and nothing takes its place.
  await selectBlock(page, 'welcome');
  await page
    .getByRole('region', { name: 'Properties' })
    .getByRole('button', { name: 'Delete block' })
    .click();
  await ask.getByRole('button', { name: 'Delete the start block' }).click();
  await expect(node(page, 'welcome')).toHaveCount(0);
  await expect(node(page, 'next-step')).toHaveCount(1);
  await expect(page.locator('[data-start="true"]')).toHaveCount(0);
  await sidePanelTab(page, 'Problems').click();
  await expect(
    page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button')
      .filter({ hasText: /^CF200/ }),
  ).toHaveCount(1);

  await save(page);
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  const stored = (await api.call('GET', '/api/flows/start-demo')).body as {
    flow: { start: string; blocks: Record<string, unknown> };
  };
  expect(stored.flow.start).toBe('welcome');
  expect(Object.keys(stored.flow.blocks).sort()).toEqual(['next-step']);

  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Publish' }).click();
  const publish = page.getByRole('dialog', { name: 'Publish' });
  expectHttpError(422);
  await publish.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(publish).toContainText('Not published');
  await expect(publish.getByRole('button', { name: /CF200/ })).toBeVisible();
  const versions = (await api.call('GET', '/api/flows/start-demo/versions')).body as unknown[];
  expect(versions).toEqual([]);
});
