import { node, openFlow, selectBlock, startBrowserCall } from '../harness/editor.ts';
import { expect, test } from '../harness/test.ts';

/** In hours the call gets working queue "support" before the transfer; after hours it goes straight there. */
const flow = {
  $schema: '../schemas/flow.schema.json',
  formatVersion: 1,
  id: 'hours-transfer',
  name: 'Hours transfer',
  type: 'inbound',
  start: 'hours',
  blocks: {
    hours: {
      type: 'checkHours',
      settings: { hours: 'support-hours' },
      next: { inHours: 'support-queue', outOfHours: 'transfer', error: 'bye' },
    },
    'support-queue': {
      type: 'setWorkingQueue',
      settings: { queue: 'support' },
      next: { success: 'transfer', error: 'bye' },
    },
    transfer: {
      type: 'transferToNumber',
      settings: {
        to: { value: '+16465550188' },
        callerId: { strategy: 'queue' },
        timeoutSeconds: 30,
        resumeAfterDisconnect: false,
      },
      next: { busy: 'bye', noAnswer: 'bye', error: 'bye' },
    },
    bye: { type: 'disconnect', settings: {} },
  },
};

test('the caller-ID preview answers per path into a transfer, and the after-hours answer is what a simulated call presents', async ({
  api,
  openEditor,
}) => {
  const created = await api.call('PUT', '/api/flows/hours-transfer', {
    body: flow,
    headers: { 'If-None-Match': '*' },
  });
  expect(created.status).toBe(201);
  const page = await openEditor();
  await openFlow(page, 'hours-transfer');
  await selectBlock(page, 'transfer');

  const properties = page.getByRole('region', { name: 'Properties' });
  const preview = properties.getByTestId('caller-id-preview-transfer');
  await expect(preview).toContainText('depends on the path');
  const afterHours = preview.getByTestId('caller-id-preview-transfer-0');
  await expect(afterHours).toContainText('The called party sees +1 212 555 0100');
  await expect(afterHours).toContainText('principal');
  await expect(afterHours).toContainText('When no working queue is set, e.g. hours → transfer');
  const inHours = preview.getByTestId('caller-id-preview-transfer-1');
  await expect(inHours).toContainText('The called party sees +1 212 555 0101');
  await expect(inHours).toContainText('When working queue "support", e.g. hours → support-queue → transfer');
  await expect(preview).not.toContainText('customer sees');

  // Sunday morning: the support line is closed, so the call reaches the transfer with no working queue.
  const simulator = await startBrowserCall(page, { at: '2026-01-04T10:00' });
  await expect(node(page, 'transfer')).toHaveAttribute('data-active', 'true');
  await expect(node(page, 'support-queue')).not.toHaveAttribute('data-visited', 'true');
  const callerId = simulator.getByRole('region', { name: 'Caller ID' });
  await expect(callerId).toContainText('+12125550100');
  await expect(callerId).toContainText('principal');
  await expect(simulator.getByRole('log', { name: 'Call transcript' })).toContainText(
    'showing caller ID +12125550100',
  );
});

test('lint warns when a queue strategy has no working queue on any path into the transfer', async ({
  api,
  openEditor,
}) => {
  const noQueue = structuredClone(flow);
  noQueue.id = 'no-queue-transfer';
  noQueue.blocks.hours.next = { inHours: 'transfer', outOfHours: 'transfer', error: 'bye' };
  const created = await api.call('PUT', '/api/flows/no-queue-transfer', {
    body: noQueue,
    headers: { 'If-None-Match': '*' },
  });
  expect(created.status).toBe(201);
  const page = await openEditor();
  await openFlow(page, 'no-queue-transfer');
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('CF505');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(
    'no path into it sets a working queue',
  );
});
