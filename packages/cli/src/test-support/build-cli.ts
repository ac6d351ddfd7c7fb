import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The tests spawn the built CLI (`node dist/bin.js`), exactly as users run it: build it first with the
 * package's own build script, so that `npm test -w @callflow/cli` never tests a stale dist/.
 */
export default function setup(): void {
  const packageDir = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
