import type { Page } from '@playwright/test';
import { docScreenshot } from '../harness/doc-screenshots.ts';
import { blockIds, canvas, node, openFlow } from '../harness/editor.ts';
import { type Api, expect, test } from '../harness/test.ts';

const FLOW = 'sales-inbound';

interface VersionRow {
  version: number;
  publishedBy?: string;
  note: string | null;
  live: boolean;
}

/**
 * v1 is the sample as shipped; v2 (also the draft) has a new greeting prompt, no goodbye block (after
 * hours now hangs up), a new block, and check-hours moved on the canvas (a layout-only change).
 */
async function publishTwoVersions(api: Api) {
  expect(
    (
      await api.call('POST', `/api/flows/${FLOW}/publish`, {
        body: { note: 'As shipped', withDependencies: true },
      })
    ).status,
  ).toBe(201);
  const current = await api.call('GET', `/api/flows/${FLOW}`);
  const flow = structuredClone((current.body as { flow: unknown }).flow) as {
    blocks: Record<
      string,
      { type: string; settings: Record<string, unknown>; next?: Record<string, string> }
    >;
    layout: Record<string, { x: number; y: number }>;
  };
  flow.blocks.welcome!.settings.prompt = { prompt: 'sales-menu' };
  delete flow.blocks.goodbye;
  delete flow.layout.goodbye;
  flow.blocks['after-hours']!.next = { success: 'thanks', error: 'hang-up' };
  flow.blocks.thanks = { type: 'disconnect', settings: {} };
  flow.layout.thanks = { x: flow.layout['after-hours']!.x, y: flow.layout['after-hours']!.y + 200 };
  flow.layout['check-hours']!.x += 300;
  const saved = await api.call('PUT', `/api/flows/${FLOW}`, {
    body: flow,
    headers: { 'if-match': current.etag ?? '' },
  });
  expect(saved.status).toBe(200);
  const second = await api.call('POST', `/api/flows/${FLOW}/publish`, { body: { note: 'Shorter greeting' } });
  expect(second.status).toBe(201);
}

async function openVersions(page: Page) {
  await page.getByRole('toolbar', { name: 'Flow' }).getByRole('button', { name: 'Versions' }).click();
  return page.getByRole('dialog', { name: 'Versions' });
}

test.use({ viewport: { width: 1440, height: 900 } });

test('the draft compared with an older version: changes marked on the canvas, removed blocks as ghosts, moves ignored, and a list', async ({
  api,
  openEditor,
}) => {
  await publishTwoVersions(api);
  const stored = (await api.call('GET', `/api/flows/${FLOW}/versions`)).body as VersionRow[];
  const page = await openEditor();
  await openFlow(page, FLOW);
  const versions = await openVersions(page);
  // Who published each version, and the note, as the service stored them.
  for (const v of stored) {
    const row = versions.getByRole('row', { name: new RegExp(`^v${v.version}\\b`) });
    await expect(row).toContainText(`by ${v.publishedBy}`);
    await expect(row).toContainText(v.note ?? '');
  }
  await versions.getByRole('button', { name: 'Compare v1 with the draft' }).click();
  await expect(versions).toHaveCount(0);

  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('The draft compared with v1');
  await expect(node(page, 'welcome')).toHaveAttribute('data-diff', 'changed');
  await expect(node(page, 'after-hours')).toHaveAttribute('data-diff', 'changed');
  await expect(node(page, 'thanks')).toHaveAttribute('data-diff', 'added');
  await expect(node(page, 'goodbye')).toHaveAttribute('data-diff', 'removed');
  // Moved only: not a change.
  await expect(node(page, 'check-hours')).not.toHaveAttribute('data-diff', /.*/);
  await expect(page.locator('[data-diff]')).toHaveCount(4);

  const changes = review.getByRole('list', { name: 'Changes' });
  await expect(changes).toContainText('Block goodbye removed');
  await expect(changes).toContainText('Block thanks added');
  await expect(changes).toContainText('settings.prompt.prompt: "sales-welcome" → "sales-menu"');
  await expect(changes).toContainText('outcome success: goodbye → thanks');
  await expect(changes).not.toContainText('check-hours');
  await docScreenshot(page, 'versions-compare');

  // The ghost is not part of the draft: it cannot be selected, and the draft is unchanged.
  await node(page, 'goodbye').click({ force: true });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  await review.getByRole('button', { name: 'Close the comparison' }).click();
  await expect(page.locator('[data-diff]')).toHaveCount(0);
  await expect(node(page, 'goodbye')).toHaveCount(0);
});

test('an older version opens read-only on the canvas, and the draft is back as it was', async ({
  api,
  openEditor,
}) => {
  await publishTwoVersions(api);
  const page = await openEditor();
  await openFlow(page, FLOW);
  const draftBlocks = (await blockIds(page)).sort();
  const versions = await openVersions(page);
  await versions.getByRole('button', { name: 'View v1' }).click();

  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('Viewing v1, read-only');
  await expect(canvas(page)).toHaveAttribute('data-read-only', 'true');
  // v1 as published: goodbye is there, thanks is not.
  await expect(node(page, 'goodbye')).toBeVisible();
  await expect(node(page, 'thanks')).toHaveCount(0);
  await docScreenshot(page, 'versions-view');

  // Nothing edits it: a drag moves nothing, select-all and Delete delete nothing. (The block farthest
  // right: the review list lies over the canvas's left side.)
  const boxes = await Promise.all(
    (await blockIds(page)).map(async (id) => ({ id, box: await node(page, id).boundingBox() })),
  );
  const target = boxes.sort((a, b) => (b.box?.x ?? 0) - (a.box?.x ?? 0))[0]!;
  const before = target.box!;
  // Where the block sits in the flow (the view may pan, the block must not move).
  const placed = () =>
    node(page, target.id).evaluate((e) => (e.closest('.react-flow__node') as HTMLElement).style.transform);
  const placedBefore = await placed();
  await page.mouse.move(before.x + before.width / 2, before.y + 12);
  await page.mouse.down();
  await page.mouse.move(before.x - 100, before.y + 150, { steps: 8 });
  await page.mouse.up();
  expect(await placed()).toBe(placedBefore);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(node(page, 'goodbye')).toBeVisible();

  await review.getByRole('button', { name: 'Back to the draft' }).click();
  await expect(canvas(page)).not.toHaveAttribute('data-read-only', 'true');
  expect((await blockIds(page)).sort()).toEqual(draftBlocks);
  await expect(page.locator('.dirty-dot')).toHaveText('Saved');
});

test('rolling back asks first, names the version it brings back, and Cancel keeps the live one', async ({
  api,
  openEditor,
}) => {
  await publishTwoVersions(api);
  const live = async () =>
    ((await api.call('GET', `/api/flows/${FLOW}/versions`)).body as VersionRow[]).find((v) => v.live)
      ?.version;
  const page = await openEditor();
  await openFlow(page, FLOW);
  let versions = await openVersions(page);
  await versions.getByRole('button', { name: 'Roll back to v1' }).click();
  const confirm = versions.getByRole('group', { name: 'Confirm the rollback' });
  await expect(confirm).toContainText('Bring v1 back as the live version of sales-inbound?');
  await expect(confirm).toContainText('instead of v2');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect(await live()).toBe(2);

  await versions.getByRole('button', { name: 'Roll back to v1' }).click();
  await versions.getByRole('button', { name: 'Bring back v1' }).click();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText(
    'Version 1 of sales-inbound is live again.',
  );
  await expect.poll(live).toBe(1);
  await versions.getByRole('button', { name: 'Close' }).click();
  versions = await openVersions(page);
  await expect(versions.getByRole('row', { name: /^v1\b/ })).toContainText('Live');
});
