import { docScreenshot } from '../harness/doc-screenshots.ts';
import { node, openFlow, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test('the browser simulator follows a callback past the hang-up: it waits, an agent made Available takes it, the outbound whisper runs and the customer is dialled with the caller ID explained', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'callback-line');
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  // Nobody is Available when the caller rings: the callback has to wait.
  const agents = simulator.getByRole('table', { name: 'Simulated agents' });
  await expect(agents.getByRole('combobox')).toHaveCount(5);
  for (const select of await agents.getByRole('combobox').all()) await select.selectOption('Offline');
  await expect(agents.locator('tr[data-state="Available"]')).toHaveCount(0);
  const form = simulator.getByRole('form', { name: 'Start a call' });
  await form.getByLabel('Caller number').fill('+13125550123');
  await form.getByLabel(/^Call time/).fill('2026-01-05T10:00');
  await form.getByRole('button', { name: 'Start call' }).click();

  const status = simulator.getByRole('status', { name: 'Call status' });
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  // The flow hung up on the caller; the call goes on as the callback it requested.
  await expect(transcript).toContainText('Call ended: disconnected by the flow');
  await expect(status).toContainText('In call · callback queued');
  await expect(transcript.locator('li[data-leg="callback"]').first()).toContainText(
    'Waiting in queue support',
  );
  await expect(node(page, 'create-callback')).toHaveAttribute('data-active', 'true');
  await expect(node(page, 'hang-up')).toHaveAttribute('data-visited', 'true');

  // Alice becomes Available: the callback is offered to her with its popover.
  await agents.getByLabel('State of Alice Ng').selectOption('Available');
  const popover = simulator.getByRole('region', { name: 'Popover for alice.ng' });
  await expect(popover).toContainText('Callback');
  await expect(popover).toContainText('+13125550123');
  await expect(status).toContainText('callback offered');
  await popover.getByRole('button', { name: 'Accept as alice.ng' }).click();

  // The outbound whisper speaks to her, then the customer is dialled and answers.
  const callbackLines = transcript.locator('li[data-leg="callback"]');
  await expect(callbackLines.filter({ hasText: 'Placing the call to +13125550123.' })).toContainText(
    'To agent',
  );
  for (let i = 0; i < 5 && !(await status.innerText()).includes('callback connected'); i++) {
    await simulator.getByRole('button', { name: 'Next event' }).click();
  }
  await expect(status).toContainText('callback connected');
  await expect(callbackLines.filter({ hasText: 'Dialling +13125550123' })).toContainText(
    'showing caller ID +12125550100',
  );
  await expect(callbackLines.filter({ hasText: 'Connected to agent alice.ng' })).toHaveCount(1);
  const callerId = simulator.getByRole('region', { name: 'Caller ID' });
  const choice = callerId.locator('li[data-leg="callback"]');
  await expect(choice).toContainText('+12125550100');
  await expect(choice).toContainText('for the callback');
  await expect(choice).toContainText('outboundWhisper');
  await expect(choice).toContainText('overrides the queue');
  await expect(node(page, 'create-callback')).toHaveAttribute('data-active', 'true');
  await docScreenshot(page, 'simulator-callback');

  // Alice hangs up: the callback, and with it the simulated call, is over.
  await agents.getByRole('button', { name: 'Hang up as Alice Ng' }).click();
  await expect(status).toContainText('Call ended · callback agent hung up');
  await expect(page.locator('[data-active="true"]')).toHaveCount(0);
});
