import {
  type CallRecord,
  describeRuntimeError,
  type ScenarioResult,
  type TraceEntry,
} from '@callflow/runtime';
import { EXIT_OK, EXIT_PROBLEMS } from '../cli-io.js';
import type { CliCommand } from './command.js';
import { formatOption, outputFormat, resourcesOption, resourcesPath } from './options.js';

const DEFAULT_FROM = '+12025550143';
const DEFAULT_TO = '+18005550100';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'play one simulated call through a flow and print its trace',
  configure(command) {
    command
      .argument('<flow>', 'a flow file, or the id of a flow in ./flows')
      .option(
        '-d, --digits <keys>',
        'what the caller presses, each time the flow waits for keys: 1,12345678#',
      )
      .option('--from <number>', "the caller's number", DEFAULT_FROM)
      .option('--to <number>', 'the dialled number (DNIS)', DEFAULT_TO)
      .option('--at <date-time>', 'when the call starts, ISO 8601 with offset (default: now)')
      .option('--agent <name...>', 'agents who are Available and accept offers (default: every agent)')
      .option('--no-agents', 'no agent is available')
      .option('--max-seconds <seconds>', 'simulated time limit', '900')
      .addOption(formatOption())
      .addOption(resourcesOption())
      .addHelpText(
        'after',
        '\nExternal numbers answer and HTTP requests fail (no canned answers): write a flow test for more.\n' +
          'Every step is printed with the caller-ID rule and reason of each outbound call.\n' +
          'Exit codes: 0 the call ran, 1 the flow has errors or the call ended in an error, 2 usage error.',
      );
  },
  async run(input) {
    const [
      { existsSync, statSync },
      { basename, join, resolve },
      { loadFlowProject },
      { runScenario },
      report,
    ] = await Promise.all([
      import('node:fs'),
      import('node:path'),
      import('./test.js'),
      import('@callflow/runtime'),
      import('../report.js'),
    ]);
    const { io, options } = input;
    const target = String(input.args[0]);
    const asFile = resolve(io.cwd, target);
    const file =
      existsSync(asFile) && statSync(asFile).isFile()
        ? asFile
        : resolve(io.cwd, join('flows', `${target}.flow.json`));
    if (!existsSync(file)) {
      io.stderr(`callflow run: no flow "${target}": not a file, and no flows/${target}.flow.json here.\n`);
      return EXIT_PROBLEMS;
    }
    const resources = resourcesPath(options);
    const project = await loadFlowProject(file.replace(/[\\/][^\\/]*$/, ''), io, resources);
    const flowId =
      project.flows.find((f) => `${f.id}.flow.json` === basename(file))?.id ?? basename(file, '.flow.json');
    if (project.problems.length > 0 || !project.resources) {
      io.stderr(report.formatHuman(project.problems));
      io.stderr('The call cannot run until these errors are fixed.\n');
      return EXIT_PROBLEMS;
    }
    const at = typeof options.at === 'string' ? options.at : new Date().toISOString();
    if (Number.isNaN(Date.parse(at))) {
      io.stderr(
        `callflow run: --at "${at}" is not an ISO 8601 date-time (e.g. 2026-03-09T10:00:00-05:00).\n`,
      );
      return EXIT_PROBLEMS;
    }
    const agentNames =
      options.agents === false
        ? []
        : Array.isArray(options.agent)
          ? options.agent.map(String)
          : Object.keys(project.resources.agents);
    const digits =
      typeof options.digits === 'string' ? options.digits.split(',').filter((d) => d !== '') : [];
    const result = runScenario({
      flows: project.flows,
      resources: project.resources,
      test: { flow: flowId },
      scenario: {
        name: `call to ${flowId}`,
        call: { from: String(options.from), to: String(options.to), at },
        caller: digits.map((press) => ({ press })),
        agents: Object.fromEntries(agentNames.map((name) => [name, {}])),
        maxSeconds: Number(options.maxSeconds) > 0 ? Number(options.maxSeconds) : 900,
        expect: {},
      },
    });
    if (outputFormat(options) === 'json') {
      io.stdout(
        `${JSON.stringify({ record: result.record, trace: result.trace, seconds: result.seconds, leftOver: result.failures }, null, 2)}\n`,
      );
    } else {
      io.stdout(formatTrace(result.trace));
      io.stdout(formatSummary(result));
    }
    return result.record.end === 'error' ? EXIT_PROBLEMS : EXIT_OK;
  },
};

function clock(ms: number, start: number): string {
  const seconds = Math.round((ms - start) / 1000);
  return `+${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One line per step (time, flow › block, what happened), then its commands and caller-ID choice. */
export function formatTrace(trace: readonly TraceEntry[]): string {
  const start = trace[0]?.at ?? 0;
  const lines: string[] = [];
  for (const entry of trace) {
    if (entry.ignored !== undefined) continue;
    const where =
      entry.block !== undefined
        ? `${entry.flowId ?? ''} › ${entry.block}${entry.blockType ? ` (${entry.blockType})` : ''}`
        : '';
    const what = [
      entry.event !== undefined ? `on ${entry.event}` : '',
      entry.outcome !== undefined ? `→ ${entry.outcome}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    lines.push(`${clock(entry.at, start)}  ${[where, what].filter(Boolean).join('  ')}`.trimEnd());
    if (entry.note !== undefined) lines.push(`          ${entry.note}`);
    if (entry.log !== undefined) lines.push(`          log: ${entry.log}`);
    if (entry.callerId) {
      const c = entry.callerId;
      lines.push(
        `          caller ID ${c.number ?? 'none'}${c.name ? ` "${c.name}"` : ''}, rule ${c.rule}: ${c.reason}`,
      );
    }
    for (const command of entry.commands ?? []) lines.push(`          ${command}`);
    if (entry.error !== undefined) lines.push(`          error: ${describeRuntimeError(entry.error)}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatSummary(result: ScenarioResult): string {
  const r: CallRecord = result.record;
  const lines = [
    '',
    `Path: ${r.visits.map((v) => (v.flow === r.flow ? v.block : `${v.flow}/${v.block}`)).join(' → ')}`,
  ];
  if (r.queues.length > 0) lines.push(`Queue: ${r.queues.join(' → ')}`);
  for (const offer of r.offers) {
    lines.push(
      `Offered to ${offer.agent} (${offer.title}): ${offer.popover.map((p) => `${p.label}: ${JSON.stringify(p.value)}`).join(', ')}`,
    );
  }
  for (const dial of r.dials) {
    lines.push(
      `Dialled ${dial.to} (${dial.purpose}) showing ${dial.callerId ?? 'no caller ID'} — rule ${dial.rule ?? 'unknown'}`,
    );
  }
  for (const cb of r.callbacks) lines.push(`Callback to ${cb.number} in ${cb.queue}: ${cb.status}`);
  if (r.recording.length > 0) lines.push(`Recording: ${r.recording.join(', ')}`);
  lines.push(
    `Ended: ${r.end ?? 'still running'}${r.endReason ? ` (${r.endReason})` : ''} after ${result.seconds} s`,
  );
  for (const f of result.failures) lines.push(`Note: ${f.message}`);
  return `${lines.join('\n')}\n`;
}
