// Bundles the command line after tsc: dist/bin.js becomes one file holding commander and the command
// registry, and each command's work (with @callflow/model and its dependencies) becomes a chunk in
// dist/chunks/ loaded only when that command runs. Resolving and loading some 200 separate modules
// costs Node more than the work itself, and `callflow validate` must start in under half a second
// (docs/architecture.md#budgets; measured by bench/cli.bench.mjs). The library entry (dist/index.js) stays unbundled.
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { output } = await build({
  input: { bin: join(dist, 'bin.js') },
  platform: 'node',
  // jsonc-parser's UMD main requires its parts dynamically, which a bundle cannot follow: take its ESM.
  resolve: { mainFields: ['module', 'main'] },
  // write-file-atomic is CommonJS that reads __filename, which an ESM bundle has not: load it from
  // node_modules when a command writes (it is a dependency of this package).
  external: ['write-file-atomic'],
  output: {
    dir: dist,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  logLevel: 'warn',
});
chmodSync(join(dist, 'bin.js'), 0o755);

// Chunk names carry a content hash: remove the ones this build no longer uses. Only afterwards, so that
// a `callflow` already running from the previous build never misses its chunks.
const current = new Set(output.map((file) => file.fileName));
for (const name of readdirSync(join(dist, 'chunks'))) {
  if (!current.has(`chunks/${name}`)) rmSync(join(dist, 'chunks', name), { force: true });
}
