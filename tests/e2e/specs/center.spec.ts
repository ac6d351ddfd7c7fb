// The Center area: resources.json edited from the browser with forms, checked live with the codes
// `callflow validate` uses, saved canonically (git sees only the intended change) with undo and redo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { commitFlows, committed, gitDiff } from '../harness/git-flows.ts';
import { expect, test } from '../harness/test.ts';

function readResources(flowsDir: string) {
  return JSON.parse(readFileSync(join(flowsDir, 'resources.json'), 'utf8'));
}

async function openCenter(page: Page) {
  await page.getByRole('navigation', { name: 'Area' }).getByRole('button', { name: 'Center' }).click();
  await expect(page.getByRole('navigation', { name: 'Resources' })).toBeVisible();
}

function center(page: Page) {
  return page.getByRole('toolbar', { name: 'Center' });
}

async function addEntry(page: Page, kindTitle: string, one: string, name: string) {
  const section = page
    .getByRole('navigation', { name: 'Resources' })
    .getByRole('region', { name: kindTitle });
  await section.getByRole('button', { name: `+ New ${one}` }).click();
  await section.getByRole('textbox', { name: `Name of the new ${one}` }).fill(name);
  await section.getByRole('button', { name: `Add ${one}` }).click();
  await expect(page.getByRole('region', { name: 'Resource' }).getByRole('heading')).toContainText(name);
}

async function saveCenter(page: Page) {
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/resources'),
  );
  await center(page).getByRole('button', { name: 'Save', exact: true }).click();
  return (await saved).status();
}

test('saving the resources with no change leaves git with nothing to commit', async ({
  openEditor,
  server,
}) => {
  commitFlows(server.flowsDir);
  const page = await openEditor();
  await openCenter(page);
  await expect(
    page.getByRole('region', { name: 'Queues' }).getByRole('button', { name: 'sales', exact: true }),
  ).toBeVisible();
  expect(await saveCenter(page)).toBe(200);
  await expect(center(page)).toContainText('Saved');
  expect(gitDiff(server.flowsDir)).toBe('');
});

test('a new number is cleaned and checked like a dial number, shows its area, and is saved in E.164', async ({
  openEditor,
  server,
}) => {
  commitFlows(server.flowsDir);
  const page = await openEditor();
  await openCenter(page);
  await addEntry(page, 'Numbers', 'number', 'boston');
  const form = page.getByRole('region', { name: 'Resource' });
  // Required and still empty: the same problem `callflow validate` would report, with its code.
  await expect(form.locator('[data-field="entry-number"] .field-problems')).toContainText('CF106');
  await expect(page.getByRole('complementary', { name: 'Resource problems' })).toContainText(
    'CF106 /numbers/boston/number',
  );

  await form.getByLabel('Number').fill('(617) 555-0199 ext');
  await expect(form.getByLabel('Number')).toHaveValue('6175550199');
  await expect(form.locator('#entry-number-feedback')).toContainText(
    'characters that cannot be dialled were removed',
  );
  await form.getByLabel('Display name').click();
  await expect(form.getByLabel('Number')).toHaveValue('+16175550199');
  await expect(form.getByTestId('number-area')).toHaveText('Area code 617 (US)');
  await form.getByLabel('Display name').fill('Boston office');
  await form.getByRole('group', { name: 'Agent groups' }).getByLabel('sales-agents · Sales agents').check();
  await expect(page.getByRole('complementary', { name: 'Resource problems' })).toContainText('No problems.');

  expect(await saveCenter(page)).toBe(200);
  const expected = JSON.parse(committed(server.flowsDir, 'resources.json'));
  expected.numbers.boston = {
    number: '+16175550199',
    displayName: 'Boston office',
    groups: ['sales-agents'],
  };
  expect(readResources(server.flowsDir)).toEqual(expected);
  expect(gitDiff(server.flowsDir, '--name-only').trim()).toBe('resources.json');

  // A number that is not one: refused with the dial-number words, and nothing stored while it is wrong.
  await form.getByLabel('Number').fill('+1555');
  await expect(form.locator('#entry-number-feedback')).toHaveClass(/field-error/);
});

test('rename, delete, undo and redo of entries; a taken name is refused with a code', async ({
  openEditor,
  server,
}) => {
  commitFlows(server.flowsDir);
  const page = await openEditor();
  await openCenter(page);
  const list = page.getByRole('navigation', { name: 'Resources' });
  const form = page.getByRole('region', { name: 'Resource' });
  await list
    .getByRole('region', { name: 'Agent groups' })
    .getByRole('button', { name: 'billing-agents' })
    .click();
  await form.getByLabel('Name', { exact: true }).fill('support-agents');
  await form.getByRole('button', { name: 'Rename' }).click();
  await expect(form.getByRole('alert')).toContainText('CF001');
  await form.getByLabel('Name', { exact: true }).fill('bad name');
  await form.getByRole('button', { name: 'Rename' }).click();
  await expect(form.getByRole('alert')).toContainText('CF106');
  await form.getByLabel('Name', { exact: true }).fill('accounts-agents');
  await form.getByRole('button', { name: 'Rename' }).click();
  await expect(list.getByRole('button', { name: 'accounts-agents' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'billing-agents' })).toHaveCount(0);

  await center(page).getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('button', { name: 'billing-agents' })).toBeVisible();
  await center(page).getByRole('button', { name: 'Redo' }).click();
  await expect(list.getByRole('button', { name: 'accounts-agents' })).toBeVisible();

  await list
    .getByRole('region', { name: 'Prompts' })
    .getByRole('button', { name: 'goodbye', exact: true })
    .click();
  await form.getByRole('button', { name: 'Delete prompt' }).click();
  await expect(list.getByRole('button', { name: 'goodbye', exact: true })).toHaveCount(0);
  expect(await saveCenter(page)).toBe(200);

  const expected = JSON.parse(committed(server.flowsDir, 'resources.json'));
  expected.agentGroups['accounts-agents'] = expected.agentGroups['billing-agents'];
  delete expected.agentGroups['billing-agents'];
  delete expected.prompts.goodbye;
  expect(readResources(server.flowsDir)).toEqual(expected);

  // Reloaded, the designer shows what is stored.
  await page.reload();
  await openCenter(page);
  await expect(list.getByRole('button', { name: 'accounts-agents' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'goodbye', exact: true })).toHaveCount(0);
});
