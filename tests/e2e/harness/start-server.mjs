// Starts the real callflow server the way an operator would, on a free loopback port, with a temporary
// copy of the sample flows and an empty data directory. Shared by the browser tests and bench/.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SERVER_MAIN = join(REPO_ROOT, 'packages', 'server', 'dist', 'main.js');
const TOKEN = 'e2e-admin-token';
/** The sample resources' agents (flows/resources.json); each gets a desktop token of role `agent`. */
const SAMPLE_AGENTS = ['alice.ng', 'bilal.khan', 'carmen.diaz', 'dmitri.volkov', 'emma.larsen'];

/** @param {string} agent */
export const agentToken = (agent) => `e2e-agent-token-${agent}`;

/**
 * @typedef {object} RunningServer
 * @property {string} url
 * @property {string} token the admin token
 * @property {Record<string, string>} agentTokens a desktop token (role `agent`) for each sample agent, by
 *   agent name: `agentTokens['alice.ng']` signs in as alice.ng only
 * @property {string} flowsDir the temporary copy of `flows/` the server reads and writes
 * @property {() => string} output everything the server printed, for failure messages
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/**
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => string} output
 */
async function waitForHealth(url, child, output) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer /healthz within 20 s:\n${output()}`);
}

/**
 * @typedef {object} ServerOptions
 * @property {Record<string, string>} [extraFiles] extra files written into the flows copy (name -> text),
 *   e.g. a generated flow for a benchmark
 * @property {boolean} [firstStart] let the first start publish the flows, as `npm start` does on a new
 *   data directory; off by default, so that a test starts with nothing published
 * @property {Record<string, string>} [env] more environment for the server (CALLFLOW_*)
 */

/**
 * @param {ServerOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  if (!existsSync(SERVER_MAIN))
    throw new Error(`${SERVER_MAIN} is missing: build first (npx turbo run build)`);
  const work = mkdtempSync(join(tmpdir(), 'callflow-e2e-'));
  const flowsDir = join(work, 'flows');
  const dataDir = join(work, 'data');
  cpSync(join(REPO_ROOT, 'flows'), flowsDir, { recursive: true });
  mkdirSync(dataDir);
  for (const [name, text] of Object.entries(options.extraFiles ?? {}))
    writeFileSync(join(flowsDir, name), text);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: work,
    env: {
      ...process.env,
      CALLFLOW_TOKEN: TOKEN,
      CALLFLOW_TOKENS: SAMPLE_AGENTS.map((agent) => `${agent}:${agentToken(agent)}:agent`).join(','),
      CALLFLOW_HOST: '127.0.0.1',
      CALLFLOW_PORT: String(port),
      CALLFLOW_FLOWS_DIR: flowsDir,
      CALLFLOW_DATA_DIR: dataDir,
      CALLFLOW_LOG_LEVEL: 'warn',
      CALLFLOW_PUBLISH_ON_FIRST_START: options.firstStart ? 'on' : 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const output = () => log;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  const agentTokens = Object.fromEntries(SAMPLE_AGENTS.map((agent) => [agent, agentToken(agent)]));
  return { url, token: TOKEN, agentTokens, flowsDir, output, stop };
}
