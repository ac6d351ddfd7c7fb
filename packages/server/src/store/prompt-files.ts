/**
 * Prompt recordings in the flows directory's `prompts/` folder, beside the flows and resources.json, so
 * git versions them with the flows that play them. Names are checked before any path is built.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promptAudioNameType } from '@callflow/model';
import writeFileAtomic from 'write-file-atomic';

export const PROMPTS_FOLDER = 'prompts';

export class PromptFiles {
  constructor(private readonly flowsDir: string) {}

  /** The path of a recording; undefined for a name that is not one (no path is built from it). */
  path(file: string): string | undefined {
    return promptAudioNameType(file) ? join(this.flowsDir, PROMPTS_FOLDER, file) : undefined;
  }

  async write(file: string, bytes: Buffer): Promise<void> {
    const path = this.path(file);
    if (!path) throw new Error(`not a prompt recording name: ${file}`);
    await mkdir(join(this.flowsDir, PROMPTS_FOLDER), { recursive: true });
    await writeFileAtomic(path, bytes);
  }

  /** The recording's bytes; undefined when there is no such recording. */
  async read(file: string): Promise<Buffer | undefined> {
    const path = this.path(file);
    if (!path) return undefined;
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
