import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { type CliIo, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, processIo } from './cli-io.js';
import { COMMANDS } from './commands/index.js';

/**
 * Runs `callflow` with these arguments (without `node` and the script) and returns the exit code.
 * Usage errors exit 2 with a hint; an unexpected exception exits 3 with one line, never a stack trace
 * (set CALLFLOW_DEBUG=1 to see it).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('callflow')
    .description('Validate, format, migrate and test callflow contact flows kept in git.')
    .version(cliVersion(), '-v, --version', 'print the callflow version')
    .helpOption('-h, --help', 'show help')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(true)
    .exitOverride();
  program.helpCommand('help [command]', 'show help for a command');

  for (const spec of COMMANDS) {
    const command = program.command(spec.name).summary(spec.summary).description(spec.summary);
    spec.configure(command);
    command.action(async (...params: unknown[]) => {
      const self = params.at(-1) as Command;
      exitCode = await spec.run({ args: params.slice(0, -2), options: self.opts(), io });
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`callflow: unexpected error: ${message}\nThis is a defect in callflow; please report it.\n`);
    if (process.env.CALLFLOW_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}

/**
 * The version in this package's package.json. Looked up from this module's location, which is dist/ when
 * compiled and dist/chunks/ when bundled.
 */
function cliVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === '@callflow/cli' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not here: try one level up.
    }
  }
  return '0.0.0';
}
