import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_PACKAGE } from '../test-support/child-service.js';

let work: string;
beforeAll(() => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-startup-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts dist/main.js (stdout and stderr apart, neither a terminal) until it prints its URL; stops it. */
async function startAndStop(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(SERVER_PACKAGE, 'dist', 'main.js')], {
    env: {
      ...process.env,
      CALLFLOW_PORT: '0',
      CALLFLOW_FLOWS_DIR: join(work, 'flows'),
      CALLFLOW_DATA_DIR: join(work, `data-${Math.random().toString(36).slice(2)}`),
      CALLFLOW_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  // 'close' comes after both pipes are drained, so everything the service wrote is read by then.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // Stopped once the sign-in line (stderr) and the "listening" log line (stdout) have both arrived.
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (stderr.includes('callflow is running:') && stdout.includes('"msg":"listening"')) resolve();
    };
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      check();
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      check();
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${stdout}\n${stderr}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return { stdout, stderr };
}

describe('the start-up line', () => {
  it('keeps a configured admin token out of the JSON log and out of a line no person reads', async () => {
    const token = 'startup-line-admin-token-0123';
    const { stdout, stderr } = await startAndStop({ CALLFLOW_TOKEN: token });
    expect(stdout).not.toContain(token);
    expect(stderr).toMatch(/callflow is running: http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(stderr).not.toContain(token);
  });

  it('prints a generated token for the person starting the service, on stderr only', async () => {
    const { stdout, stderr } = await startAndStop({});
    const printed = /callflow is running: (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))\n/.exec(stderr);
    expect(printed?.[2]).toBeTruthy();
    expect(stdout).not.toContain(decodeURIComponent(printed?.[2] ?? 'missing'));
    expect(stdout).not.toContain('token=');
  });
});
