import { EXIT_OK, EXIT_PROBLEMS } from '../cli-io.js';
import { type CliCommand, pathsArgument } from './command.js';
import { PATHS_ARGUMENT, PATHS_DESCRIPTION } from './options.js';

export const fmtCommand: CliCommand = {
  name: 'fmt',
  summary: 'rewrite flows, resources and flow tests in canonical form',
  configure(command) {
    command
      .argument(PATHS_ARGUMENT, PATHS_DESCRIPTION)
      .option('--check', 'change nothing; list the files that are not canonical and exit 1 if any')
      .addHelpText(
        'after',
        '\nCanonical form: fixed key order, 2-space indent, trailing newline (docs/format.md).\n' +
          'Files that are not valid JSON are reported and never rewritten.\n' +
          'Exit codes: 0 done (or all canonical with --check), 1 files not canonical with --check or unreadable files, 2 usage error.',
      );
  },
  async run(input) {
    const [{ loadWorkspace }, { canonicalText }, { default: writeFileAtomic }, report] = await Promise.all([
      import('../workspace.js'),
      import('../canonical-text.js'),
      import('write-file-atomic'),
      import('../report.js'),
    ]);
    const { io } = input;
    const check = input.options.check === true;
    const workspace = await loadWorkspace(pathsArgument(input), { cwd: io.cwd });
    const problems = [...workspace.problems];
    const changed: string[] = [];
    const outdated: string[] = [];
    let canonical = 0;
    for (const file of workspace.files) {
      const result = canonicalText(file.kind, file.text, file.path);
      if (result.status === 'canonical') canonical++;
      else if (result.status === 'unreadable') problems.push(...result.problems);
      else if (result.status === 'outdated') {
        outdated.push(`${file.path}: format version ${result.version}; run "callflow migrate" to upgrade it`);
      } else if (result.status === 'changed') {
        if (!check) await writeFileAtomic(file.absolutePath, result.text);
        changed.push(file.path);
      }
    }

    for (const path of changed) io.stdout(check ? `${path}\n` : `formatted ${path}\n`);
    for (const line of outdated) io.stdout(`${line}\n`);
    if (problems.length > 0) io.stderr(`${report.formatHuman(problems)}`);
    const skipped =
      problems.length > 0 ? `; ${report.plural(problems.length, 'problem')} prevented formatting` : '';
    if (check) {
      const verdict =
        changed.length === 0
          ? 'all canonical'
          : `${report.plural(changed.length, 'file')} not canonical: run "callflow fmt"`;
      io.stdout(`${report.plural(workspace.files.length, 'file')} checked, ${verdict}${skipped}.\n`);
    } else {
      io.stdout(
        `${report.plural(changed.length, 'file')} formatted, ${canonical} already canonical${skipped}.\n`,
      );
    }
    const failed = problems.length > 0 || outdated.length > 0 || (check && changed.length > 0);
    return failed ? EXIT_PROBLEMS : EXIT_OK;
  },
};
