import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_PACKAGE } from '../test-support/child-service.js';
import { SAMPLE_FLOWS } from '../test-support/temp-service.js';

let work: string;
beforeAll(() => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'callflow-startup-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts dist/main.js (stdout and stderr apart, neither a terminal) until it prints its URL; stops it. */
async function startAndStop(
  env: Record<string, string>,
  whileRunning?: (stderr: string) => Promise<void>,
): Promise<{ stdout: string; stderr: string }> {
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
  try {
    await whileRunning?.(stderr);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
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

  it('prints a sign-in link per agent of the resources, each acting only as its agent on the desktop', async () => {
    const flows = join(work, 'sample-flows');
    cpSync(SAMPLE_FLOWS, flows, { recursive: true });
    const agents = Object.keys(
      (JSON.parse(readFileSync(join(flows, 'resources.json'), 'utf8')) as { agents: object }).agents,
    );
    expect(agents.length).toBeGreaterThan(1);
    const { stdout } = await startAndStop({ CALLFLOW_FLOWS_DIR: flows }, async (stderr) => {
      const links = [
        ...stderr.matchAll(
          /agent desktop for (\S+): (http:\/\/127\.0\.0\.1:\d+\/)agent\?agent=(\S+)&token=(\S+)\n/g,
        ),
      ];
      expect(links.map((l) => l[1])).toEqual(agents);
      const [, agent, base, , token] = links[0] ?? [];
      const other = agents[1];
      const auth = { Authorization: `Bearer ${decodeURIComponent(token ?? '')}` };
      expect((await fetch(`${base}agent`)).status).toBe(200);
      expect((await fetch(`${base}api/agents/${agent}`, { headers: auth })).status).toBe(200);
      const asOther = await fetch(`${base}api/agents/${other}/state`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ state: 'Available' }),
      });
      expect(asOther.status).toBe(403);
      expect((await fetch(`${base}api/flows`, { headers: auth })).status).toBe(403);
    });
    expect(stdout).not.toContain('token=');
  });

  it('makes no agent token when tokens are configured', async () => {
    const flows = join(work, 'sample-flows-configured');
    cpSync(SAMPLE_FLOWS, flows, { recursive: true });
    const { stderr } = await startAndStop({
      CALLFLOW_FLOWS_DIR: flows,
      CALLFLOW_TOKEN: 'startup-line-admin-token-0123',
    });
    expect(stderr).not.toContain('agent desktop for');
  });
});
