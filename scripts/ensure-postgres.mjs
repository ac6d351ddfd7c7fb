// The PostgreSQL store's tests start their own server from Debian's binaries (initdb, pg_ctl), and so do
// the multi-process test and the bench. Install them when missing, as ensure-chromium.mjs does Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';
const installed = () =>
  existsSync(ROOT) && readdirSync(ROOT).some((major) => existsSync(join(ROOT, major, 'bin', 'initdb')));

if (!process.env.CALLFLOW_PG_BIN && !installed()) {
  if (process.getuid?.() !== 0) {
    console.error(
      'PostgreSQL not found. Install it: sudo apt-get install -y --no-install-recommends postgresql',
    );
    process.exit(1);
  }
  console.log('Installing Debian PostgreSQL for the PostgreSQL store tests...');
  const run = (args) => execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  run(['update', '-qq']);
  run(['install', '-y', '-qq', '--no-install-recommends', 'postgresql']);
}
