import { openFlow, selectBlock, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

const CHICAGO = 'regional office (3): the Chicago office sees the Chicago sales number (same area code)';

test('a test file saved elsewhere shows in the open Tests tab at once', async ({ api, openEditor }) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  await sidePanelTab(page, 'Tests').click();
  const tests = page.getByRole('region', { name: 'Tests' });
  await expect(tests.getByRole('list', { name: 'Scenarios in sales-inbound.test.json' })).toBeVisible();

  const document = {
    $schema: '../schemas/flow-test.schema.json',
    formatVersion: 1,
    flow: 'sales-inbound',
    scenarios: [
      {
        name: 'a caller who hangs up at once',
        call: { from: '+12025550143', to: '+18005550199', at: '2026-03-09T15:00:00Z' },
        caller: [{ hangUp: true }],
        expect: { end: 'callerHungUp' },
      },
    ],
  };
  const created = await api.call('PUT', '/api/flows/sales-inbound/tests/sales-smoke.test.json', {
    body: document,
    headers: { 'If-None-Match': '*' },
  });
  expect(created.status).toBe(201);
  const added = tests.getByRole('list', { name: 'Scenarios in sales-smoke.test.json' });
  await expect(added.getByRole('listitem', { name: 'Scenario a caller who hangs up at once' })).toBeVisible();
  await added.getByRole('button', { name: 'Run a caller who hangs up at once' }).click();
  await expect(added.getByRole('listitem')).toHaveAttribute('data-result', 'passed');
});

test("the Tests tab runs the flow's scenario tests against the unsaved draft: an edit that breaks one shows before saving", async ({
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'sales-inbound');
  await sidePanelTab(page, 'Tests').click();
  // Every tab is in sight in the side panel at 1280 × 800 (the row wraps), and the page never scrolls sideways.
  const widths = await page.evaluate(() => {
    const tabs = document.querySelector('[role="tablist"][aria-label="Panels"]') as HTMLElement;
    return { page: document.documentElement.scrollWidth, tabs: tabs.scrollWidth, shown: tabs.clientWidth };
  });
  expect(widths.page).toBe(1280);
  expect(widths.tabs).toBeLessThanOrEqual(widths.shown);
  const tests = page.getByRole('region', { name: 'Tests' });
  const scenarios = tests.getByRole('list', { name: 'Scenarios in sales-inbound.test.json' });
  await expect(scenarios.getByRole('listitem', { name: `Scenario ${CHICAGO}` })).toHaveAttribute(
    'data-result',
    'not-run',
  );
  const count = await scenarios.locator(':scope > li').count();
  expect(count).toBeGreaterThan(5);

  await tests.getByRole('button', { name: 'Run all tests' }).click();
  const summary = tests.getByRole('status', { name: 'Test results' });
  await expect(summary).toHaveText(`${count} passed, 0 failed`);
  await expect(scenarios.locator('li[data-result="passed"]')).toHaveCount(count);

  // The regional office moves to San Francisco: not saved, the Chicago scenario fails at once.
  await selectBlock(page, 'regional-office');
  const number = page
    .getByRole('region', { name: 'Properties' })
    .getByLabel('Number to dial', { exact: true });
  await number.fill('+14155550175');
  await number.blur();
  await sidePanelTab(page, 'Tests').click();
  await expect(summary).toContainText('the flow was edited since');
  await tests.getByRole('button', { name: `Run ${CHICAGO}` }).click();
  const chicago = scenarios.getByRole('listitem', { name: `Scenario ${CHICAGO}` });
  await expect(chicago).toHaveAttribute('data-result', 'failed');
  await expect(chicago).toContainText('+13125550175');
  await expect(summary).toContainText(`${count - 1} passed, 1 failed`);

  // Nothing was saved: the server's draft is unchanged, the status line says the edit is unsaved.
  await expect(page.getByRole('status', { name: 'Status' })).toContainText(/unsaved/i);
});
