#!/usr/bin/env node
import { runCli } from './program.js';

// Set the exit code rather than calling process.exit(): pending output to a pipe is flushed first.
process.exitCode = await runCli(process.argv.slice(2));
