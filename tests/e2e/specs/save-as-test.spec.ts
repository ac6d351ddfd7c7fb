import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFlow, sidePanelTab, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

const NAME = 'recorded: a Chicago caller reaches the regional office';

test('a simulated call saved as a test lands in the flow test file and passes in the Tests tab', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  const simulator = await startBrowserCall(page, { from: '+13125550123', at: '2026-01-05T10:00' });
  await simulator.getByRole('button', { name: 'Key 3' }).click();
  // The regional office rings: let the virtual clock run until it answers and the call is handed over.
  const status = simulator.getByRole('status', { name: 'Call status' });
  await expect(status).toContainText('at regional-office');
  for (let i = 0; i < 5 && !(await status.textContent())?.includes('Call ended'); i++) {
    await simulator.getByRole('button', { name: 'Next event' }).click();
  }
  await expect(status).toContainText('Call ended');

  const save = simulator.getByRole('form', { name: 'Save as test' });
  await expect(save.getByLabel('Scenario name')).toHaveValue(/pressed 3/);
  await save.getByLabel('Scenario name').fill(NAME);
  await save.getByRole('button', { name: 'Save as test' }).click();
  await expect(save.getByRole('status', { name: 'Saved test' })).toHaveText(
    /Added to sales-inbound\.test\.json\./,
  );

  // On disk, in canonical form, beside the scenarios that were there.
  const text = readFileSync(join(server.flowsDir, 'sales-inbound.test.json'), 'utf8');
  const file = JSON.parse(text);
  const recorded = file.scenarios.find((s: { name: string }) => s.name === NAME);
  expect(recorded.caller).toEqual([{ press: '3' }]);
  expect(recorded.expect.transfer).toMatchObject({ to: '+13125550175', callerId: '+13125550111' });
  expect(text.endsWith('}\n')).toBe(true);

  // The Tests tab lists it and it passes.
  await sidePanelTab(page, 'Tests').click();
  const tests = page.getByRole('region', { name: 'Tests' });
  const row = tests.getByRole('listitem', { name: `Scenario ${NAME}` });
  await expect(row).toHaveAttribute('data-result', 'not-run');
  await row.getByRole('button', { name: `Run ${NAME}` }).click();
  await expect(row).toHaveAttribute('data-result', 'passed');

  // The same name twice is refused, and nothing is written.
  await sidePanelTab(page, 'Simulator').click();
  await save.getByLabel('Scenario name').fill(NAME);
  await save.getByRole('button', { name: 'Save as test' }).click();
  await expect(save.getByRole('status', { name: 'Saved test' })).toContainText(
    'already has a scenario named',
  );
  expect(readFileSync(join(server.flowsDir, 'sales-inbound.test.json'), 'utf8')).toBe(text);
});
