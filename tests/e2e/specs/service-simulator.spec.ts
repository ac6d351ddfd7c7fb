import { node, openFlow, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

const PIN = '9041';

/** An inbound flow that does not depend on the time of day: the service runs on the real clock. */
const demoFlow = {
  $schema: '../schemas/flow.schema.json',
  formatVersion: 1,
  id: 'service-demo',
  name: 'Service demo',
  type: 'inbound',
  start: 'welcome',
  variables: {
    pin: { type: 'string', label: 'PIN', secure: true },
    reason: { type: 'string', label: 'Reason for call', agentViewable: true },
    caller: { type: 'string', label: 'Caller', agentViewable: true, default: 'Demo caller' },
    tier: { type: 'string', label: 'Tier', agentViewable: true, default: 'gold' },
  },
  popover: ['reason', 'caller', 'tier'],
  blocks: {
    welcome: {
      type: 'playPrompt',
      settings: { prompt: { text: 'Thanks for calling the demo line.' } },
      next: { success: 'ask-pin', error: 'bye' },
    },
    'ask-pin': {
      type: 'getDigits',
      settings: {
        prompt: { text: 'Enter your PIN, then hash.' },
        variable: 'pin',
        minDigits: 4,
        maxDigits: 4,
        timeoutSeconds: 60,
        terminator: '#',
        retries: 0,
      },
      next: { success: 'read-back', timeout: 'bye', invalid: 'bye', error: 'bye' },
    },
    'read-back': {
      type: 'playPrompt',
      settings: { prompt: { text: 'You entered {{pin}}.' } },
      next: { success: 'menu', error: 'bye' },
    },
    menu: {
      type: 'menu',
      settings: {
        prompt: { text: 'Press 1 for billing.' },
        options: [{ digit: '1' }],
        timeoutSeconds: 60,
        retries: 0,
      },
      next: { '1': 'set-reason', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    },
    'set-reason': {
      type: 'setVariables',
      settings: { assignments: [{ variable: 'reason', value: { value: 'Billing question' } }] },
      next: { success: 'billing-queue', error: 'bye' },
    },
    'billing-queue': {
      type: 'setWorkingQueue',
      settings: { queue: 'billing' },
      next: { success: 'to-queue', error: 'bye' },
    },
    'to-queue': { type: 'transferToQueue', settings: {}, next: { atCapacity: 'bye', error: 'bye' } },
    bye: { type: 'disconnect', settings: {} },
  },
};

test('a call on the service runs the published version: secure keys masked, offered to a service agent who accepts and hangs up', async ({
  api,
  openEditor,
}) => {
  const created = await api.call('PUT', '/api/flows/service-demo', {
    body: demoFlow,
    headers: { 'If-None-Match': '*' },
  });
  expect(created.status).toBe(201);
  // The queue's customer-queue flow runs while the call waits, and a callback would run its outbound
  // whisper: both must be live too, or publishing the flow is refused.
  expect((await api.call('POST', '/api/flows/support-queue/publish')).status).toBe(201);
  expect((await api.call('POST', '/api/flows/outbound-whisper/publish')).status).toBe(201);

  const page = await openEditor();
  await openFlow(page, 'service-demo');
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByRole('radio', { name: 'On the service (live version)' }).check();

  // Not published yet: the service has nothing to run.
  const form = simulator.getByRole('form', { name: 'Start a call' });
  await expect(form.getByRole('alert')).toContainText('Publish this flow first');
  await expect(form.getByRole('button', { name: 'Start call' })).toBeDisabled();
  await expect(form.getByLabel(/^Call time/)).toHaveCount(0);

  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Publish' }).click();
  const published = page.getByRole('dialog', { name: 'Publish' });
  // Everything it needs is live already: the dialog publishes the flow alone.
  await published.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(published).toContainText('Published version v1');
  await published.getByRole('button', { name: 'Close' }).click();
  await expect(simulator).toContainText('Runs version 1, the live version');

  // The billing agent signs in on the service.
  const agents = simulator.getByRole('table', { name: 'Simulated agents' });
  await agents.getByLabel('State of Bilal Khan').selectOption('Available');
  await expect(agents.locator('tr[data-state="Available"]')).toHaveCount(1);

  await form.getByRole('button', { name: 'Start call' }).click();
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  await expect(transcript).toContainText('Thanks for calling the demo line.');
  await expect(node(page, 'ask-pin')).toHaveAttribute('data-active', 'true');
  await expect(node(page, 'welcome')).toHaveAttribute('data-visited', 'true');

  const keypad = simulator.getByRole('group', { name: 'Keypad' });
  // Four keys complete the PIN (its maximum length): no # needed.
  for (const key of PIN) await keypad.getByRole('button', { name: `Key ${key}` }).click();
  await expect(transcript).toContainText('You entered •••.');
  await expect(transcript).toContainText('Pressed •••');
  await expect(node(page, 'menu')).toHaveAttribute('data-active', 'true');
  await expect(simulator).not.toContainText(PIN);

  await keypad.getByRole('button', { name: 'Key 1' }).click();
  const popover = simulator.getByRole('region', { name: 'Popover for bilal.khan' });
  await expect(popover).toContainText('Billing question');
  await expect(popover).toContainText('Demo caller');
  await popover.getByRole('button', { name: 'Accept as bilal.khan' }).click();
  await expect(transcript).toContainText('Connected to agent bilal.khan');
  await expect(popover).toContainText('Accepted');

  await simulator.getByRole('button', { name: 'Hang up as Bilal Khan' }).click();
  await expect(simulator.getByRole('status', { name: 'Call status' })).toContainText('Call ended');
  await expect(agents.locator('tr[data-state="WrapUp"]')).toHaveCount(1);
  await expect(page.locator('[data-active="true"]')).toHaveCount(0);
});
