export type { CliIo } from './cli-io.js';
export { EXIT_INTERNAL, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './cli-io.js';
export type { CliCommand, CommandInput } from './commands/command.js';
export { runCli } from './program.js';
export type { FileKind, LoadOptions, Project, Workspace, WorkspaceFile } from './workspace.js';
export { loadWorkspace } from './workspace.js';
