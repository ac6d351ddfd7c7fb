import type { Flow, Problem, Resources } from '@callflow/model';
import type { FlowCoverage, FlowTest, FlowTestsReport, ScenarioResult } from '@callflow/runtime';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS } from '../cli-io.js';
import { type CliCommand, pathsArgument } from './command.js';
import { formatOption, outputFormat, PATHS_ARGUMENT, resourcesOption, resourcesPath } from './options.js';

export const testCommand: CliCommand = {
  name: 'test',
  summary: 'run the scenario tests (*.test.json) of flows on the simulator',
  configure(command) {
    command
      .argument(PATHS_ARGUMENT, 'flow test files or directories (default: flows)')
      .addOption(formatOption())
      .addOption(resourcesOption())
      .option('--filter <text>', 'run only the scenarios whose name contains this text')
      .option(
        '--coverage',
        'report the blocks and outcomes the scenarios exercised, and the shortest path to each untested block',
      )
      .addHelpText(
        'after',
        '\nEach scenario plays one simulated call (docs/flow-tests.md). The flows beside each test file and\n' +
          'their resources.json are loaded first; flows with errors stop their tests (run "callflow validate").\n' +
          'Exit codes: 0 every scenario passed, 1 a scenario failed or a file has errors, 2 usage error.',
      );
  },
  async run(input) {
    const [{ loadWorkspace }, { checkFlowTestText }, { runFlowTests, flowCoverage, coverageRuns }, report] =
      await Promise.all([
        import('../workspace.js'),
        import('@callflow/model'),
        import('@callflow/runtime'),
        import('../report.js'),
      ]);
    const { io } = input;
    const resources = resourcesPath(input.options);
    const workspace = await loadWorkspace(pathsArgument(input), {
      cwd: io.cwd,
      ...(resources ? { resources } : {}),
    });
    // A directory of tests needs no flows of its own (they may come from --resources' project), so the
    // loader's "no flows found" is not a problem here; a missing test is.
    const problems: Problem[] = workspace.problems.filter(
      (p) => p.severity === 'error' && !p.message.startsWith('No flows found'),
    );
    const testFiles = workspace.files.filter((f) => f.kind === 'test');
    if (testFiles.length === 0) problems.push(noTests(pathsArgument(input).join(', ')));
    const filter = typeof input.options.filter === 'string' ? input.options.filter : undefined;

    const withCoverage = input.options.coverage === true;
    const coverage: FlowCoverage[] = [];
    const results: FlowTestsReport = { files: [], passed: 0, failed: 0 };
    const byDir = new Map<string, typeof testFiles>();
    for (const file of testFiles)
      byDir.set(dirOf(file.absolutePath), [...(byDir.get(dirOf(file.absolutePath)) ?? []), file]);
    for (const [dir, files] of byDir) {
      const project = await loadFlowProject(dir, io, resources);
      problems.push(...project.problems);
      const tests: { file: string; test: FlowTest }[] = [];
      for (const file of files) {
        const checked = checkFlowTestText(file.text, { file: file.path });
        problems.push(...checked.problems.filter((p) => p.severity === 'error'));
        if (checked.test) tests.push({ file: file.path, test: checked.test as unknown as FlowTest });
      }
      if (!project.resources || project.problems.length > 0) continue;
      const run = runFlowTests({
        flows: project.flows,
        resources: project.resources,
        tests,
        ...(filter ? { filter } : {}),
      });
      if (withCoverage)
        coverage.push(...flowCoverage({ flows: project.flows, runs: coverageRuns(tests, run) }));
      results.files.push(...run.files);
      results.passed += run.passed;
      results.failed += run.failed;
    }

    if (outputFormat(input.options) === 'json') {
      io.stdout(
        `${JSON.stringify(
          {
            passed: results.passed,
            failed: results.failed,
            files: results.files.map((f) => ({
              file: f.file ?? null,
              flow: f.flow,
              scenarios: f.scenarios.map((s) => ({
                name: s.name,
                passed: s.passed,
                seconds: s.seconds,
                failures: s.failures,
              })),
            })),
            problems: report.sortProblems(problems).map(report.toJsonProblem),
            ...(withCoverage ? { coverage } : {}),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      if (problems.length > 0) io.stdout(`${report.formatHuman(problems)}\n`);
      for (const file of results.files) io.stdout(formatFile(file.file ?? file.flow, file.scenarios));
      if (withCoverage) io.stdout(formatCoverage(coverage));
      const counts = `${report.plural(results.passed + results.failed, 'scenario')}: ${results.passed} passed, ${results.failed} failed`;
      const broken =
        problems.length > 0 ? `; ${report.plural(problems.length, 'problem')} stopped tests` : '';
      io.stdout(`${counts}${broken}.\n`);
    }
    // A filter that matches nothing must not pass silently in CI.
    const nothingRan = testFiles.length > 0 && results.passed + results.failed === 0 && problems.length === 0;
    if (nothingRan && filter !== undefined)
      io.stderr(`callflow test: no scenario name contains "${filter}".\n`);
    return results.failed > 0 || problems.length > 0 || nothingRan ? EXIT_PROBLEMS : EXIT_OK;
  },
};

function formatFile(file: string, scenarios: readonly ScenarioResult[]): string {
  const lines = [file];
  for (const s of scenarios) {
    lines.push(`  ${s.passed ? 'ok  ' : 'FAIL'}  ${s.name}`);
    for (const f of s.failures) lines.push(`          ${f.message}  (at ${f.path})`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** Per flow: blocks and outcomes exercised, what was not, and the shortest way to each untested block. */
export function formatCoverage(coverage: readonly FlowCoverage[]): string {
  const lines = ['Coverage'];
  for (const c of coverage) {
    lines.push(
      `  ${c.flow}: ${c.blocks.exercised.length}/${c.blocks.total} blocks, ${c.outcomes.exercised.length}/${c.outcomes.total} outcomes exercised`,
    );
    if (c.outcomes.untested.length > 0)
      lines.push(
        `    untested outcomes: ${c.outcomes.untested.map((o) => `${o.block} ${o.outcome}`).join(', ')}`,
      );
    for (const block of c.blocks.untested) {
      const path = c.paths.find((p) => p.block === block);
      const way = path
        ? `shortest path: ${path.steps.map((s) => `${s.block} -${s.outcome}->`).join(' ')} ${block}`
        : 'not reachable from the start';
      lines.push(`    untested block ${block}: ${way}`);
      if (path?.skeleton) lines.push(`      new scenario: ${JSON.stringify(path.skeleton)}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

function dirOf(path: string): string {
  return path.replace(/[\\/][^\\/]*$/, '');
}

function noTests(where: string): Problem {
  return {
    code: 'CF006',
    severity: 'error',
    message: `No flow tests found: ${where} holds no *.test.json files.`,
    path: '',
    file: where,
  };
}

export interface FlowProject {
  /** The flows of the directory that passed the schema and have no lint errors. */
  flows: Flow[];
  resources?: Resources;
  /** Errors that stop the simulation: broken flows, missing or invalid resources. */
  problems: Problem[];
}

/**
 * Loads the flows of one directory and its resources the way `callflow validate` checks them. The
 * simulator runs only on flows without errors, so any error is returned instead of a half-loaded set.
 */
export async function loadFlowProject(dir: string, io: CliIo, resources?: string): Promise<FlowProject> {
  const [{ loadWorkspace }, { checkFlowText }] = await Promise.all([
    import('../workspace.js'),
    import('@callflow/model'),
  ]);
  const workspace = await loadWorkspace([dir], { cwd: io.cwd, ...(resources ? { resources } : {}) });
  const problems = workspace.problems.filter((p) => p.severity === 'error');
  const flows: Flow[] = [];
  const own = workspace.files.filter((f) => f.kind === 'flow' && dirOf(f.absolutePath) === dir);
  const project = own[0]?.project ?? workspace.projects.find((p) => p.resourcesFile !== undefined);
  for (const file of own) {
    const checked = checkFlowText(file.text, {
      file: file.path,
      flows: file.project.flows,
      ...(file.project.resources ? { resources: file.project.resources } : {}),
    });
    problems.push(...checked.problems.filter((p) => p.severity === 'error'));
    if (checked.flow) flows.push(checked.flow);
  }
  if (!project?.resources) {
    problems.push(...(project?.resourcesProblems ?? []));
    if (project?.resourcesFile === undefined) {
      problems.push({
        code: 'CF006',
        severity: 'error',
        message: `No resources.json beside the flows in ${project?.dir ?? dir}; flows cannot run without their queues, numbers and prompts (or pass --resources).`,
        path: '',
        file: project?.dir ?? dir,
      });
    }
    return { flows, problems };
  }
  return { flows, resources: project.resources, problems };
}
