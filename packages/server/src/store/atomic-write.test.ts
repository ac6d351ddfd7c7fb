import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempFile, writeFileAtomic } from './atomic-write.js';
import { KeyedMutex } from './keyed-mutex.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callflow-atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file behind', async () => {
    const path = join(dir, 'a.flow.json');
    writeFileSync(path, 'old');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => writeFileAtomic(path, `content ${i}`.repeat(1000))),
    );
    expect(readFileSync(path, 'utf8')).toMatch(/^(content \d+)+$/);
    expect(readdirSync(dir)).toEqual(['a.flow.json']);
  });

  it('fails without touching the target when the directory is gone', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.flow.json'), 'x')).rejects.toThrow();
  });

  it('names temp files so that listings skip them', () => {
    expect(isTempFile('.a.flow.json.1f2e3d.tmp')).toBe(true);
    expect(isTempFile('a.flow.json')).toBe(false);
  });
});

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in order, even when one fails', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
      };
    const results = await Promise.allSettled([
      mutex.run('flow', task('a', true)),
      mutex.run('flow', task('b')),
      mutex.run('other', task('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.indexOf('end a')).toBeLessThan(log.indexOf('start b'));
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a'));
  });
});
