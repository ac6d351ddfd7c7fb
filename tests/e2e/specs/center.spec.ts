// The Center area: resources.json edited from the browser with forms, checked live with the codes
// `callflow validate` uses, saved canonically (git sees only the intended change) with undo and redo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openFlow, save, selectBlock, startBrowserCall } from '../harness/editor.ts';
import { commitFlows, committed, gitDiff } from '../harness/git-flows.ts';
import { expect, test } from '../harness/test.ts';

/**
 * The screenshots in docs/center.md are taken by these tests when CALLFLOW_DOC_SCREENSHOTS is set
 * (`CALLFLOW_DOC_SCREENSHOTS=1 npx playwright test specs/center.spec.ts`), so a plain run leaves the
 * working tree clean.
 */
async function docScreenshot(page: Page, name: string) {
  if (process.env.CALLFLOW_DOC_SCREENSHOTS) await page.screenshot({ path: `../../docs/images/${name}.png` });
}

interface StoredResources {
  resources: { queues: Record<string, { displayName: string }> };
  etag: string;
}

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
  await expect(
    page.getByRole('region', { name: 'Resource' }).getByRole('heading', { level: 2 }),
  ).toContainText(name);
}

async function saveCenter(page: Page) {
  // A stale save (412) is merged and sent again: the answer that counts is the last one.
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/resources') && r.status() !== 412,
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
  // A saved entry is renamed everywhere it is named, through the preview (see center-refs.spec.ts).
  await form.getByLabel('Name', { exact: true }).fill('accounts-agents');
  await form.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename agent group billing-agents' });
  await rename.getByRole('button', { name: /^Rename in \d+ files$/ }).click();
  await expect(rename).toHaveCount(0);
  await expect(list.getByRole('button', { name: 'accounts-agents' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'billing-agents' })).toHaveCount(0);

  // A deletion asks first (listing the users), then is one step of the Center's undo history.
  await list
    .getByRole('region', { name: 'Prompts' })
    .getByRole('button', { name: 'goodbye', exact: true })
    .click();
  await form.getByRole('button', { name: 'Delete prompt' }).click();
  await page
    .getByRole('dialog', { name: 'Delete prompt goodbye' })
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(list.getByRole('button', { name: 'goodbye', exact: true })).toHaveCount(0);
  await center(page).getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('button', { name: 'goodbye', exact: true })).toBeVisible();
  await center(page).getByRole('button', { name: 'Redo' }).click();
  await expect(list.getByRole('button', { name: 'goodbye', exact: true })).toHaveCount(0);
  expect(await saveCenter(page)).toBe(200);

  // The group is renamed with every setting naming it (queues, agents); the prompt is gone.
  const expected = JSON.parse(
    committed(server.flowsDir, 'resources.json').replaceAll('"billing-agents"', '"accounts-agents"'),
  );
  delete expected.prompts.goodbye;
  expect(readResources(server.flowsDir)).toEqual(expected);

  // Reloaded, the designer shows what is stored.
  await page.reload();
  await openCenter(page);
  await expect(list.getByRole('button', { name: 'accounts-agents' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'goodbye', exact: true })).toHaveCount(0);
});

test('a queue with new hours and a customer-queue flow; the week view shows which rule decides each hour', async ({
  openEditor,
  server,
  api,
}) => {
  test.slow(); // many steps; machines running this are loaded
  commitFlows(server.flowsDir);
  const page = await openEditor();
  await openCenter(page);
  const form = page.getByRole('region', { name: 'Resource' });

  await addEntry(page, 'Hours of operation', 'hours', 'vip-hours');
  await form.getByLabel('Time zone').fill('America/New_York');
  await form.getByRole('button', { name: 'Add holiday' }).click();
  const holiday = form.getByRole('group', { name: 'Holiday 1' });
  await holiday.getByLabel('Date').fill('2026-11-26');
  await holiday.getByLabel('Holiday name').fill('Thanksgiving');
  await form.getByRole('button', { name: 'Add override' }).click();
  const override = form.getByRole('group', { name: 'Override 1' });
  await override.getByLabel('Override name').fill('Saturday sale');
  await override.getByLabel('Open or closed').selectOption('open');
  await override.getByLabel('From').fill('2026-11-28T09:00');
  await override.getByLabel('To').fill('2026-11-28T12:00');

  const week = page.getByRole('region', { name: 'Week view' });
  await week.getByLabel('Week of').fill('2026-11-25');
  const cell = (date: string, time: string) => week.getByTestId(`week-${date}-${time}`);
  await expect(cell('2026-11-23', '08:00')).toHaveAttribute('data-rule', 'closed');
  await expect(cell('2026-11-23', '09:00')).toHaveAttribute('data-rule', 'weekly');
  await expect(cell('2026-11-23', '09:00')).toHaveAttribute('data-open', 'true');
  await expect(cell('2026-11-26', '10:00')).toHaveAttribute('data-rule', 'holiday');
  await expect(cell('2026-11-26', '10:00')).toHaveAttribute('data-open', 'false');
  await expect(cell('2026-11-28', '10:00')).toHaveAttribute('data-rule', 'override');
  await expect(cell('2026-11-28', '10:00')).toHaveAttribute('data-open', 'true');
  await expect(cell('2026-11-28', '12:00')).toHaveAttribute('data-rule', 'closed');
  await docScreenshot(page, 'center-hours-week');

  await addEntry(page, 'Queues', 'queue', 'vip');
  await form.getByLabel('Display name').fill('VIP customers');
  await form.getByLabel('Agent group').selectOption('support-agents');
  // Only customer-queue flows are offered as the customer queue flow.
  const flows = (await api.call('GET', '/api/flows')).body as { id: string; type: string }[];
  const queueFlows = flows.filter((f) => f.type === 'customer-queue').map((f) => f.id);
  expect(queueFlows.length).toBeGreaterThan(0);
  const offered = await form
    .getByLabel('Customer queue flow')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(offered).toEqual(queueFlows);
  await form.getByLabel('Customer queue flow').selectOption('support-queue');
  await form.getByLabel('Hours of operation').selectOption('vip-hours');
  await form.getByLabel('Maximum attempts').fill('4');
  await form.getByLabel('Retry delay').fill('600');
  await expect(page.getByRole('complementary', { name: 'Resource problems' })).toContainText('No problems.');
  await docScreenshot(page, 'center-queue');
  expect(await saveCenter(page)).toBe(200);

  const expected = JSON.parse(committed(server.flowsDir, 'resources.json'));
  expected.hours['vip-hours'] = {
    timeZone: 'America/New_York',
    weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }],
    holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }],
    overrides: [{ name: 'Saturday sale', from: '2026-11-28T09:00', to: '2026-11-28T12:00', open: true }],
  };
  expected.queues.vip = {
    displayName: 'VIP customers',
    agentGroup: 'support-agents',
    customerQueueFlow: 'support-queue',
    hours: 'vip-hours',
    callback: { maxAttempts: 4, retryDelaySeconds: 600 },
  };
  expect(readResources(server.flowsDir)).toEqual(expected);
  expect(gitDiff(server.flowsDir, '--name-only').trim()).toBe('resources.json');

  // Reloaded: everything is there.
  await page.reload();
  await openCenter(page);
  const list = page.getByRole('navigation', { name: 'Resources' });
  await list
    .getByRole('region', { name: 'Queues' })
    .getByRole('button', { name: 'vip', exact: true })
    .click();
  await expect(form.getByLabel('Hours of operation')).toHaveValue('vip-hours');
  await expect(form.getByLabel('Customer queue flow')).toHaveValue('support-queue');
  await expect(form.getByLabel('Maximum attempts')).toHaveValue('4');
  await list
    .getByRole('region', { name: 'Hours of operation' })
    .getByRole('button', { name: 'vip-hours' })
    .click();
  await week.getByLabel('Week of').fill('2026-11-25');
  await expect(cell('2026-11-26', '10:00')).toHaveAttribute('data-rule', 'holiday');
  await expect(cell('2026-11-28', '10:00')).toHaveAttribute('data-rule', 'override');
});

/** A small WAV file: a RIFF/WAVE header, then silence. */
function wav(size = 256): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.write('RIFF', 0, 'ascii');
  bytes.writeUInt32LE(size - 8, 4);
  bytes.write('WAVEfmt ', 8, 'ascii');
  return bytes;
}

test('a prompt recording uploaded from the browser is stored beside the flows and used in a block', async ({
  openEditor,
  server,
}) => {
  test.slow(); // many steps; machines running this are loaded
  commitFlows(server.flowsDir);
  const page = await openEditor();
  await openCenter(page);
  const form = page.getByRole('region', { name: 'Resource' });
  await addEntry(page, 'Prompts', 'prompt', 'spring-promo');
  await form.getByLabel('Text').fill('Our spring sale is on.');
  await form.getByLabel('Language').fill('en-US');
  await form.getByLabel('Voice').fill('Polly.Joanna');

  const upload = form.getByLabel('Upload a recording (WAV or MP3)');
  // Not audio, whatever its name: refused with the server's code, nothing named.
  await upload.setInputFiles({
    name: 'promo.wav',
    mimeType: 'audio/wav',
    buffer: Buffer.from('<html></html>'),
  });
  await expect(form.getByRole('alert')).toContainText('unsupported_prompt_audio');
  await expect(form.getByTestId('prompt-audio-file')).toHaveCount(0);

  const bytes = wav(4096);
  await upload.setInputFiles({ name: 'Spring promo.wav', mimeType: 'audio/wav', buffer: bytes });
  await expect(form.getByTestId('prompt-audio-file')).toHaveText('prompts/spring-promo.wav');
  expect(readFileSync(join(server.flowsDir, 'prompts', 'spring-promo.wav')).equals(bytes)).toBe(true);
  expect(await saveCenter(page)).toBe(200);

  // The welcome of the sales line plays it.
  await page.getByRole('navigation', { name: 'Area' }).getByRole('button', { name: 'Flows' }).click();
  await openFlow(page, 'sales-inbound');
  await selectBlock(page, 'welcome');
  await page
    .getByRole('region', { name: 'Properties' })
    .getByLabel('Prompt', { exact: true })
    .selectOption('spring-promo');
  await save(page);
  await expect(page.getByRole('toolbar', { name: 'Flow' }).locator('.dirty-dot')).toHaveText('Saved');

  // The simulator says the text and names the recording.
  const simulator = await startBrowserCall(page, { from: '+13125550123', at: '2026-01-05T10:00' });
  await expect(simulator.getByRole('log', { name: 'Call transcript' })).toContainText(
    'Our spring sale is on. [recording prompts/spring-promo.wav]',
  );

  // git sees exactly the intended change: the prompt, the block that plays it, and the recording.
  expect(gitDiff(server.flowsDir, '--name-only').trim().split('\n').sort()).toEqual([
    'prompts/spring-promo.wav',
    'resources.json',
    'sales-inbound.flow.json',
  ]);
  const expected = JSON.parse(committed(server.flowsDir, 'resources.json'));
  expected.prompts['spring-promo'] = {
    text: 'Our spring sale is on.',
    language: 'en-US',
    voice: 'Polly.Joanna',
    audioFile: 'prompts/spring-promo.wav',
  };
  expect(readResources(server.flowsDir)).toEqual(expected);
  const flowDiff = gitDiff(server.flowsDir, '--unified=0', '--', 'sales-inbound.flow.json');
  expect(flowDiff.split('\n').filter((l) => /^[+-] /.test(l))).toEqual([
    '-          "prompt": "sales-welcome"',
    '+          "prompt": "spring-promo"',
  ]);

  // Reloaded: the prompt and its recording are there.
  await page.reload();
  await openCenter(page);
  await page
    .getByRole('navigation', { name: 'Resources' })
    .getByRole('button', { name: 'spring-promo' })
    .click();
  await expect(form.getByTestId('prompt-audio-file')).toHaveText('prompts/spring-promo.wav');
  await expect(form.getByLabel('Voice')).toHaveValue('Polly.Joanna');
});

test('a save after someone else saved the resources merges entry by entry, and asks only about an entry both changed', async ({
  openEditor,
  server,
  api,
  expectHttpError,
}) => {
  test.slow(); // two saves elsewhere and three of its own; machines running this are loaded
  expectHttpError(412);
  const page = await openEditor();
  await openCenter(page);
  const list = page.getByRole('navigation', { name: 'Resources' });
  const form = page.getByRole('region', { name: 'Resource' });
  await list
    .getByRole('region', { name: 'Queues' })
    .getByRole('button', { name: 'billing', exact: true })
    .click();
  await form.getByLabel('Display name').fill('Billing desk');

  // Someone else saves another entry meanwhile.
  const theirs = (await api.call('GET', '/api/resources')).body as StoredResources;
  theirs.resources.queues.support = { ...theirs.resources.queues.support, displayName: 'Support desk' };
  const saved = await api.call('PUT', '/api/resources', {
    body: theirs.resources,
    headers: { 'If-Match': theirs.etag },
  });
  expect(saved.status).toBe(200);
  // The screen holds edits: it says the stored file changed, and keeps them.
  await expect(center(page)).toContainText('Changed elsewhere');
  await expect(center(page)).toContainText('Unsaved changes');
  await expect(form.getByLabel('Display name')).toHaveValue('Billing desk');

  expect(await saveCenter(page)).toBe(200);
  await expect(page.getByRole('status', { name: 'Status' })).toContainText(
    'Merged with the changes saved meanwhile (queue support)',
  );
  let disk = readResources(server.flowsDir);
  expect(disk.queues.billing.displayName).toBe('Billing desk');
  expect(disk.queues.support.displayName).toBe('Support desk');
  await expect(center(page)).toContainText('Saved');

  // Both change the same queue: only that one is asked about; keeping theirs keeps theirs.
  await form.getByLabel('Display name').fill('Billing (mine)');
  const again = (await api.call('GET', '/api/resources')).body as StoredResources;
  again.resources.queues.billing = { ...again.resources.queues.billing, displayName: 'Billing (theirs)' };
  again.resources.queues.sales = { ...again.resources.queues.sales, displayName: 'Sales desk' };
  await api.call('PUT', '/api/resources', { body: again.resources, headers: { 'If-Match': again.etag } });
  await center(page).getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save conflict' });
  await expect(dialog.getByRole('group')).toHaveCount(1);
  await expect(dialog.getByRole('group', { name: 'queue billing' })).toBeVisible();
  await dialog.getByRole('group', { name: 'queue billing' }).getByLabel('Keep theirs').check();
  const stored = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/resources') && r.status() === 200,
  );
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await stored;
  disk = readResources(server.flowsDir);
  expect(disk.queues.billing.displayName).toBe('Billing (theirs)');
  expect(disk.queues.sales.displayName).toBe('Sales desk');
  expect(disk.queues.support.displayName).toBe('Support desk');
  await expect(form.getByLabel('Display name')).toHaveValue('Billing (theirs)');

  // Without edits on screen, a save elsewhere is simply taken.
  const later = (await api.call('GET', '/api/resources')).body as StoredResources;
  later.resources.queues.billing = { ...later.resources.queues.billing, displayName: 'Billing (later)' };
  await api.call('PUT', '/api/resources', { body: later.resources, headers: { 'If-Match': later.etag } });
  await expect(form.getByLabel('Display name')).toHaveValue('Billing (later)');
  await expect(center(page)).toContainText('Saved');
});
