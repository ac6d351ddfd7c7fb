/**
 * Runs a flow's scenario tests in the browser, on the runtime's simulator, against the flows as they are
 * in the designer (the open flow with its unsaved edits). Loaded on demand: it brings the runtime.
 */
import { emptyResources, type Flow, type Resources } from '@callflow/model';
import {
  coverageRuns,
  type FlowCoverage,
  type FlowTest,
  flowCoverage,
  runFlowTests,
} from '@callflow/runtime';
import type { FlowTestFile } from '../api/client';

export interface ScenarioOutcome {
  file: string;
  name: string;
  passed: boolean;
  failures: { path: string; message: string }[];
  /** Simulated seconds the call took. */
  seconds: number;
  /** The open flow as this scenario ran on it (to tell when it has been edited since). */
  flow: Flow;
}

export interface TestRun {
  outcomes: ScenarioOutcome[];
  passed: number;
  failed: number;
  /**
   * What a whole run exercised of the open flow (blocks, outcomes, the shortest path to each block no
   * scenario reached); absent after a single scenario's run, which covers only part of the flow.
   */
  coverage?: FlowCoverage;
}

export interface TestRunInput {
  /** The open flow, unsaved edits included. */
  flow: Flow;
  /** Every flow by id (modules, queue and whisper flows the calls may enter). */
  flows: Record<string, Flow>;
  resources: Resources | null;
  files: readonly FlowTestFile[];
  /** Runs only this scenario. */
  only?: { file: string; name: string };
}

export function runTests(input: TestRunInput): TestRun {
  const tests = input.files.flatMap(({ file, test }) => {
    if (!test) return [];
    const scenarios = test.scenarios.filter(
      (s) => !input.only || (input.only.file === file && input.only.name === s.name),
    );
    return scenarios.length > 0 ? [{ file, test: { ...test, scenarios } as unknown as FlowTest }] : [];
  });
  const report = runFlowTests({
    flows: Object.values({ ...input.flows, [input.flow.id]: input.flow }),
    resources: input.resources ?? emptyResources(),
    tests,
  });
  const outcomes = report.files.flatMap(({ file, scenarios }) =>
    scenarios.map((s) => ({
      file: file ?? '',
      name: s.name,
      passed: s.passed,
      failures: s.failures.map((f) => ({ path: f.path, message: f.message })),
      seconds: s.seconds,
      flow: input.flow,
    })),
  );
  const run: TestRun = { outcomes, passed: report.passed, failed: report.failed };
  if (!input.only) {
    const flows = Object.values({ ...input.flows, [input.flow.id]: input.flow });
    const coverage = flowCoverage({ flows, runs: coverageRuns(tests, report) }).find(
      (c) => c.flow === input.flow.id,
    );
    if (coverage) run.coverage = coverage;
  }
  return run;
}
