import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './temp-service.js';

export const SERVER_PACKAGE = join(REPO_ROOT, 'packages', 'server');
export const CHILD_TOKEN = 'crash-test-admin-token';

/** Compiles the server so the child runs this checkout's code, not an old build. */
export function buildServer(): void {
  const tsc = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
  execFileSync(existsSync(tsc) ? tsc : 'tsc', ['-p', join(SERVER_PACKAGE, 'tsconfig.build.json')], {
    stdio: 'pipe',
  });
}

export interface ChildService {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook runs, like a power cut of the process. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `dist/main.js` on the given directories and resolves once it printed its URL. */
export function startChildService(
  flowsDir: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildService> {
  const child = spawn(process.execPath, [join(SERVER_PACKAGE, 'dist', 'main.js')], {
    env: {
      ...process.env,
      CALLFLOW_TOKEN: CHILD_TOKEN,
      CALLFLOW_PORT: '0',
      CALLFLOW_FLOWS_DIR: flowsDir,
      CALLFLOW_DATA_DIR: dataDir,
      CALLFLOW_LOG_LEVEL: 'warn',
      CALLFLOW_PUBLISH_ON_FIRST_START: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const service = (url: string): ChildService => ({
    url,
    child,
    output: () => log,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start:\n${log}`)), 30_000);
    // The sign-in line is for a person and goes to stderr; the JSON log goes to stdout.
    const read = (chunk: Buffer) => {
      log += chunk;
      const match = /callflow is running: (http:\/\/[^/\s]+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(service(match[1]));
      }
    };
    child.stderr?.on('data', read);
    child.stdout?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code}:\n${log}`));
    });
  });
}

/** fetch with the admin token; resolves undefined when the connection failed (service killed). */
export async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers } | undefined> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${CHILD_TOKEN}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  } catch {
    return undefined;
  }
}
