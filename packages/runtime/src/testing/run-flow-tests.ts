import type { Flow, Resources } from '@callflow/model';
import type { FlowTest } from './flow-test.js';
import { notRun, runScenario, type ScenarioResult } from './run-scenario.js';

export interface FlowTestsInput {
  flows: readonly Flow[];
  resources: Resources;
  /** Test documents (already checked against schemas/flow-test.schema.json), with the file each came from. */
  tests: readonly { file?: string; test: FlowTest }[];
  seed?: number;
  /** Runs only the scenarios whose name contains this text. */
  filter?: string;
}

export interface FlowTestFileResult {
  file?: string;
  flow: string;
  scenarios: ScenarioResult[];
}

export interface FlowTestsReport {
  files: FlowTestFileResult[];
  passed: number;
  failed: number;
}

/** Runs every scenario of every test document; each scenario is a fresh simulation. */
export function runFlowTests(input: FlowTestsInput): FlowTestsReport {
  const known = new Set(input.flows.map((f) => f.id));
  const files: FlowTestFileResult[] = [];
  let passed = 0;
  let failed = 0;
  for (const { file, test } of input.tests) {
    const scenarios = test.scenarios
      .filter((scenario) => input.filter === undefined || scenario.name.includes(input.filter))
      .map((scenario) =>
        Object.keys(scenario.expect ?? {}).length === 0
          ? expectsNothing(test.flow, scenario.name)
          : known.has(test.flow)
            ? runScenario({
                flows: input.flows,
                resources: input.resources,
                test,
                scenario,
                ...(input.seed !== undefined ? { seed: input.seed } : {}),
              })
            : unknownFlow(test.flow, scenario.name),
      );
    for (const s of scenarios) {
      if (s.passed) passed += 1;
      else failed += 1;
    }
    files.push({ ...(file !== undefined ? { file } : {}), flow: test.flow, scenarios });
  }
  return { files, passed, failed };
}

/**
 * A scenario with nothing to check would pass whatever the call does: it fails (the schema refuses it
 * too, CF105; this covers documents that were not checked against it).
 */
function expectsNothing(flow: string, name: string): ScenarioResult {
  return notRun(name, flow, [
    { path: '/expect', message: 'the scenario checks nothing: "expect" names no expectation' },
  ]);
}

function unknownFlow(flow: string, name: string): ScenarioResult {
  return notRun(name, flow, [
    { path: '/flow', message: `no flow with id "${flow}" was found beside the test` },
  ]);
}
