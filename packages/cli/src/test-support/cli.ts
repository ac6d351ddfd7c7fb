import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const REPO_ROOT = join(PACKAGE_DIR, '../..');
export const BIN = join(PACKAGE_DIR, 'dist/bin.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/bin.js ...args` in `cwd`, as a user would. */
export function callflow(args: readonly string[], cwd: string, command = process.execPath): Promise<CliRun> {
  const argv = command === process.execPath ? [BIN, ...args] : [...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env: { ...process.env, CALLFLOW_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory holding these files (path -> content); removed after the test file. */
export function tempProject(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'callflow-cli-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** The repository's sample flows and resources, as text. */
export function sampleFile(name: string): string {
  return readFileSync(join(REPO_ROOT, 'flows', name), 'utf8');
}

/** A small valid agent-whisper flow, in canonical form. */
export const MINIMAL_FLOW = `${JSON.stringify(
  {
    $schema: '../schemas/flow.schema.json',
    formatVersion: 1,
    id: 'hello',
    name: 'Hello',
    type: 'agent-whisper',
    start: 'greet',
    blocks: {
      done: { type: 'endFlow', settings: {} },
      greet: {
        type: 'playPrompt',
        settings: { prompt: { text: 'Incoming call.' } },
        next: { success: 'done', error: 'done' },
      },
    },
    layout: { done: { x: 260, y: 0 }, greet: { x: 0, y: 0 } },
  },
  null,
  2,
)}\n`;
