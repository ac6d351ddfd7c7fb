import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, dropBlock, node, save, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin adds Distribute by percentage from the palette, sets the shares, and the simulated call takes the share', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Greeting trial');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const split = await dropBlock(page, 'Distribute by percentage', { x: 120, y: 200 });
  const trial = await dropBlock(page, 'Play prompt', { x: 520, y: 80 });
  const usual = await dropBlock(page, 'Play prompt', { x: 520, y: 360 });

  // The shares: the first renamed "trial" and given 0%, which lint refuses until the total is 100.
  await node(page, split).click();
  await sidePanelTab(page, 'Properties').click();
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.getByLabel('Share 1 outcome').fill('trial');
  await properties.getByLabel('Share 1 percent').fill('0');
  await expect(properties).toContainText('Total: 50% (must be 100%)');
  await expect(properties.locator('[data-field="shares"]')).toContainText('CF210');
  await properties.getByLabel('Share 2 outcome').fill('usual');
  await properties.getByLabel('Share 2 percent').fill('100');
  await expect(properties).toContainText('Total: 100%');
  await expect(properties.locator('[data-field="shares"]')).not.toContainText('CF210');

  // Each share is an outcome of the block, wired like a menu's options.
  await connect(page, split, 'trial', trial);
  await connect(page, split, 'usual', usual);
  for (const [id, words] of [
    [trial, 'You hear the short greeting.'],
    [usual, 'You hear the usual greeting.'],
  ] as const) {
    await node(page, id).click();
    await properties.getByLabel('Prompt text').fill(words);
  }

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/greeting-trial'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'greeting-trial.flow.json'), 'utf8'));
  expect(onDisk.start).toBe(split);
  expect(onDisk.blocks[split]).toEqual({
    type: 'distributeByPercentage',
    settings: {
      shares: [
        { outcome: 'trial', percent: 0 },
        { outcome: 'usual', percent: 100 },
      ],
    },
    next: { trial, usual },
  });

  // The simulated call takes the 100% share.
  const simulator = await startBrowserCall(page, { at: '2026-01-05T10:00' });
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('You hear the usual greeting.');
  await expect(transcript).not.toContainText('short greeting');
  await expect(node(page, usual)).toHaveAttribute('data-visited', 'true');
  await expect(node(page, trial)).not.toHaveAttribute('data-visited', 'true');
});
