import { execFileSync } from 'node:child_process';

const GIT = ['-c', 'user.name=e2e', '-c', 'user.email=e2e@callflow.test', '-c', 'commit.gpgsign=false'];

/** Makes the server's flows directory a git repository with everything committed, as an admin's checkout is. */
export function commitFlows(flowsDir: string): void {
  execFileSync('git', ['init', '-q'], { cwd: flowsDir });
  execFileSync('git', ['add', '-A'], { cwd: flowsDir });
  execFileSync('git', [...GIT, 'commit', '-q', '-m', 'samples'], { cwd: flowsDir });
}

/** `git diff` of the flows directory against that commit, untracked files included (added with intent). */
export function gitDiff(flowsDir: string, ...args: string[]): string {
  execFileSync('git', ['add', '--intent-to-add', '.'], { cwd: flowsDir });
  return execFileSync('git', ['diff', ...args], { cwd: flowsDir, encoding: 'utf8' });
}

/** A file as committed. */
export function committed(flowsDir: string, path: string): string {
  return execFileSync('git', ['show', `HEAD:${path}`], { cwd: flowsDir, encoding: 'utf8' });
}
