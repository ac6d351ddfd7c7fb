import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content all at once: the text goes to a temporary file beside it, which is then
 * renamed over the original. A crash or a full disk leaves the old file intact, never half a flow.
 * The original's permissions are kept.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(path)).mode & 0o777;
  } catch {
    // A new file: default permissions.
  }
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
