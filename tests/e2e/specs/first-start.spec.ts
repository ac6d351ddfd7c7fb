import { openFlow, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

// `npm start` on an empty data directory: the service publishes the sample flows on its first start.
// Its clock starts on a Monday morning in New York so that support is open (the samples check hours),
// and the CRM look-up fails at once instead of reaching out (it takes its error path, as written).
test.use({
  serverOptions: {
    firstStart: true,
    env: { CALLFLOW_SIM_CLOCK_START: '2026-01-05T15:00:00Z', CALLFLOW_HTTP_REQUESTS: 'off' },
  },
});

test('a fresh data directory: the designer says the samples are live, and a call on the service reaches a billing agent with no other step', async ({
  api,
  openEditor,
  server,
}) => {
  expect(server.output()).toContain('First start of this data directory: published');

  const page = await openEditor();
  const notice = page.getByRole('status', { name: 'First start' });
  await expect(notice).toContainText('published');
  await expect(notice).toContainText('support-inbound');
  // What the notice says is what the service holds.
  const flows = (await api.call('GET', '/api/flows')).body as { id: string; live: number | null }[];
  expect(flows.find((f) => f.id === 'support-inbound')?.live).toBe(1);

  await openFlow(page, 'support-inbound');
  await sidePanelTab(page, 'Simulator').click();
  const simulator = page.getByRole('region', { name: 'Simulator' });
  await simulator.getByRole('radio', { name: 'On the service (live version)' }).check();
  await expect(simulator).toContainText('Runs version 1, the live version');

  const agents = simulator.getByRole('table', { name: 'Simulated agents' });
  await agents.getByLabel('State of Bilal Khan').selectOption('Available');
  await expect(agents.locator('tr[data-state="Available"]')).toHaveCount(1);

  const form = simulator.getByRole('form', { name: 'Start a call' });
  await form.getByRole('button', { name: 'Start call' }).click();
  const transcript = simulator.getByRole('log', { name: 'Call transcript' });
  const keypad = simulator.getByRole('group', { name: 'Keypad' });
  // Main menu: 1 for billing; then an account number and #.
  await expect(transcript).toContainText(/press 1/i);
  await keypad.getByRole('button', { name: 'Key 1' }).click();
  await expect(transcript).toContainText(/account number/i);
  for (const key of '12345678#') await keypad.getByRole('button', { name: `Key ${key}` }).click();

  // The billing queue offers the call to the billing agent, who takes it.
  const popover = simulator.getByRole('region', { name: 'Popover for bilal.khan' });
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: 'Accept as bilal.khan' }).click();
  await expect(transcript).toContainText('Connected to agent bilal.khan');
});
