import { EXIT_OK, EXIT_PROBLEMS } from '../cli-io.js';
import { type CliCommand, pathsArgument } from './command.js';
import {
  formatOption,
  outputFormat,
  PATHS_ARGUMENT,
  PATHS_DESCRIPTION,
  resourcesOption,
  resourcesPath,
} from './options.js';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check flows, resources and flow tests (schema and lint rules)',
  configure(command) {
    command
      .argument(PATHS_ARGUMENT, PATHS_DESCRIPTION)
      .addOption(formatOption())
      .addOption(resourcesOption())
      .option('--strict', 'warnings fail too')
      .addHelpText(
        'after',
        '\nExit codes: 0 no errors (warnings allowed unless --strict), 1 problems found, 2 usage error.',
      );
  },
  async run(input) {
    const [{ loadWorkspace }, { checkWorkspace }, report] = await Promise.all([
      import('../workspace.js'),
      import('../check-workspace.js'),
      import('../report.js'),
    ]);
    const resources = resourcesPath(input.options);
    const workspace = await loadWorkspace(pathsArgument(input), {
      cwd: input.io.cwd,
      ...(resources ? { resources } : {}),
    });
    const { problems, outdated } = checkWorkspace(workspace);
    const counts = report.countProblems(problems);
    if (outputFormat(input.options) === 'json') {
      input.io.stdout(report.formatJson(problems));
    } else {
      const text = report.formatHuman(problems);
      if (text) input.io.stdout(`${text}\n`);
      for (const { file, version } of outdated) {
        input.io.stdout(
          `note: ${file} is in format version ${version} (checked after upgrading it in memory); run "callflow migrate" to upgrade the file.\n`,
        );
      }
      input.io.stdout(`${report.summaryLine(counts, workspace.files.length)}\n`);
    }
    const failed = counts.errors > 0 || (input.options.strict === true && counts.warnings > 0);
    return failed ? EXIT_PROBLEMS : EXIT_OK;
  },
};
