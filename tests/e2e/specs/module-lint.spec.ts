import { openFlow, sidePanelTab } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

test('a module that starts requiring an input makes its callers show a parameter mismatch while editing', async ({
  openEditor,
  api,
}) => {
  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  await sidePanelTab(page, 'Problems').click();
  const mismatches = page
    .getByRole('region', { name: 'Problems' })
    .getByRole('button')
    .filter({ hasText: /^CF308/ });
  await expect(mismatches).toHaveCount(0);

  // Someone else gives the verify-caller module a new required input and saves it.
  const current = await api.call('GET', '/api/flows/verify-caller');
  const module = (current.body as { flow: Record<string, unknown> }).flow;
  const iface = module.module as { inputs: Record<string, unknown> };
  iface.inputs.birthDate = { type: 'string', required: true };
  const saved = await api.call('PUT', '/api/flows/verify-caller', {
    body: module,
    headers: { 'if-match': current.etag ?? '' },
  });
  expect(saved.status).toBe(200);

  // The open flow invokes it without that input: the designer says so without a reload.
  await expect(mismatches).toHaveCount(1);
  await expect(mismatches).toContainText('birthDate');
});
