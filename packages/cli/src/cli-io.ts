/** Where the CLI writes. Injected so that commands never touch `process` directly and stay testable. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory relative paths are read from. */
  cwd: string;
}

/** Exit codes, documented in docs/cli.md. */
export const EXIT_OK = 0;
/** Problems were found (errors, or warnings with `--strict`), or files would change (`--check`). */
export const EXIT_PROBLEMS = 1;
/** The command line itself is wrong: unknown command or option, bad option value. */
export const EXIT_USAGE = 2;
/** A defect in callflow: an exception nobody expected. */
export const EXIT_INTERNAL = 3;

export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The reader went away (`callflow validate | head`): stop quietly, as command-line tools do.
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
      throw error;
    });
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}
