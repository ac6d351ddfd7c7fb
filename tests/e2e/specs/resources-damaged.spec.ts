import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/test.ts';

test('a damaged resources file shows a banner naming where it is broken; calls go on; fixed, the banner goes', async ({
  api,
  openEditor,
  server,
}) => {
  const page = await openEditor();
  const banner = page.getByRole('alert', { name: 'Resources file damaged' });
  await expect(banner).toHaveCount(0);

  const file = join(server.flowsDir, 'resources.json');
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace('"queues": {', '<<<<<<< HEAD\n  "queues": {'));
  // A request that may start a contact reads the changed file first: the last good queues still take it.
  const callback = await api.call('POST', '/api/callbacks', {
    body: { number: '+12015550123', queue: 'billing' },
  });
  expect(callback.status, JSON.stringify(callback.body)).toBe(201);
  await expect(banner).toContainText('The resources file cannot be read');
  await expect(banner).toContainText(/resources\.json:\d+:\d+/);
  await expect(banner).toContainText('Calls go on with the last good resources');

  const health = (await (await fetch(`${server.url}/healthz`)).json()) as { degraded?: boolean };
  expect(health.degraded).toBe(true);

  writeFileSync(file, good);
  await expect(banner).toHaveCount(0);
});
