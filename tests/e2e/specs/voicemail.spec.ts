import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, dropBlock, node, save, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin adds Voicemail, the simulated caller leaves a message, and the callback it becomes is offered with the voicemail in its popover', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Message line');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const queue = await dropBlock(page, 'Set working queue', { x: 120, y: 200 });
  const message = await dropBlock(page, 'Voicemail', { x: 460, y: 80 });
  const thanks = await dropBlock(page, 'Play prompt', { x: 460, y: 340 });
  await connect(page, queue, 'success', message);
  await connect(page, message, 'recorded', thanks);

  await node(page, message).click();
  await sidePanelTab(page, 'Properties').click();
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.getByLabel('Longest message').fill('45');
  await properties.getByLabel('Finish key').selectOption('*');
  await node(page, thanks).click();
  await properties.getByLabel('Prompt text').fill('Thank you, we will call you back.');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/message-line'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'message-line.flow.json'), 'utf8'));
  expect(onDisk.blocks[message]).toMatchObject({
    type: 'voicemail',
    settings: { maxLengthSeconds: 45, finishKey: '*', silenceTimeoutSeconds: 5 },
    next: { recorded: thanks },
  });

  const simulator = await startBrowserCall(page, { from: '+13125550123', at: '2026-01-05T10:00' });
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('Please leave your name and number after the tone');
  const leave = simulator.getByRole('button', { name: 'Leave a 10 s message' });
  // The prompt has played (prompts play to their end on their own): the block records the caller now.
  await expect(leave).toBeEnabled();
  await leave.click();
  await expect(transcript).toContainText('Thank you, we will call you back.');
  await expect(leave).toBeDisabled();

  // The message is a callback request: an Available agent is offered it, the voicemail in the popover.
  const popover = simulator.getByRole('region', { name: /^Popover for / });
  await expect(popover).toContainText('Callback');
  await expect(popover).toContainText(/Voicemailsimulator:\/\/voicemail\/.+ \(10 s\)/);
});
