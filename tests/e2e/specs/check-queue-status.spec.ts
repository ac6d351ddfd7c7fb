import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, dropBlock, node, save, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin adds Check queue status from the palette, names the queue and a figure, and the simulated call branches on it', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Staffing check');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const check = await dropBlock(page, 'Check queue status', { x: 120, y: 200 });
  const staffed = await dropBlock(page, 'Play prompt', { x: 520, y: 80 });
  const nobody = await dropBlock(page, 'Play prompt', { x: 520, y: 360 });

  // A named queue, and the default rule turned into "staffed when one of its agents is available".
  await node(page, check).click();
  await sidePanelTab(page, 'Properties').click();
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.getByLabel('Queue (empty: the working queue)').selectOption('sales');
  const rule = properties.getByRole('group', { name: /^Rule 1/ });
  await rule.getByLabel('Outcome', { exact: true }).fill('staffed');
  await rule.getByLabel('Label', { exact: true }).fill('');
  await rule.getByLabel('Condition 1 variable').fill('agentsAvailable');
  await rule.getByLabel('Condition 1 operator').selectOption({ label: 'is greater than' });
  await expect(properties).not.toContainText('CF306');

  await connect(page, check, 'staffed', staffed);
  await connect(page, check, 'noMatch', nobody);
  for (const [id, words] of [
    [staffed, 'Connecting you to sales.'],
    [nobody, 'Sales has nobody on shift.'],
  ] as const) {
    await node(page, id).click();
    await properties.getByLabel('Prompt text').fill(words);
  }

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/staffing-check'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'staffing-check.flow.json'), 'utf8'));
  expect(onDisk.start).toBe(check);
  expect(onDisk.blocks[check]).toEqual({
    type: 'checkQueueStatus',
    settings: {
      queue: 'sales',
      rules: [
        {
          outcome: 'staffed',
          when: { variable: 'agentsAvailable', operator: 'greaterThan', value: { value: 0 } },
        },
      ],
    },
    next: { staffed, noMatch: nobody },
  });

  // Every agent starts Available in the simulator: sales has one, the call takes "staffed".
  const simulator = await startBrowserCall(page, { at: '2026-01-05T10:00' });
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('Connecting you to sales.');
  await expect(transcript).not.toContainText('Sales has nobody on shift.');
  await expect(node(page, staffed)).toHaveAttribute('data-visited', 'true');
  await expect(node(page, nobody)).not.toHaveAttribute('data-visited', 'true');
});
