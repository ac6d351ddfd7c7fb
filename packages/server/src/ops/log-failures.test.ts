import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, CHILD_TOKEN, SERVER_PACKAGE } from '../test-support/child-service.js';
import { startTestService, type TestService } from '../test-support/temp-service.js';
import { LogHealth, type ObservableDestination, watchDestination } from './log-destination.js';
import { createLogger } from './logger.js';

/** A log destination on a disk that fills up and is freed again: writes fail with ENOSPC while `full`. */
class FillingDisk extends EventEmitter implements ObservableDestination {
  full = true;
  readonly lines: string[] = [];
  write(line: string): void {
    if (this.full) {
      const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      this.emit('error', error);
      return;
    }
    this.lines.push(line);
    this.emit('write', line.length);
  }
}

const work: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  // A service that hangs instead of stopping (what a full disk did before) must not outlive the test.
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of work.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a log destination whose writes fail', () => {
  let t: TestService | undefined;
  afterAll(async () => {
    await t?.close();
  });

  it('is reported by /healthz while it fails, and no longer once writes succeed again', async () => {
    const disk = new FillingDisk();
    const health = new LogHealth();
    const logger = createLogger({ level: 'debug', destination: watchDestination(disk, health) });
    t = await startTestService({ logger, service: { logHealth: health } });
    // Requests are logged at debug: every one of these writes to the full disk.
    for (let i = 0; i < 5; i += 1) await t.api().get('/api/flows').expect(200);
    const failing = (await t.api().get('/healthz').expect(200)).body;
    expect(failing).toMatchObject({ ok: true, state: 'ready', log: { ok: false, error: 'ENOSPC' } });
    expect(failing.log.failedWrites).toBeGreaterThanOrEqual(5);
    expect(Date.parse(failing.log.failingSince)).not.toBeNaN();

    disk.full = false;
    await t.api().get('/api/flows').expect(200);
    const recovered = (await t.api().get('/healthz').expect(200)).body;
    expect(recovered.log).toMatchObject({ ok: true });
    expect(recovered.log.error).toBeUndefined();
    expect(disk.lines.some((l) => l.includes('/api/flows'))).toBe(true);
  });
});

/** A free port from the system: the child's own start-up line goes to the full disk, so we cannot read it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function healthOf(url: string): Promise<Record<string, unknown> | undefined> {
  try {
    const res = await fetch(`${url}/healthz`);
    return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

describe('the service with its stdout on a full disk (/dev/full)', () => {
  beforeAll(() => buildServer(), 60_000);

  it('keeps serving, reports the failing log in /healthz, and stops cleanly', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callflow-full-disk-'));
    work.push(dir);
    const port = await freePort();
    const full = openSync('/dev/full', 'w');
    let stderr = '';
    const child = spawn(process.execPath, [join(SERVER_PACKAGE, 'dist', 'main.js')], {
      env: {
        ...process.env,
        CALLFLOW_TOKEN: CHILD_TOKEN,
        CALLFLOW_PORT: String(port),
        CALLFLOW_FLOWS_DIR: join(dir, 'flows'),
        CALLFLOW_DATA_DIR: join(dir, 'data'),
        CALLFLOW_LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    children.push(child);
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    try {
      // Ready once /healthz answers 200 (the start-up line itself was lost to the full disk).
      let health: Record<string, unknown> | undefined;
      while (!health && child.exitCode === null) health = await healthOf(url);
      expect(child.exitCode, stderr).toBeNull();
      for (let i = 0; i < 20; i += 1) {
        const res = await fetch(`${url}/api/flows`, { headers: { Authorization: `Bearer ${CHILD_TOKEN}` } });
        expect(res.status).toBe(200);
      }
      const after = await healthOf(url);
      expect(after, stderr).toMatchObject({ ok: true, state: 'ready', log: { ok: false, error: 'ENOSPC' } });
      expect((after?.log as { failedWrites?: number } | undefined)?.failedWrites).toBeGreaterThanOrEqual(20);
      expect(child.exitCode).toBeNull();
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
  });
});
