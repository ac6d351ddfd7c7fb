import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  connect,
  dropBlock,
  node,
  openFlow,
  save,
  sidePanelTab,
  startBrowserCall,
} from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin texts the caller with Send a message, and the simulated call shows the message sent with the caller’s number and values filled in', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill('Text line');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const text = await dropBlock(page, 'Send a message', { x: 120, y: 200 });
  const bye = await dropBlock(page, 'Disconnect', { x: 460, y: 200 });
  await connect(page, text, 'sent', bye);
  await connect(page, text, 'failed', bye);

  await node(page, text).click();
  await sidePanelTab(page, 'Properties').click();
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.getByLabel('Message').fill('Thanks for calling from {{$callerNumber}}.');
  await expect(node(page, text)).toContainText('to $callerNumber: "Thanks for calling from');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/text-line'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'text-line.flow.json'), 'utf8'));
  expect(onDisk.blocks[text]).toEqual({
    type: 'sendMessage',
    settings: { to: { variable: '$callerNumber' }, message: 'Thanks for calling from {{$callerNumber}}.' },
    next: { sent: bye, failed: bye },
  });

  const simulator = await startBrowserCall(page, { at: '2026-01-05T10:00', from: '+12015550177' });
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('Text message to +12015550177');
  await expect(transcript).toContainText('"Thanks for calling from +12015550177."');
  await expect(transcript).toContainText('The text message was sent');
});

test('a text message naming a secure variable is refused at design time with CF608, on the field', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  const text = await dropBlock(page, 'Send a message', { x: 40, y: 40 });
  await node(page, text).click();
  await sidePanelTab(page, 'Properties').click();
  const properties = page.getByRole('region', { name: 'Properties' });
  await properties.getByLabel('Message').fill('Card ending {{cardLastFour}} is on file.');
  await expect(properties).toContainText('CF608: Block');
  await expect(properties).toContainText('"cardLastFour"');
  await properties.getByLabel('Message').fill('We will call you back shortly.');
  await expect(properties).not.toContainText('CF608: Block');
});
