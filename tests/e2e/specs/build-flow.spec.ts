import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, dropBlock, node, openFlow, save, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('a new admin builds a flow from an empty canvas, fixes what validation reports, saves and finds it again', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Claims line');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  // Two blocks dragged from the palette onto the empty canvas.
  const welcome = await dropBlock(page, 'Play prompt', { x: 160, y: 160 });
  const hangUp = await dropBlock(page, 'Disconnect', { x: 520, y: 200 });
  await expect(node(page, welcome)).toHaveAttribute('data-start', 'true');

  // Validation says the prompt's outcomes lead nowhere.
  await sidePanelTab(page, 'Problems').click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button').filter({ hasText: /^CF202/ })).toHaveCount(2);
  await expect(page.getByTestId(`handle-${welcome}-success`)).toHaveAttribute('data-unwired', 'true');

  // Wiring both outcomes to the hang-up block fixes it.
  await connect(page, welcome, 'success', hangUp);
  await expect(problems.getByRole('button').filter({ hasText: /^CF202/ })).toHaveCount(1);
  await connect(page, welcome, 'error', hangUp);
  await expect(problems.getByRole('button').filter({ hasText: /^CF202/ })).toHaveCount(0);

  // The prompt's words.
  await node(page, welcome).click();
  await sidePanelTab(page, 'Properties').click();
  await page
    .getByRole('region', { name: 'Properties' })
    .getByLabel('Prompt text')
    .fill('Thanks for calling Claims.');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/claims-line'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const file = join(server.flowsDir, 'claims-line.flow.json');
  const onDisk = JSON.parse(readFileSync(file, 'utf8'));
  expect(onDisk).toMatchObject({
    id: 'claims-line',
    name: 'Claims line',
    type: 'inbound',
    start: welcome,
    blocks: {
      [welcome]: {
        type: 'playPrompt',
        settings: { prompt: { text: 'Thanks for calling Claims.' } },
        next: { success: hangUp, error: hangUp },
      },
      [hangUp]: { type: 'disconnect' },
    },
  });
  const text = readFileSync(file, 'utf8');

  // After a reload the flow is as it was left, and saving it again changes nothing.
  await page.reload();
  await openFlow(page, 'claims-line');
  await expect(node(page, welcome)).toBeVisible();
  await expect(node(page, hangUp)).toBeVisible();
  await expect(page.getByTestId(`handle-${welcome}-success`)).not.toHaveAttribute('data-unwired', 'true');
  await node(page, welcome).click();
  await sidePanelTab(page, 'Properties').click();
  await expect(page.getByRole('region', { name: 'Properties' }).getByLabel('Prompt text')).toHaveValue(
    'Thanks for calling Claims.',
  );
  const again = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/claims-line'),
  );
  await save(page);
  expect((await again).ok()).toBe(true);
  expect(readFileSync(file, 'utf8')).toBe(text);
});
