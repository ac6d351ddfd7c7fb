// Safe renames and deletions from the Center area: a rename reaches every flow and test that names the
// entry (previewed, written together), a deletion lists the users and asks, and every entry shows
// where it is used, each block a link into the flow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { canvas, node, openFlow } from '../harness/editor.ts';
import { commitFlows, gitDiff } from '../harness/git-flows.ts';
import { expect, test } from '../harness/test.ts';

async function openCenter(page: Page) {
  await page.getByRole('navigation', { name: 'Area' }).getByRole('button', { name: 'Center' }).click();
  await expect(page.getByRole('navigation', { name: 'Resources' })).toBeVisible();
}

async function showEntry(page: Page, kindTitle: string, name: string) {
  await page
    .getByRole('navigation', { name: 'Resources' })
    .getByRole('region', { name: kindTitle })
    .getByRole('button', { name, exact: true })
    .click();
  await expect(page.getByRole('region', { name: 'Resource' }).getByRole('heading')).toContainText(name);
}

interface Usage {
  file: string;
  path: string;
}

test('renaming a queue previews and rewrites every flow and test naming it: git diff is exactly the name', async ({
  api,
  openEditor,
  server,
}) => {
  commitFlows(server.flowsDir);
  const uses = ((await api.call('GET', '/api/resources/queue/support/usages')).body as { usages: Usage[] })
    .usages;
  const files = [...new Set(['resources.json', ...uses.map((u) => u.file)])].sort();
  expect(files).toEqual(expect.arrayContaining(['support-inbound.flow.json', 'callback-line.flow.json']));

  const page = await openEditor();
  await openCenter(page);
  await showEntry(page, 'Queues', 'support');
  const form = page.getByRole('region', { name: 'Resource' });
  const usedBy = form.getByRole('region', { name: 'Used by' });
  await expect(usedBy.getByRole('listitem')).toHaveCount(uses.length);
  await form.getByLabel('Name', { exact: true }).fill('tech-support');
  await form.getByRole('button', { name: 'Rename' }).click();

  const dialog = page.getByRole('dialog', { name: 'Rename queue support' });
  const changes = dialog.getByRole('list', { name: 'Files the rename changes' });
  await expect(changes.locator(':scope > li')).toHaveCount(files.length);
  await expect(changes.locator('li[data-file="support-inbound.flow.json"] .diff-added')).toContainText(
    '"queue": "tech-support"',
  );
  await expect(changes.locator('li[data-file="support-inbound.flow.json"] .diff-removed')).toContainText(
    '"queue": "support"',
  );
  // Nothing is written before the admin confirms.
  expect(gitDiff(server.flowsDir)).toBe('');
  await dialog.getByRole('button', { name: `Rename in ${files.length} files` }).click();
  await expect(dialog).toHaveCount(0);
  await expect(form.getByRole('heading')).toContainText('tech-support');

  // On disk: those files changed, and each changed line is the name, nothing else.
  expect(gitDiff(server.flowsDir, '--name-only').trim().split('\n').sort()).toEqual(files);
  const changed = gitDiff(server.flowsDir, '-U0')
    .split('\n')
    .filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+)/.test(l));
  const removed = changed.filter((l) => l.startsWith('-')).map((l) => l.slice(1).trim());
  const added = changed.filter((l) => l.startsWith('+')).map((l) => l.slice(1).trim());
  expect(added.sort()).toEqual(removed.map((l) => l.replace('"support"', '"tech-support"')).sort());
  expect(removed.every((l) => l.includes('"support"'))).toBe(true);

  // The flows follow: support-inbound names the new queue, and opens with no unknown-queue problem.
  const flow = (await api.call('GET', '/api/flows/support-inbound')).body as {
    flow: { blocks: Record<string, { settings: { queue?: string } }> };
  };
  expect(flow.flow.blocks['queue-support']?.settings.queue).toBe('tech-support');
  await page.getByRole('navigation', { name: 'Area' }).getByRole('button', { name: 'Flows' }).click();
  await openFlow(page, 'support-inbound');
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page.getByRole('tabpanel')).not.toContainText('CF300');

  // Reloaded, everything is as stored.
  await page.reload();
  await openCenter(page);
  const queues = page.getByRole('navigation', { name: 'Resources' }).getByRole('region', { name: 'Queues' });
  await expect(queues.getByRole('button', { name: 'tech-support', exact: true })).toBeVisible();
  await expect(queues.getByRole('button', { name: 'support', exact: true })).toHaveCount(0);
});

test('deleting a used number lists its users and deletes nothing on cancel; a used prompt confirmed and saved, the flows using it show the problem', async ({
  openEditor,
  server,
}) => {
  commitFlows(server.flowsDir);
  const page = await openEditor();
  await openCenter(page);
  await showEntry(page, 'Numbers', 'main');
  const form = page.getByRole('region', { name: 'Resource' });
  await form.getByRole('button', { name: 'Delete number' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete number main' });
  const users = dialog.getByRole('list', { name: 'Uses' });
  await expect(users.locator('li[data-file="after-hours.flow.json"]')).toBeVisible();
  await expect(users.locator('li[data-file="outbound-whisper.flow.json"]')).toBeVisible();
  await expect(users.locator('li[data-path="/account/principalNumber"]')).toContainText('Account settings');
  await expect(dialog.getByRole('alert')).toContainText('is used in');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  const numbers = page
    .getByRole('navigation', { name: 'Resources' })
    .getByRole('region', { name: 'Numbers' });
  await expect(numbers.getByRole('button', { name: 'main', exact: true })).toBeVisible();
  await page
    .getByRole('toolbar', { name: 'Center' })
    .getByRole('button', { name: 'Save', exact: true })
    .click();
  await expect(page.getByRole('toolbar', { name: 'Center' })).toContainText('Saved');
  expect(gitDiff(server.flowsDir)).toBe('');

  // Confirmed: a prompt the flows use (the resources file itself must stay consistent to be saved, so
  // the number, which other entries name, cannot be; the save would be refused with their problems).
  await showEntry(page, 'Prompts', 'goodbye');
  await form.getByRole('button', { name: 'Delete prompt' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete prompt goodbye' });
  await expect(confirm.getByRole('list', { name: 'Uses' }).locator('li').first()).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete anyway' }).click();
  const prompts = page
    .getByRole('navigation', { name: 'Resources' })
    .getByRole('region', { name: 'Prompts' });
  await expect(prompts.getByRole('button', { name: 'goodbye', exact: true })).toHaveCount(0);
  await page
    .getByRole('toolbar', { name: 'Center' })
    .getByRole('button', { name: 'Save', exact: true })
    .click();
  await expect
    .poll(() => JSON.parse(readFileSync(join(server.flowsDir, 'resources.json'), 'utf8')).prompts.goodbye)
    .toBeUndefined();
  // The flows naming it show the problem at once (unknown prompt).
  await page.getByRole('navigation', { name: 'Area' }).getByRole('button', { name: 'Flows' }).click();
  await openFlow(page, 'support-inbound');
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('CF302');

  await page.reload();
  await openCenter(page);
  await expect(numbers.getByRole('button', { name: 'main', exact: true })).toBeVisible();
  await expect(prompts.getByRole('button', { name: 'goodbye', exact: true })).toHaveCount(0);
});

test('where used: a block in the list opens its flow at that block', async ({ openEditor }) => {
  const page = await openEditor();
  await openCenter(page);
  await showEntry(page, 'Queues', 'billing');
  const usedBy = page.getByRole('region', { name: 'Resource' }).getByRole('region', { name: 'Used by' });
  const link = usedBy.getByRole('button', { name: /^Support inbound › / });
  await expect(link).toHaveCount(1);
  const blockId = (await link.textContent())!.split('›')[1]!.trim();
  await link.click();
  await expect(canvas(page)).toHaveAttribute('data-flow-id', 'support-inbound');
  await expect(node(page, blockId)).toHaveClass(/is-selected/);
});
