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

test('the harness gives each sample agent a desktop token that acts as that agent only', async ({
  server,
}) => {
  const as = (token: string, path: string) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const alice = server.agentTokens['alice.ng'] ?? '';
  const own = await as(alice, '/api/agents/alice.ng');
  expect(own.status).toBe(200);
  expect(await own.json()).toMatchObject({ name: 'alice.ng', state: 'Offline' });
  const other = await as(alice, '/api/agents/bilal.khan');
  expect(other.status).toBe(403);
  expect(await other.json()).toMatchObject({ code: 'forbidden_agent' });
  expect((await as(alice, '/api/flows')).status).toBe(403);
});
