import { docScreenshot } from '../harness/doc-screenshots.ts';
import { canvas, openFlow } from '../harness/editor.ts';
import { type Api, expect, test } from '../harness/test.ts';

/** Welcome, a secure PIN, a menu: 1 the billing queue, 2 goodbye. */
const FLOW = {
  $schema: '../schemas/flow.schema.json',
  formatVersion: 1,
  id: 'traffic-demo',
  name: 'Traffic demo',
  type: 'inbound',
  start: 'welcome',
  variables: { pin: { type: 'string', label: 'PIN', secure: true } },
  blocks: {
    welcome: {
      type: 'playPrompt',
      settings: { prompt: { text: 'Hello' } },
      next: { success: 'set-pin', error: 'set-pin' },
    },
    'set-pin': {
      type: 'setVariables',
      settings: { assignments: [{ variable: 'pin', value: { value: '90417253' } }] },
      next: { success: 'menu', error: 'menu' },
    },
    menu: {
      type: 'menu',
      settings: {
        prompt: { text: 'Press 1 or 2' },
        options: [{ digit: '1' }, { digit: '2' }],
        timeoutSeconds: 60,
        retries: 0,
      },
      next: { '1': 'pick', '2': 'bye', timeout: 'bye', noMatch: 'bye', error: 'bye' },
    },
    pick: {
      type: 'setWorkingQueue',
      settings: { queue: 'billing' },
      next: { success: 'go', error: 'bye' },
    },
    go: {
      type: 'transferToQueue',
      settings: {},
      next: { atCapacity: 'bye', error: 'bye' },
    },
    bye: { type: 'disconnect', settings: {} },
  },
  layout: {
    welcome: { x: 0, y: 0 },
    'set-pin': { x: 0, y: 200 },
    menu: { x: 0, y: 400 },
    pick: { x: -200, y: 640 },
    go: { x: -200, y: 860 },
    bye: { x: 320, y: 760 },
  },
};

interface Traffic {
  calls: number;
  blocks: Record<
    string,
    { entered: number; outcomes: Record<string, number>; hungUp: number; time: { count: number } }
  >;
}

async function contact(
  api: Api,
  id: string,
): Promise<{ block?: string; status?: string; timers?: unknown[] }> {
  return (await api.call('GET', `/api/contacts/${id}`)).body as { block?: string; status?: string };
}

/** A call placed on the service (its simulated telephony) that waits in the menu. */
async function callToMenu(api: Api): Promise<string> {
  const started = await api.call('POST', '/api/contacts', {
    body: { flow: FLOW.id, from: '+12015550199', to: '+12125550101' },
  });
  expect(started.status).toBe(201);
  const id = (started.body as { contactId: string }).contactId;
  await expect
    .poll(async () => {
      const c = await contact(api, id);
      return c.block === 'menu' && (c.timers?.length ?? 0) > 0;
    })
    .toBe(true);
  return id;
}

const event = (api: Api, id: string, body: Record<string, unknown>) =>
  api.call('POST', `/api/contacts/${id}/events`, { body });

test.use({ viewport: { width: 1440, height: 900 } });

test('where calls go: edge widths and counts, hang-up marks and the table match the service’s counts', async ({
  api,
  openEditor,
}) => {
  expect(
    (await api.call('PUT', `/api/flows/${FLOW.id}`, { body: FLOW, headers: { 'If-None-Match': '*' } }))
      .status,
  ).toBe(201);
  const published = await api.call('POST', `/api/flows/${FLOW.id}/publish`, {
    body: { withDependencies: true },
  });
  expect(published.status).toBe(201);

  // Five calls: two hang up in the menu, one presses 2 (goodbye), two press 1 for the queue, where an
  // agent takes the first and the second gives up.
  const calls: string[] = [];
  for (let i = 0; i < 5; i += 1) calls.push(await callToMenu(api));
  const [hangA, hangB, goodbye, queuedA, queuedB] = calls as [string, string, string, string, string];
  await event(api, hangA, { type: 'hangUp' });
  await event(api, hangB, { type: 'hangUp' });
  await event(api, goodbye, { type: 'digits', digits: '2' });
  await event(api, queuedA, { type: 'digits', digits: '1' });
  await expect.poll(async () => (await contact(api, queuedA)).status).toBe('queued');
  await event(api, queuedB, { type: 'digits', digits: '1' });
  await expect.poll(async () => (await contact(api, queuedB)).status).toBe('queued');
  await api.call('POST', '/api/agents/bilal.khan/state', { body: { state: 'Available' } });
  expect((await api.call('POST', '/api/agents/bilal.khan/accept')).status).toBe(200);
  await expect.poll(async () => (await contact(api, queuedA)).status).toBe('connected');
  await event(api, queuedB, { type: 'hangUp' });

  const answer = await api.call('GET', `/api/flows/${FLOW.id}/traffic`);
  expect(answer.status).toBe(200);
  const traffic = answer.body as Traffic;
  expect(traffic.calls).toBe(5);
  expect(traffic.blocks.menu).toMatchObject({ entered: 5, outcomes: { '1': 2, '2': 1 }, hungUp: 2 });
  expect(traffic.blocks.go).toMatchObject({ entered: 2, hungUp: 1, left: 1 });

  const page = await openEditor();
  await openFlow(page, FLOW.id);
  await page.getByRole('tab', { name: 'Traffic', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Where calls go' });
  await expect(panel.getByTestId('traffic-summary')).toContainText('5 calls on version 1');
  // Not drawn until the admin asks.
  await expect(canvas(page)).not.toHaveAttribute('data-traffic', 'shown');
  await expect(page.locator('.react-flow__edge.has-traffic')).toHaveCount(0);
  await panel.getByRole('checkbox', { name: 'Show on the canvas' }).check();
  await expect(canvas(page)).toHaveAttribute('data-traffic', 'shown');

  // Each edge: the calls that took its outcome as its label, its width proportional to them.
  const counts: [string, string, number][] = [];
  for (const [block, t] of Object.entries(traffic.blocks))
    for (const [outcome, n] of Object.entries(t.outcomes)) counts.push([block, outcome, n]);
  const max = Math.max(...counts.map(([, , n]) => n));
  expect(counts.length).toBeGreaterThanOrEqual(5);
  for (const [block, outcome, n] of counts) {
    const edge = page.locator(`.react-flow__edge[data-id="${block}::${outcome}"]`);
    await expect(edge.locator('.react-flow__edge-text')).toHaveText(String(n));
    const width = await edge
      .locator('path.react-flow__edge-path')
      .evaluate((path) => Number.parseFloat(getComputedStyle(path).strokeWidth));
    expect(width).toBeCloseTo((n / max) * 14, 1);
  }
  // An outcome no call took is thin, labelled 0.
  const untaken = page.locator('.react-flow__edge[data-id="menu::timeout"]');
  await expect(untaken.locator('.react-flow__edge-text')).toHaveText('0');
  await expect(untaken).toHaveClass(/no-traffic/);

  // Blocks where callers hung up are marked with how many; the others are not.
  await expect(page.locator('.traffic-hangups[data-block="menu"]')).toHaveText(
    `✆✕ ${traffic.blocks.menu?.hungUp} hung up`,
  );
  await expect(page.locator('.traffic-hangups[data-block="go"]')).toContainText('1 hung up');
  await expect(page.locator('.traffic-hangups')).toHaveCount(2);

  // The table says the same, block by block.
  const table = panel.getByRole('table', { name: 'Calls per block' });
  for (const [block, t] of Object.entries(traffic.blocks)) {
    const row = table.locator(`tr[data-block="${block}"]`);
    await expect(row.locator('[data-column="entered"]')).toHaveText(String(t.entered));
    await expect(row.locator('[data-column="hung-up"]')).toHaveText(String(t.hungUp));
    for (const [outcome, n] of Object.entries(t.outcomes))
      await expect(row.locator('[data-column="outcomes"]')).toContainText(`${outcome}: ${n}`);
  }
  await expect(table.locator('tbody tr')).toHaveCount(Object.keys(traffic.blocks).length);
  await docScreenshot(page, 'where-calls-go');

  // Turned off, the canvas is as before.
  await panel.getByRole('checkbox', { name: 'Show on the canvas' }).uncheck();
  await expect(page.locator('.react-flow__edge.has-traffic')).toHaveCount(0);
  await expect(page.locator('.traffic-hangups')).toHaveCount(0);
});
