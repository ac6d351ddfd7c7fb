import { readFileSync } from 'node:fs';
import { node, openFlow, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('simulating a call through the sales menu to the regional office shows the caller ID and its rule', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  // A Monday morning call from Chicago: the sales line is open.
  const simulator = await startBrowserCall(page, { from: '+13125550123', at: '2026-01-05T10:00' });

  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('Northwind');
  await expect(node(page, 'sales-menu')).toHaveAttribute('data-active', 'true');
  await expect(node(page, 'welcome')).toHaveAttribute('data-visited', 'true');

  // The caller presses 3 for the regional office, from the keyboard.
  await simulator.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: 'Key 1' }).focus();
  await page.keyboard.press('3');
  await expect(transcript).toContainText('Pressed 3');
  await expect(node(page, 'regional-office')).toHaveAttribute('data-active', 'true');

  const callerId = simulator.getByRole('region', { name: 'Caller ID' });
  await expect(callerId).toContainText('+13125550111');
  await expect(callerId).toContainText('sameAreaCode');
  await expect(callerId).toContainText('312');
  await expect(transcript).toContainText('Dialling +13125550175, showing caller ID +13125550111');

  // The trace downloads as JSON and tells the same story.
  const download = page.waitForEvent('download');
  await simulator.getByRole('button', { name: 'Download trace' }).click();
  const file = await (await download).path();
  const trace = JSON.parse(readFileSync(file, 'utf8'));
  expect(trace.flowId).toBe('sales-inbound');
  expect(trace.trace.some((e: { callerId?: { rule: string } }) => e.callerId?.rule === 'sameAreaCode')).toBe(
    true,
  );

  await simulator.getByRole('button', { name: 'Hang up', exact: true }).click();
  await expect(simulator.getByRole('status', { name: 'Call status' })).toContainText('Call ended');
  await expect(page.locator('[data-active="true"]')).toHaveCount(0);
});

test('the queued call is offered to an agent with the popover, an ignored offer puts the agent in RONA, and an agent who accepts can hang up', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  const simulator = await startBrowserCall(page, { at: '2026-01-05T10:00' });

  await simulator.getByRole('button', { name: 'Key 1' }).click(); // billing
  // No account number typed: let the clock run until the call is offered to the billing agent.
  const popover = simulator.getByRole('region', { name: /^Popover for / });
  for (let i = 0; i < 6 && (await popover.count()) === 0; i++) {
    await simulator.getByRole('button', { name: 'Next event' }).click();
  }
  await expect(popover).toHaveCount(1);
  await expect(popover).toContainText('Reason for call');
  await expect(popover).toContainText('Billing');
  const agent = ((await popover.getAttribute('aria-label')) ?? '').replace('Popover for ', '');

  await popover.getByRole('button', { name: 'Ignore' }).click();
  await expect(popover).toContainText('Not answered (RONA)');
  const agents = simulator.getByRole('table', { name: 'Simulated agents' });
  await expect(agents.locator('tr[data-state="RONA"]')).toHaveCount(1);
  await expect(simulator.getByRole('log', { name: 'Call transcript' })).toContainText(
    `${agent} did not answer`,
  );

  // Made Available again, the agent is offered the call once more, accepts it, and hangs up: wrap-up.
  await agents.locator('tr[data-state="RONA"]').getByRole('combobox').selectOption('Available');
  await simulator.getByRole('button', { name: `Accept as ${agent}` }).click();
  const onCall = agents.locator('tr[data-state="Busy"]');
  await expect(onCall).toHaveCount(1);
  await onCall.getByRole('button', { name: /^Hang up as / }).click();
  await expect(agents.locator('tr[data-state="WrapUp"]')).toHaveCount(1);
  await expect(agents.getByRole('button', { name: /^Hang up as / })).toHaveCount(0);
  await expect(simulator.getByRole('status', { name: 'Call status' })).toContainText('agent hung up');
});

test('a call on Sunday night takes the after-hours path, and the clock runs the menu out', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByLabel(/^Call time/).fill('2026-01-04T23:00');
  await simulator.getByRole('button', { name: 'Start call' }).click();

  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  // The after-hours module speaks with the department filled in, while its block stays highlighted here.
  await expect(transcript).toContainText('Thank you for calling Northwind sales. We are closed right now.');
  await expect(node(page, 'check-hours')).toHaveAttribute('data-visited', 'true');
  await expect(node(page, 'after-hours')).toHaveAttribute('data-active', 'true');
  await expect(node(page, 'sales-menu')).not.toHaveAttribute('data-visited', 'true');

  // Nobody presses a key: the clock moves to the menu's timeout, which repeats the question.
  const clock = simulator.getByRole('status', { name: 'Simulated time' });
  const before = await clock.innerText();
  await simulator.getByRole('button', { name: 'Next event' }).click();
  await expect(clock).not.toHaveText(before);
  // Ten minutes later the menu has given up, the module has returned and the flow has said goodbye.
  await simulator.getByRole('button', { name: 'Advance the clock 10 min' }).click();
  await expect(simulator.getByRole('status', { name: 'Call status' })).toContainText('Call ended');
  await expect(node(page, 'goodbye')).toHaveAttribute('data-visited', 'true');
});
