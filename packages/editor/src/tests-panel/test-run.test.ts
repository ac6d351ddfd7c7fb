import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flow, Resources } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import type { FlowTestDocument, FlowTestFile } from '../api/client';
import { runTests } from './test-run';
import { untestedOutcomes, useTestsStore } from './tests-store';

const FLOWS_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'flows');
const read = (name: string) => JSON.parse(readFileSync(join(FLOWS_DIR, name), 'utf8'));
const resources = read('resources.json') as Resources;
const flows: Record<string, Flow> = {};
for (const file of readdirSync(FLOWS_DIR).filter((f) => f.endsWith('.flow.json'))) {
  const flow = read(file) as Flow;
  flows[flow.id] = flow;
}
const salesTests: FlowTestFile = {
  file: 'sales-inbound.test.json',
  etag: '"1"',
  test: read('sales-inbound.test.json') as FlowTestDocument,
  problems: [],
};
const sales = flows['sales-inbound'] as Flow;
const scenarioCount = salesTests.test?.scenarios.length ?? 0;

/** The sales flow with the regional office's number dialled from a different office. */
function withRegionalOfficeMoved(): Flow {
  const copy = structuredClone(sales);
  const block = copy.blocks['regional-office'] as { settings: Record<string, unknown> };
  block.settings = { ...block.settings, to: { value: '+14155550175' } };
  return copy;
}

describe('flow tests in the designer', () => {
  it('runs every scenario of the flow against the flows as they are in the designer', () => {
    const run = runTests({ flow: sales, flows, resources, files: [salesTests] });
    expect(run.failed).toBe(0);
    expect(run.passed).toBe(scenarioCount);
    expect(run.outcomes.every((o) => o.file === 'sales-inbound.test.json' && o.flow === sales)).toBe(true);
  });

  it('runs against the unsaved draft: an edit that breaks a scenario fails it, with what was expected', () => {
    const draft = withRegionalOfficeMoved();
    const run = runTests({ flow: draft, flows, resources, files: [salesTests] });
    const failed = run.outcomes.filter((o) => !o.passed);
    expect(failed.map((o) => o.name)).toContain(
      'regional office (3): the Chicago office sees the Chicago sales number (same area code)',
    );
    expect(failed[0]?.failures.length).toBeGreaterThan(0);
    expect(failed[0]?.failures.map((f) => f.message).join('\n')).toMatch(/13125550175|312/);
    expect(run.passed + run.failed).toBe(scenarioCount);
  });

  it('runs one scenario alone, and the store keeps the other results', () => {
    const store = useTestsStore.getState();
    store.loading('sales-inbound');
    store.loaded('sales-inbound', [salesTests]);
    store.finished(runTests({ flow: sales, flows, resources, files: [salesTests] }), false);
    const name = salesTests.test?.scenarios[3]?.name as string;
    const draft = withRegionalOfficeMoved();
    const one = runTests({
      flow: draft,
      flows,
      resources,
      files: [salesTests],
      only: { file: 'sales-inbound.test.json', name },
    });
    expect(one.outcomes.map((o) => o.name)).toEqual([name]);
    useTestsStore.getState().finished(one, true);
    const { run } = useTestsStore.getState();
    expect(run?.outcomes).toHaveLength(scenarioCount);
    expect(run?.failed).toBe(1);
    expect(run?.outcomes.find((o) => o.name === name)?.flow).toBe(draft);
    // One scenario covers part of the flow only: the whole run's coverage stays, and one run has none.
    expect(one.coverage).toBeUndefined();
    expect(run?.coverage?.flow).toBe('sales-inbound');
  });

  it("reports a whole run's coverage of the open flow, which the canvas reads for that flow only", () => {
    const run = runTests({ flow: sales, flows, resources, files: [salesTests] });
    expect(run.coverage?.flow).toBe('sales-inbound');
    expect(run.coverage?.blocks.untested).toContain('set-callback-number');
    expect(run.coverage?.paths.find((p) => p.block === 'set-callback-number')?.skeleton?.expect).toEqual({
      visits: ['set-callback-number'],
    });
    const store = useTestsStore.getState();
    store.loading('sales-inbound');
    store.loaded('sales-inbound', [salesTests]);
    store.finished(run, false);
    const untested = untestedOutcomes(useTestsStore.getState(), 'sales-inbound');
    expect(untested?.has('check-hours\u0000error')).toBe(true);
    expect(untested?.has('welcome\u0000success')).toBe(false);
    expect(untestedOutcomes(useTestsStore.getState(), 'support-inbound')).toBeUndefined();
  });

  it('skips a file that could not be read, and drops answers about a flow no longer open', () => {
    const broken: FlowTestFile = { file: 'x.test.json', etag: '"1"', test: null, problems: [] };
    expect(runTests({ flow: sales, flows, resources, files: [broken] }).outcomes).toEqual([]);
    const store = useTestsStore.getState();
    store.loading('support-inbound');
    store.loaded('sales-inbound', [salesTests]);
    expect(useTestsStore.getState()).toMatchObject({ flowId: 'support-inbound', files: null, run: null });
  });
});
