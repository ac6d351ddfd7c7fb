// Writes the files generated from the block catalog: schemas/*.schema.json and the reference docs.
// `--check` fails (exit 1) when a committed file differs from what the catalog generates (CI drift check).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const model = await import(join(root, 'packages/model/dist/index.js'));
const { RUNTIME_ERRORS } = await import(join(root, 'packages/runtime/dist/index.js'));
const { API_ERROR_CODES } = await import(join(root, 'packages/model/dist/api-contract/error-codes.js'));
const { generatedDocs } = await import(join(root, 'scripts/docs.mjs'));

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const files = {
  'schemas/flow.schema.json': json(model.buildFlowSchema()),
  'schemas/resources.schema.json': json(model.buildResourcesSchema()),
  'schemas/flow-test.schema.json': json(model.buildFlowTestSchema()),
  ...generatedDocs(model, { runtimeErrors: RUNTIME_ERRORS, apiErrors: API_ERROR_CODES }),
};

const check = process.argv.includes('--check');
const drifted = [];
for (const [path, content] of Object.entries(files)) {
  const file = join(root, path);
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === content) continue;
  if (check) drifted.push(path);
  else writeFileSync(file, content);
}
if (drifted.length > 0) {
  console.error(
    `Generated files are out of date: ${drifted.join(', ')}\nRun \`npm run generate\` and commit the result.`,
  );
  process.exit(1);
}
