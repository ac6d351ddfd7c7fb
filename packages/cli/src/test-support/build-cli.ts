import { execFileSync } from 'node:child_process';
import { readdirSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The tests spawn the built CLI (`node dist/bin.js`), exactly as users run it: build it first with the
 * package's own build script when the sources (or the bundled packages) are newer than dist/bin.js, so
 * that `npm test -w @callflow/cli` never tests a stale build. An up-to-date build is left alone: another
 * test run may be spawning it right now.
 */
export default function setup(): void {
  const built = modifiedAt(join(packageDir, 'dist/bin.js'));
  const inputs = [
    join(packageDir, 'src'),
    join(packageDir, 'scripts'),
    join(packageDir, 'package.json'),
    join(packageDir, '../model/dist'),
    join(packageDir, '../runtime/dist'),
  ];
  if (built !== undefined && Math.max(...inputs.map(newestIn)) < built) return;
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The latest modification time of a file, or of any file below a directory (tests excluded). */
function newestIn(path: string): number {
  let info: Stats;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestIn(join(path, entry)));
  }
  return newest;
}
