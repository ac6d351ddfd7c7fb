import { blockDefinition, type Flow } from '@callflow/model';
import { getShortestPaths } from '@xstate/graph';
import { compile, outcomeEvent } from '../compile/compile.js';
import type { TraceEntry } from '../types.js';
import type { CallerStep, Scenario } from './flow-test.js';

/** One outcome of one block. */
export interface OutcomeRef {
  block: string;
  outcome: string;
}

/** The shortest way from the flow's start to a block no scenario entered, and a scenario to start from. */
export interface PathToBlock {
  block: string;
  /** Each block on the way and the outcome it must take; the last one leads to `block`. */
  steps: OutcomeRef[];
  /** The skeleton of a new scenario along this path, for the flow a test file enters (else absent). */
  skeleton?: Scenario;
}

export interface FlowCoverage {
  flow: string;
  blocks: { total: number; exercised: string[]; untested: string[] };
  /** Every outcome each block can take with its settings, wired or not. */
  outcomes: { total: number; exercised: OutcomeRef[]; untested: OutcomeRef[] };
  /** For each untested block the scenarios' flow can reach: the shortest outcome path to it. */
  paths: PathToBlock[];
}

export interface CoverageInput {
  flows: readonly Flow[];
  /** What ran: the flow each test file enters, a scenario of it (its call is the skeletons' call), and the traces. */
  runs: readonly { flow: string; scenario?: Scenario; trace: readonly TraceEntry[] }[];
}

/**
 * Which blocks and outcomes of each flow the scenarios exercised, read from their traces. The flows
 * reported are those the test files enter and every flow their calls reached (modules, queue and
 * whisper flows). For each block no scenario entered, the compiled flow's XState machine gives the
 * shortest outcome path from the start (`@xstate/graph`), offered as the skeleton of a new scenario.
 */
export function flowCoverage(input: CoverageInput): FlowCoverage[] {
  const byId = new Map(input.flows.map((f) => [f.id, f]));
  const entered = new Map<string, Set<string>>();
  const taken = new Map<string, Set<string>>();
  const order: string[] = [];
  const note = (flowId: string) => {
    if (!entered.has(flowId) && byId.has(flowId)) {
      entered.set(flowId, new Set());
      taken.set(flowId, new Set());
      order.push(flowId);
    }
  };
  const templates = new Map<string, Scenario>();
  for (const run of input.runs) {
    note(run.flow);
    if (run.scenario && !templates.has(run.flow)) templates.set(run.flow, run.scenario);
    for (const entry of run.trace) {
      if (entry.flowId === undefined || entry.block === undefined) continue;
      note(entry.flowId);
      entered.get(entry.flowId)?.add(entry.block);
      if (entry.outcome !== undefined) taken.get(entry.flowId)?.add(key(entry.block, entry.outcome));
    }
  }
  return order.flatMap((flowId) => {
    const flow = byId.get(flowId);
    if (!flow) return [];
    return [coverageOf(flow, entered.get(flowId) ?? new Set(), taken.get(flowId) ?? new Set(), templates)];
  });
}

function coverageOf(
  flow: Flow,
  entered: ReadonlySet<string>,
  taken: ReadonlySet<string>,
  templates: ReadonlyMap<string, Scenario>,
): FlowCoverage {
  const blockIds = Object.keys(flow.blocks);
  const outcomes: OutcomeRef[] = [];
  for (const id of blockIds) {
    const block = flow.blocks[id];
    const definition = block ? blockDefinition(block.type) : undefined;
    if (!block || !definition) continue;
    for (const o of definition.outcomes(block.settings ?? {})) outcomes.push({ block: id, outcome: o.name });
  }
  const untested = blockIds.filter((id) => !entered.has(id));
  const template = templates.get(flow.id);
  const shortest = untested.length > 0 ? shortestPaths(flow) : new Map<string, OutcomeRef[]>();
  const paths: PathToBlock[] = [];
  for (const block of untested) {
    const steps = shortest.get(block);
    if (!steps) continue;
    const path: PathToBlock = { block, steps };
    if (template) path.skeleton = skeleton(flow, block, steps, template);
    paths.push(path);
  }
  return {
    flow: flow.id,
    blocks: { total: blockIds.length, exercised: blockIds.filter((id) => entered.has(id)), untested },
    outcomes: {
      total: outcomes.length,
      exercised: outcomes.filter((o) => taken.has(key(o.block, o.outcome))),
      untested: outcomes.filter((o) => !taken.has(key(o.block, o.outcome))),
    },
    paths,
  };
}

/** Block id -> the outcomes to take from the start to reach it, from the machine's state graph. */
function shortestPaths(flow: Flow): Map<string, OutcomeRef[]> {
  const compiled = compile(flow);
  const events = new Map<string, string>();
  for (const wired of Object.values(compiled.wiring))
    for (const outcome of Object.keys(wired)) events.set(outcomeEvent(outcome), outcome);
  const found = new Map<string, OutcomeRef[]>();
  for (const path of getShortestPaths(compiled.machine)) {
    const steps: OutcomeRef[] = [];
    let at = compiled.start;
    for (const step of path.steps) {
      const outcome = events.get(step.event.type);
      if (outcome === undefined) continue; // XState's own init event
      steps.push({ block: at, outcome });
      at = String(step.state.value);
    }
    found.set(String(path.state.value), steps);
  }
  return found;
}

/**
 * A scenario along the path: the call of an existing scenario of the same flow, a key press for each
 * menu key on the way, and the expectation that the call reaches the block. Outcomes that depend on
 * time, agents or web answers are left for the admin to arrange (the path says which they are).
 */
function skeleton(flow: Flow, block: string, steps: readonly OutcomeRef[], template: Scenario): Scenario {
  const caller: CallerStep[] = [];
  for (const step of steps) {
    if (flow.blocks[step.block]?.type === 'menu' && /^[0-9*#]$/.test(step.outcome))
      caller.push({ press: step.outcome });
  }
  return {
    name: `reaches ${block}`,
    call: { ...template.call },
    ...(caller.length > 0 ? { caller } : {}),
    expect: { visits: [block] },
  };
}

function key(block: string, outcome: string): string {
  return `${block}\u0000${outcome}`;
}

/** The runs of a `runFlowTests` report, each with its scenario (found by name in its test document). */
export function coverageRuns(
  tests: readonly { file?: string; test: { flow: string; scenarios: readonly Scenario[] } }[],
  report: {
    files: readonly {
      file?: string;
      flow: string;
      scenarios: readonly { name: string; trace: readonly TraceEntry[] }[];
    }[];
  },
): CoverageInput['runs'] {
  return report.files.flatMap((file) => {
    const test = tests.find((t) => t.file === file.file && t.test.flow === file.flow)?.test;
    return file.scenarios.map((result) => {
      const scenario = test?.scenarios.find((s) => s.name === result.name);
      return scenario
        ? { flow: file.flow, scenario, trace: result.trace }
        : { flow: file.flow, trace: result.trace };
    });
  });
}
