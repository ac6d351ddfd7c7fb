import type { CliCommand } from './command.js';
import { diffCommand } from './diff.js';
import { fmtCommand } from './fmt.js';
import { migrateCommand } from './migrate.js';
import { runCommand } from './run.js';
import { testCommand } from './test.js';
import { validateCommand } from './validate.js';

/** Every `callflow` command, in the order `--help` lists them. Add a command: one file, one line here. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  fmtCommand,
  migrateCommand,
  testCommand,
  runCommand,
  diffCommand,
];
