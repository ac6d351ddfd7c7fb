import { describe, expect, it } from 'vitest';
import { menuFlow, resources, supportQueueFlow } from '../engine/test-support/fixtures.js';
import { coverageRuns, flowCoverage } from './coverage.js';
import type { FlowTest } from './flow-test.js';
import { runFlowTests } from './run-flow-tests.js';
import { runScenario } from './run-scenario.js';

const flows = [menuFlow(), supportQueueFlow()];
const call = { from: '+12015550199', to: '+12015550100', at: '2026-01-05T15:00:00Z' };
const test: FlowTest = {
  formatVersion: 1,
  flow: 'main',
  scenarios: [{ name: 'opening hours', call, caller: [{ press: '1' }], expect: { visits: ['hours'] } }],
};

function coverage(t: FlowTest = test) {
  const tests = [{ file: 'main.test.json', test: t }];
  const report = runFlowTests({ flows, resources: resources(), tests });
  return flowCoverage({ flows, runs: coverageRuns(tests, report) });
}

describe('flowCoverage', () => {
  it('reports the blocks and outcomes the scenarios exercised, and the ones they did not', () => {
    const [main, ...others] = coverage();
    expect(others).toEqual([]);
    expect(main?.flow).toBe('main');
    expect(main?.blocks.exercised).toEqual(['welcome', 'choose', 'hours', 'bye']);
    expect(main?.blocks.untested).toEqual(['queue', 'transfer']);
    expect(main?.outcomes.exercised).toEqual([
      { block: 'welcome', outcome: 'success' },
      { block: 'choose', outcome: '1' },
      { block: 'hours', outcome: 'success' },
    ]);
    expect(main?.outcomes.untested).toContainEqual({ block: 'choose', outcome: '2' });
    expect(main?.outcomes.untested).toContainEqual({ block: 'choose', outcome: 'timeout' });
    // welcome: success, error; choose: 1, 2, timeout, noMatch, error; hours: 2; queue: 2; transfer: 2
    expect(main?.outcomes.total).toBe(13);
  });

  it('gives the shortest outcome path to each untested block, from the compiled machine', () => {
    const [main] = coverage();
    expect(main?.paths.map((p) => [p.block, p.steps])).toEqual([
      [
        'queue',
        [
          { block: 'welcome', outcome: 'success' },
          { block: 'choose', outcome: '2' },
        ],
      ],
      [
        'transfer',
        [
          { block: 'welcome', outcome: 'success' },
          { block: 'choose', outcome: '2' },
          { block: 'queue', outcome: 'success' },
        ],
      ],
    ]);
  });

  it('offers a scenario skeleton that reaches the untested block when it runs', () => {
    const [main] = coverage();
    const skeleton = main?.paths[0]?.skeleton;
    expect(skeleton).toEqual({
      name: 'reaches queue',
      call,
      caller: [{ press: '2' }],
      expect: { visits: ['queue'] },
    });
    if (!skeleton) return;
    const result = runScenario({ flows, resources: resources(), test: { flow: 'main' }, scenario: skeleton });
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('reports the flows the calls reached beyond the one the test enters', () => {
    const reaching: FlowTest = {
      ...test,
      scenarios: [{ name: 'support', call, caller: [{ press: '2' }], expect: { queue: 'support' } }],
    };
    const [main, queue] = coverage(reaching);
    expect(main?.blocks.untested).toEqual(['hours', 'bye']);
    expect(queue?.flow).toBe('support-queue');
    expect(queue?.blocks.exercised).toContain('status');
    // A flow no test file enters gets paths but no skeleton: a scenario cannot start there.
    expect(queue?.paths.every((p) => p.skeleton === undefined)).toBe(true);
  });
});
