import { EXIT_OK, EXIT_PROBLEMS } from '../cli-io.js';
import { type CliCommand, pathsArgument } from './command.js';
import { PATHS_ARGUMENT, PATHS_DESCRIPTION } from './options.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'upgrade flows written in an older format version (rewritten in canonical form)',
  configure(command) {
    command
      .argument(PATHS_ARGUMENT, PATHS_DESCRIPTION)
      .option('--check', 'change nothing; exit 1 if any flow needs upgrading')
      .option('--dry-run', 'change nothing; show what would be upgraded')
      .addHelpText(
        'after',
        '\nExit codes: 0 done (or nothing to upgrade with --check), 1 flows to upgrade with --check or unreadable files, 2 usage error.',
      );
  },
  async run(input) {
    const [{ loadWorkspace }, { migrateFlowText }, { default: writeFileAtomic }, report] = await Promise.all([
      import('../workspace.js'),
      import('../migrate-flow-text.js'),
      import('write-file-atomic'),
      import('../report.js'),
    ]);
    const { io } = input;
    const check = input.options.check === true;
    const write = !check && input.options.dryRun !== true;
    const workspace = await loadWorkspace(pathsArgument(input), { cwd: io.cwd });
    const problems = [...workspace.problems];
    const flows = workspace.files.filter((f) => f.kind === 'flow');
    let upgraded = 0;
    for (const file of flows) {
      const result = migrateFlowText(file.text, file.path);
      if (result.status === 'unreadable') {
        problems.push(...result.problems);
        continue;
      }
      if (result.status === 'current') continue;
      if (write) await writeFileAtomic(file.absolutePath, result.text);
      upgraded++;
      io.stdout(`${file.path}: ${result.steps.join(', ')}\n`);
    }
    if (problems.length > 0) io.stderr(report.formatHuman(problems));
    const verb = write ? 'upgraded' : 'to upgrade';
    io.stdout(`${report.plural(flows.length, 'flow')} checked, ${upgraded} ${verb}.\n`);
    if (upgraded > 0 && write) io.stdout('Run "callflow validate" to check the upgraded flows.\n');
    return problems.length > 0 || (check && upgraded > 0) ? EXIT_PROBLEMS : EXIT_OK;
  },
};
