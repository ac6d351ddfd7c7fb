// A PostgreSQL server for the center benchmark, started as the server's tests start theirs
// (packages/server/src/test-support/postgres-server.ts): initdb in a temporary directory, as the
// `postgres` user when running as root (initdb refuses root), loopback only, a free port.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function bin() {
  if (process.env.CALLFLOW_PG_BIN) return process.env.CALLFLOW_PG_BIN;
  const root = '/usr/lib/postgresql';
  const major = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!major) throw new Error('PostgreSQL is not installed: node scripts/ensure-postgres.mjs');
  return join(root, major, 'bin');
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts a server; resolves { url, stop }. Durable settings (fsync on), as a production server runs. */
export async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'callflow-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (command, args) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin(), command),
      asRoot ? ['-u', 'postgres', '--', join(bin(), command), ...args] : args,
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'callflow', '-E', 'UTF8', '--no-instructions']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    url: `postgres://callflow@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
