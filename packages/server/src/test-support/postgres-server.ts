import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A PostgreSQL server the tests started: loopback only, its own port and directory, trust auth. */
export interface TestPostgres {
  /** postgres://callflow@127.0.0.1:<port>/postgres */
  url: string;
  /** Stops the server (as a crash does: immediate) and removes its directory. */
  stop(): void;
  /** Takes the server down and brings it back on the same port and data (an outage of the database). */
  down(): void;
  up(): void;
}

/** Debian's PostgreSQL binaries (newest major first), or CALLFLOW_PG_BIN. */
export function postgresBin(): string | undefined {
  const given = process.env.CALLFLOW_PG_BIN;
  if (given) return existsSync(join(given, 'initdb')) ? given : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * initdb in a temporary directory and a server on a free loopback port. PostgreSQL refuses to run as
 * root: tests running as root run it as the `postgres` user (Debian's package makes that user). Made
 * for tests: fsync and synchronous commit are off (a test never survives a power cut).
 *
 * `durableCommits` turns synchronous commit back on, for a test that takes the server down with
 * {@link TestPostgres.down}: an immediate stop discards WAL not yet written, so without it the last
 * commits before an outage (a first start's publish, say) would be lost, which a real outage of a
 * server with the default settings never does.
 */
export async function startTestPostgres(options: { durableCommits?: boolean } = {}): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `node scripts/ensure-postgres.mjs` ' +
        '(apt-get install -y --no-install-recommends postgresql) or set CALLFLOW_PG_BIN',
    );
  const dir = mkdtempSync(join(tmpdir(), 'callflow-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, command),
      asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args,
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  const data = join(dir, 'data');
  run('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'callflow',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    `-c synchronous_commit=${options.durableCommits ? 'on' : 'off'}`,
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const start = () =>
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  start();
  return {
    url: `postgres://callflow@127.0.0.1:${port}/postgres`,
    down: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    up: start,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh database on the test server (one per suite, so suites never see each other's rows). */
export async function createTestDatabase(serverUrl: string, prefix = 'test'): Promise<string> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
