import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/**
 * One `callflow <name>` command. Adding a command is one file exporting a `CliCommand` plus one line in
 * `commands/index.ts`.
 *
 * Start-up stays fast because `configure` runs for every invocation (it only declares arguments and
 * options) while `run` runs for this command alone: import heavy modules (`@callflow/model`, the
 * runtime, the workspace loader) inside `run` with `await import(...)`, never at the top of the file.
 */
export interface CliCommand {
  name: string;
  /** One line for `callflow --help`. */
  summary: string;
  /** Declares the arguments, options and longer help text. */
  configure(command: Command): void;
  /** Does the work and returns the exit code (see cli-io.ts). Never calls `process.exit`. */
  run(input: CommandInput): Promise<number>;
}

export interface CommandInput {
  /** Positional arguments as commander parsed them (a variadic argument is one array). */
  args: unknown[];
  /** Options as commander parsed them (camelCase keys). */
  options: Record<string, unknown>;
  io: CliIo;
}

/** The `[paths...]` argument most commands take: files or directories, `flows` by default. */
export function pathsArgument(input: CommandInput): string[] {
  const value = input.args[0];
  return Array.isArray(value) && value.length > 0 ? value.map(String) : ['flows'];
}
