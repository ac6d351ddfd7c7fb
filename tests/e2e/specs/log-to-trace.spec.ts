import { readFileSync } from 'node:fs';
import { connect, dropBlock, node, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin adds Log to the contact trace from the palette, and the simulated call shows the line with its values in the transcript and the trace', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Logged line');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const log = await dropBlock(page, 'Log to the contact trace', { x: 160, y: 200 });
  const hangUp = await dropBlock(page, 'Disconnect', { x: 520, y: 200 });
  await connect(page, log, 'success', hangUp);

  await node(page, log).click();
  await sidePanelTab(page, 'Properties').click();
  const properties = page.getByRole('region', { name: 'Properties' });
  // An unknown variable is refused where it is written.
  await properties.getByLabel('Log line').fill('Trial caller {{nobody}}');
  await expect(properties.locator('[data-field="message"]')).toContainText('CF306');
  await properties.getByLabel('Log line').fill('Trial caller {{$callerNumber}} reached the log');
  await expect(properties.locator('[data-field="message"]')).not.toContainText('CF306');

  const simulator = await startBrowserCall(page, { from: '+13125550123', at: '2026-01-05T10:00' });
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript.locator('.sim-line.is-log')).toHaveText(
    /Trial caller \+13125550123 reached the log/,
  );
  await expect(transcript).toContainText('Call ended');

  const download = page.waitForEvent('download');
  await simulator.getByRole('button', { name: 'Download trace' }).click();
  const trace = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(trace.trace.find((e: { block?: string }) => e.block === log)).toMatchObject({
    blockType: 'logToTrace',
    log: 'Trial caller +13125550123 reached the log',
    outcome: 'success',
  });
});
