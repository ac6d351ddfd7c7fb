#!/usr/bin/env node
// npm links a package's bins when it installs, before `npm run build` has produced dist/: this committed
// entry point keeps `npx callflow` working on a fresh clone. The command itself is dist/bin.js.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bin.js')) throw error;
  process.stderr.write('callflow is not built yet: run "npm run build" first.\n');
  process.exitCode = 3;
}
