import { EXIT_OK, EXIT_PROBLEMS } from '../cli-io.js';
import type { CliCommand } from './command.js';

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'what changed in behaviour between two versions of a flow (layout-only moves ignored)',
  configure(command) {
    command
      .argument('<before>', 'a flow file, or a git revision of one: HEAD~1:flows/sales-inbound.flow.json')
      .argument('<after>', 'a flow file, or a git revision of one')
      .option('--markdown', 'write Markdown, e.g. for a pull-request comment')
      .addHelpText(
        'after',
        '\nBlocks added, removed and changed (settings field by field, outcomes rewired), variables, the\n' +
          'agent popover and the flow settings; where blocks sit on the canvas is not a change.\n' +
          'An empty file (a flow added or deleted, as git difftool passes it) counts as a flow without blocks.\n' +
          'As a git difftool: git config difftool.callflow.cmd \'callflow diff "$LOCAL" "$REMOTE"\',\n' +
          'then git difftool -y -t callflow HEAD~1 -- flows/sales-inbound.flow.json (docs/cli.md).\n' +
          'Exit codes: 0 compared (whether or not anything changed), 1 a side cannot be read as a flow, 2 usage error.',
      );
  },
  async run(input) {
    const [{ readFlowSide }, model, report] = await Promise.all([
      import('../flow-side.js'),
      import('@callflow/model'),
      import('../report.js'),
    ]);
    const { io } = input;
    const [beforeArg, afterArg] = input.args.map(String) as [string, string];
    const [before, after] = await Promise.all([
      readFlowSide(beforeArg, io.cwd),
      readFlowSide(afterArg, io.cwd),
    ]);
    const problems = [...(before.ok ? [] : before.problems), ...(after.ok ? [] : after.problems)];
    if (!before.ok || !after.ok) {
      io.stderr(report.formatHuman(problems));
      return EXIT_PROBLEMS;
    }
    // An empty side (added or deleted file) is the other flow without blocks, variables or popover.
    const left = before.flow ?? withoutContent(after.flow!);
    const right = after.flow ?? withoutContent(before.flow!);
    const diff = model.diffFlows(left, right);
    const title = `${left.id}: ${beforeArg} → ${afterArg}`;
    io.stdout(model.formatFlowDiff(diff, { title, markdown: input.options.markdown === true }));
    return EXIT_OK;
  },
};

function withoutContent<T extends { blocks: object; variables?: object; popover?: string[] }>(flow: T): T {
  const empty = { ...flow, blocks: {} };
  delete empty.variables;
  delete empty.popover;
  return empty;
}
