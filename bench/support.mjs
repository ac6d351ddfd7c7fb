// Pieces the service benchmarks share.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The p-th percentile of an ascending list. */
export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A temporary copy of the sample flows (and room for a data dir) for a service under test. */
export function copySampleFlows(prefix) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const flowsDir = join(work, 'flows');
  cpSync(join(REPO_ROOT, 'flows'), flowsDir, { recursive: true });
  return { work, flowsDir };
}

const menu = (prompt, next) => ({
  type: 'menu',
  settings: { prompt: { text: prompt }, options: [{ digit: '1' }], timeoutSeconds: 60, retries: 0 },
  next: { 1: next, timeout: 'bye', noMatch: 'bye', error: 'bye' },
});

/** Two menus that send the caller to each other on key 1: a contact can take keys for a long time. */
export function pingPongFlow(id, name) {
  return {
    formatVersion: 1,
    id,
    name,
    type: 'inbound',
    start: 'ping',
    blocks: {
      ping: menu('Ping', 'pong'),
      pong: menu('Pong', 'ping'),
      bye: { type: 'disconnect', settings: {} },
    },
  };
}
