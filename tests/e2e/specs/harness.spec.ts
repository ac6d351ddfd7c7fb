import { expect, test } from '../harness/test.ts';

test('the server serves the designer, which takes the start-up token and hides it from the address bar', async ({
  openEditor,
}) => {
  const page = await openEditor();
  await expect(page.getByRole('toolbar', { name: 'Flow' })).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);
  // The token now sits in the session: the flow list came from the authenticated API.
  await expect(
    page.getByRole('combobox', { name: 'Open flow' }).locator('option[value="sales-inbound"]'),
  ).toHaveCount(1);
});
