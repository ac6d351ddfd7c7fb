import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temporary files our atomic writes leave when the process dies between writing and renaming:
 * `write-file-atomic` names them `<file>.<number>` beside the target (`support.flow.json.2819405871`),
 * and versions before it wrote `.<file>.<hex>.tmp`. Only JSON documents are ever written this way.
 */
const TEMP_FILE = /^(?:[^/]+\.json\.\d{1,10}|\.[^/]+\.json\.[0-9a-f]+(?:\.[0-9a-f]+)?\.tmp)$/;

export function isTempFile(name: string): boolean {
  return TEMP_FILE.test(name);
}

/** A temp file younger than this may belong to a write in progress (another process, the CLI). */
export const STALE_TEMP_FILE_MS = 60_000;

/**
 * Removes the temp files a crash left in `dir` (ours only, and only those older than `olderThanMs`, so a
 * save in progress elsewhere is never cut short). Returns the names removed.
 */
export async function removeStaleTempFiles(
  dir: string,
  olderThanMs = STALE_TEMP_FILE_MS,
  now = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!isTempFile(name)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < olderThanMs) continue;
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  return removed;
}
