import { openFlow } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

/** Everything support-inbound needs at run time (modules, whisper flows, the queues' flows). */
const DEPENDENCIES = [
  'after-hours',
  'agent-whisper',
  'customer-whisper',
  'outbound-whisper',
  'support-queue',
  'verify-caller',
];
const NOTE = 'Support line goes live (with its queue and whisper flows)';

interface FlowItem {
  id: string;
  live: number | null;
}

test('publishes a flow with the drafts it needs from the dialog, in one step, with the note kept on each version', async ({
  api,
  openEditor,
}) => {
  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Publish' }).click();

  const dialog = page.getByRole('dialog', { name: 'Publish' });
  const list = dialog.getByRole('list', { name: 'Published with it' });
  await expect(list.getByRole('listitem')).toHaveCount(DEPENDENCIES.length);
  for (const id of DEPENDENCIES) await expect(list.locator(`li[data-flow="${id}"]`)).toBeVisible();
  await expect(list.locator('li[data-flow="support-queue"]')).toContainText('customer-queue flow of queue');
  await dialog.getByLabel(/^Note/).fill(NOTE);
  // Nothing is live before the admin confirms.
  const before = (await api.call('GET', '/api/flows')).body as FlowItem[];
  expect(before.filter((f) => f.live !== null)).toEqual([]);

  await dialog.getByRole('button', { name: `Publish with ${DEPENDENCIES.length} dependencies` }).click();
  await expect(dialog).toContainText('Published version v1');
  await expect(dialog).toContainText('Published with it:');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // What the dialog said is what the service runs: every listed flow is live, each with the note.
  const after = (await api.call('GET', '/api/flows')).body as FlowItem[];
  const live = Object.fromEntries(after.map((f) => [f.id, f.live]));
  for (const id of ['support-inbound', ...DEPENDENCIES]) {
    expect(live[id], `${id} is live`).toBe(1);
    const versions = (await api.call('GET', `/api/flows/${id}/versions`)).body as { note: string | null }[];
    expect(versions[0]?.note).toBe(NOTE);
  }
  // Flows it does not need stay as they were.
  expect(live['sales-inbound']).toBeNull();

  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions' });
  await expect(versions.getByRole('row', { name: /v1/ })).toContainText(NOTE);
});

test('a dependency with errors publishes nothing, and the dialog names it', async ({
  api,
  openEditor,
  expectHttpError,
}) => {
  const current = await api.call('GET', '/api/flows/agent-whisper');
  const whisper = (current.body as { flow: Record<string, unknown> }).flow;
  const saved = await api.call('PUT', '/api/flows/agent-whisper', {
    body: { ...whisper, start: 'no-such-block' },
    headers: { 'If-Match': current.etag ?? '' },
  });
  expect(saved.status).toBe(200);

  const page = await openEditor();
  await openFlow(page, 'support-inbound');
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  expectHttpError(422);
  await dialog.getByRole('button', { name: /^Publish with \d+ dependencies$/ }).click();
  await expect(dialog).toContainText('Not published (nothing was)');
  await expect(dialog.getByRole('button', { name: /CF200/ })).toContainText('agent-whisper ›');
  const flows = (await api.call('GET', '/api/flows')).body as FlowItem[];
  expect(flows.filter((f) => f.live !== null)).toEqual([]);
});
