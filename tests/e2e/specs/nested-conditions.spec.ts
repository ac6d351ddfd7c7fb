import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFlow, save, selectBlock } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('an admin builds a nested condition (a negated any group inside all) in the form and saves it', async ({
  openEditor,
  server,
}) => {
  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  await selectBlock(page, 'route-by-reason');
  const rule = page.getByRole('region', { name: 'Properties' }).getByRole('group', { name: /^Rule 1/ });

  // Next to the existing comparison, a group: the two become "all of" and the group joins by "any".
  await rule.getByRole('button', { name: 'Add group', exact: true }).click();
  await expect(rule.getByLabel('Take this outcome when', { exact: true })).toHaveValue('all');
  await expect(rule.getByLabel('Group 2 holds when')).toHaveValue('any');

  await rule.getByLabel('Condition 2.1 variable').fill('$callerNumber');
  await rule.getByLabel('Condition 2.1 operator').selectOption({ label: 'starts with' });
  await rule.getByLabel('Condition 2.1 value', { exact: true }).fill('+44');

  // Everything works from the keyboard: Enter on a button, Space on a checkbox.
  await rule.getByRole('button', { name: 'Add condition to group 2' }).press('Enter');
  await expect(rule.getByLabel('Condition 2.2 variable')).toBeFocused();
  await page.keyboard.type('callReason');
  await rule.getByLabel('Condition 2.2 operator').selectOption({ label: 'is empty' });
  await expect(rule.getByLabel('Condition 2.2 value', { exact: true })).toHaveCount(0);
  await rule.getByRole('checkbox', { name: 'Negate condition 2.2' }).press('Space');
  await expect(rule.getByRole('checkbox', { name: 'Negate condition 2.2' })).toBeChecked();

  // A third comparison added and removed again leaves nothing behind.
  await rule.getByRole('button', { name: 'Add condition to group 2' }).click();
  await expect(rule.getByLabel('Condition 2.3 variable')).toBeFocused();
  await rule.getByRole('button', { name: 'Remove condition 2.3' }).press('Enter');
  await expect(rule.getByRole('group', { name: 'Condition 2.3' })).toHaveCount(0);
  await expect(rule.getByLabel('Condition 2.2 variable')).toBeFocused();

  // The whole group negated, then switched to "all" and back to "any".
  await rule.getByRole('checkbox', { name: 'Negate group 2' }).check();
  await rule.getByLabel('Group 2 holds when').selectOption('all');
  await rule.getByLabel('Group 2 holds when').selectOption('any');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/flows/support-inbound'),
  );
  await save(page);
  expect((await saved).ok()).toBe(true);
  const onDisk = JSON.parse(readFileSync(join(server.flowsDir, 'support-inbound.flow.json'), 'utf8'));
  expect(onDisk.blocks['route-by-reason'].settings.rules[0].when).toEqual({
    all: [
      { variable: 'callReason', operator: 'equals', value: { value: 'Billing' } },
      {
        not: {
          any: [
            { variable: '$callerNumber', operator: 'startsWith', value: { value: '+44' } },
            { not: { variable: 'callReason', operator: 'isEmpty' } },
          ],
        },
      },
    ],
  });

  // Loaded again, the form shows the same tree.
  await page.reload();
  await openFlow(page, 'support-inbound');
  await selectBlock(page, 'route-by-reason');
  const again = page.getByRole('region', { name: 'Properties' }).getByRole('group', { name: /^Rule 1/ });
  await expect(again.getByRole('checkbox', { name: 'Negate group 2' })).toBeChecked();
  await expect(again.getByLabel('Condition 2.1 variable')).toHaveValue('$callerNumber');
  await expect(again.getByRole('checkbox', { name: 'Negate condition 2.2' })).toBeChecked();
});
