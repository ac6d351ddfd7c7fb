import { openFlow, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('the Tests tab reports coverage, shades untested outcomes and adds a scenario skeleton along the shortest path', async ({
  api,
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  await sidePanelTab(page, 'Tests').click();
  const tests = page.getByRole('region', { name: 'Tests' });
  await expect(tests.getByRole('list', { name: 'Scenarios in sales-inbound.test.json' })).toBeVisible();
  // Nothing is shaded before a run.
  await expect(page.locator('.block-node-outcomes li[data-tested]')).toHaveCount(0);

  await tests.getByRole('button', { name: 'Run all tests' }).click();
  const coverage = tests.getByRole('region', { name: 'Coverage' });
  await expect(coverage.getByRole('status', { name: 'Coverage summary' })).toHaveText(
    '14/20 blocks, 18/47 outcomes exercised',
  );

  // On the canvas: an outcome the scenarios took is not shaded, one none took is.
  const outcomeOf = (block: string, outcome: string) =>
    page.getByTestId(`node-${block}`).locator('li', { has: page.getByTestId(`handle-${block}-${outcome}`) });
  await expect(outcomeOf('welcome', 'success')).toHaveAttribute('data-tested', 'true');
  await expect(outcomeOf('check-hours', 'error')).toHaveAttribute('data-tested', 'false');
  await expect(outcomeOf('check-hours', 'error')).toHaveClass(/is-untested/);
  const shade = await outcomeOf('check-hours', 'error').evaluate(
    (li) => getComputedStyle(li).backgroundImage,
  );
  expect(shade).toContain('repeating-linear-gradient');

  // The shortest path to a block no scenario entered, found on the compiled machine.
  const untested = coverage.getByRole('listitem', { name: 'Untested block set-callback-number' });
  await expect(untested.getByLabel('Shortest path to set-callback-number')).toHaveText(
    'welcome →success→ check-hours →inHours→ sales-menu →timeout→ queue-sales →error→ set-callback-number',
  );

  // Its skeleton becomes a scenario of the flow's test file, on the server.
  await untested.getByRole('button', { name: 'Add a scenario reaching set-callback-number' }).click();
  await expect(coverage.getByRole('status', { name: 'Coverage scenario' })).toContainText(
    'Scenario "reaches set-callback-number" added to sales-inbound.test.json',
  );
  const scenarios = tests.getByRole('list', { name: 'Scenarios in sales-inbound.test.json' });
  await expect(
    scenarios.getByRole('listitem', { name: 'Scenario reaches set-callback-number' }),
  ).toBeVisible();
  const stored = await api.call('GET', '/api/flows/sales-inbound/tests');
  const { files } = stored.body as {
    files: { file: string; test: { scenarios: { name: string; expect: unknown }[] } }[];
  };
  const added = files
    .find((f) => f.file === 'sales-inbound.test.json')
    ?.test.scenarios.find((s) => s.name === 'reaches set-callback-number');
  expect(added?.expect).toEqual({ visits: ['set-callback-number'] });
});
