import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFlow, save } from '../harness/editor.ts';
import { REPO_ROOT } from '../harness/start-server.mjs';
import { expect, test } from '../harness/test.ts';

const sampleIds = readdirSync(join(REPO_ROOT, 'flows'))
  .filter((name) => name.endsWith('.flow.json'))
  .map((name) => name.slice(0, -'.flow.json'.length))
  .sort();

test('opening each sample flow and saving it without changes leaves the file byte for byte unchanged', async ({
  openEditor,
  server,
}) => {
  expect(sampleIds.length).toBeGreaterThan(0);
  const page = await openEditor();
  for (const id of sampleIds) {
    const file = join(server.flowsDir, `${id}.flow.json`);
    const before = readFileSync(file, 'utf8');
    await openFlow(page, id);
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().endsWith(`/api/flows/${id}`),
    );
    await save(page);
    expect((await saved).status(), `saving ${id}`).toBe(200);
    expect(readFileSync(file, 'utf8'), `${id}.flow.json after saving`).toBe(before);
  }
});
