#!/usr/bin/env node
/**
 * `callflow-server [flows-dir] [--host] [--port] [--data] [--resources] [--tokens] [--tokens-file]`
 * Starts the service and prints the URL to open on stderr (with the start-up token when none was configured,
 * and a sign-in link per agent for the desktop then).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, startupUrl } from './config.js';
import { LogHealth } from './ops/log-destination.js';
import { createLogger } from './ops/logger.js';
import { firstStartLines } from './publishing/first-start.js';
import { agentSignInUrl } from './security/startup-agent-tokens.js';
import { createService } from './service.js';
import { ResourcesDamagedError } from './store/live-resources.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.argv.slice(2), process.env, {
      flowsDir: join(repoRoot, 'flows'),
      editorDist: join(repoRoot, 'packages', 'editor', 'dist'),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`callflow: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // A full disk under stdout must not crash the service: the log counts failed writes (see /healthz),
  // and the plain lines below give up quietly.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const logHealth = new LogHealth();
  const logger = createLogger({ level: config.logLevel, health: logHealth });
  let service: Awaited<ReturnType<typeof createService>>;
  try {
    service = await createService(config, { logger, logHealth, defaultMetrics: true });
  } catch (error) {
    // Decided: a damaged resources file with no last good copy refuses the start, saying where.
    if (error instanceof ResourcesDamagedError) {
      process.stderr.write(`callflow: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let port: number;
  try {
    port = await service.listen();
  } catch (error) {
    process.stderr.write(
      `callflow: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}\n`,
    );
    await service.close();
    process.exit(1);
  }
  logger.info({ host: config.host, port, flowsDir: config.flowsDir, dataDir: config.dataDir }, 'listening');
  // The sign-in URL is for the person who started the service, not for the JSON log on stdout (which log
  // collectors keep): it goes to stderr, and carries an operator's own token only when a terminal shows it.
  // A generated token is printed either way: that line is the only way to learn it.
  const showToken = config.startupTokenGenerated === true || process.stderr.isTTY === true;
  // Beside the URL, for the same person: what the first start published, so the first call just works.
  const lines = [`callflow is running: ${startupUrl(config, port, { withToken: showToken })}`];
  if (service.firstStart) lines.push(...firstStartLines(service.firstStart));
  const base = startupUrl(config, port, { withToken: false });
  for (const signIn of service.agentSignIns) {
    lines.push(`  agent desktop for ${signIn.agent}: ${agentSignInUrl(base, signIn)}`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `callflow: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
