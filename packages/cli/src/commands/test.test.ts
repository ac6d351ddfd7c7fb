import { describe, expect, it } from 'vitest';
import { callflow, MINIMAL_FLOW, REPO_ROOT, sampleFile, tempProject } from '../test-support/cli.js';

/** The sample flows and resources in a temporary project, plus these extra files. */
function project(extra: Record<string, string>): string {
  const names = [
    'sales-inbound',
    'after-hours',
    'verify-caller',
    'support-queue',
    'agent-whisper',
    'customer-whisper',
    'outbound-whisper',
  ];
  const files: Record<string, string> = { 'flows/resources.json': sampleFile('resources.json') };
  for (const name of names) files[`flows/${name}.flow.json`] = sampleFile(`${name}.flow.json`);
  return tempProject({ ...files, ...extra });
}

const regionalOffice = (expect: Record<string, unknown>, name = 'regional office') =>
  JSON.stringify({
    formatVersion: 1,
    flow: 'sales-inbound',
    scenarios: [
      {
        name,
        call: { from: '+16175550142', to: '+18005550199', at: '2026-03-09T15:00:00Z' },
        caller: [{ press: '3' }],
        expect,
      },
    ],
  });

describe('callflow test', () => {
  it('passes the sample flows’ scenario tests', async () => {
    const run = await callflow(['test', 'flows'], REPO_ROOT);
    expect(run.stdout).toMatch(/^(\d+) scenarios: \1 passed, 0 failed\.$/m);
    expect(run.stdout).toContain(
      '  ok    regional office (3): the Chicago office sees the Chicago sales number',
    );
    expect(run.code).toBe(0);
  });

  it('exits 1 and says which caller ID and rule were expected and got', async () => {
    const dir = project({
      'flows/sales.test.json': regionalOffice({ transfer: { callerId: '+12125550110', rule: 'agentGroup' } }),
    });
    const run = await callflow(['test'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  FAIL  regional office\n');
    expect(run.stdout).toContain(
      'expected caller ID +12125550110 (rule agentGroup) but got +13125550111 (rule sameAreaCode): "sales-chicago" (+13125550111) has the same area code 312 (US) as the called number +13125550175 (passed over "campaign" (+16175550120): area code 617 (US) is not 312 (US); "main" (+12125550100): area code 212 (US) is not 312 (US))  (at /expect/transfer/callerId)',
    );
    expect(run.stdout).toContain('1 scenario: 0 passed, 1 failed.');
  });

  it('reports coverage with --coverage: blocks and outcomes exercised, the shortest path to an untested block', async () => {
    const dir = project({ 'flows/sales.test.json': regionalOffice({ end: 'transferred' }, 'regional') });
    const plain = await callflow(['test'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('Coverage');

    const run = await callflow(['test', '--coverage'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Coverage\n {2}sales-inbound: 4\/20 blocks, 3\/47 outcomes exercised$/m);
    expect(run.stdout).toMatch(
      /^ {4}untested outcomes: .*check-hours outOfHours, check-hours error, .*sales-menu 1, sales-menu 2, /m,
    );
    expect(run.stdout).toContain(
      '    untested block new-customer: shortest path: welcome -success-> check-hours -inHours-> sales-menu -1-> new-customer\n',
    );
    expect(run.stdout).toContain(
      '      new scenario: {"name":"reaches new-customer","call":{"from":"+16175550142","to":"+18005550199","at":"2026-03-09T15:00:00Z"},"caller":[{"press":"1"}],"expect":{"visits":["new-customer"]}}',
    );

    const json = await callflow(['test', '--coverage', '--format', 'json'], dir);
    const out = JSON.parse(json.stdout) as {
      coverage: {
        flow: string;
        blocks: { untested: string[] };
        paths: { block: string; skeleton?: unknown }[];
      }[];
    };
    const sales = out.coverage.find((c) => c.flow === 'sales-inbound');
    expect(sales?.blocks.untested).toContain('new-customer');
    expect(sales?.paths.find((p) => p.block === 'new-customer')?.skeleton).toEqual({
      name: 'reaches new-customer',
      call: { from: '+16175550142', to: '+18005550199', at: '2026-03-09T15:00:00Z' },
      caller: [{ press: '1' }],
      expect: { visits: ['new-customer'] },
    });
  });

  it('prints results as JSON with --format json', async () => {
    const dir = project({
      'flows/a.test.json': regionalOffice({ end: 'transferred' }, 'passes'),
      'flows/b.test.json': regionalOffice({ end: 'disconnected' }, 'fails'),
    });
    const run = await callflow(['test', '--format', 'json', 'flows'], dir);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as {
      passed: number;
      failed: number;
      files: { file: string; scenarios: { name: string; passed: boolean; failures: { path: string }[] }[] }[];
      problems: unknown[];
    };
    expect([out.passed, out.failed]).toEqual([1, 1]);
    expect(out.files.map((f) => [f.file, f.scenarios[0]?.passed])).toEqual([
      ['flows/a.test.json', true],
      ['flows/b.test.json', false],
    ]);
    expect(out.files[1]?.scenarios[0]?.failures.map((f) => f.path)).toEqual(['/expect/end']);
    expect(out.problems).toEqual([]);
  });

  it('runs only matching scenarios with --filter', async () => {
    const dir = project({ 'flows/a.test.json': regionalOffice({ end: 'transferred' }, 'transfer works') });
    const some = await callflow(['test', '--filter', 'transfer'], dir);
    expect(some.stdout).toContain('1 scenario: 1 passed, 0 failed.');
    expect(some.code).toBe(0);
    const none = await callflow(['test', '--filter', 'nothing-matches'], dir);
    expect(none.stdout).toContain('0 scenarios: 0 passed, 0 failed.');
    expect(none.stderr).toBe('callflow test: no scenario name contains "nothing-matches".\n');
    expect(none.code).toBe(1);
  });

  it('reports a test file that breaks the schema, with its location, and exits 1', async () => {
    const bad = JSON.stringify(
      { formatVersion: 1, flow: 'sales-inbound', scenarios: [{ name: 'x', expect: {} }] },
      null,
      2,
    );
    const run = await callflow(['test'], project({ 'flows/bad.test.json': bad }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^flows\/bad\.test\.json:\d+:\d+ {2}error {4}CF1\d\d {2}/m);
  });

  it('does not run tests against flows with errors', async () => {
    const broken = MINIMAL_FLOW.replace('"start": "greet"', '"start": "nowhere"');
    const dir = project({ 'flows/hello.flow.json': broken, 'flows/a.test.json': regionalOffice({}) });
    const run = await callflow(['test'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/flows\/hello\.flow\.json:\d+:\d+ {2}error {4}CF200/);
    expect(run.stdout).toMatch(/problems? stopped tests\.$/m);
  });

  it('exits 1 when there is no test to run or a path cannot be read, and 2 on a usage error', async () => {
    const missing = await callflow(['test', 'flows', 'no-such-dir'], REPO_ROOT);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^no-such-dir {2}error {4}CF006 {2}Cannot read no-such-dir/m);
    const empty = await callflow(['test'], tempProject({ 'flows/hello.flow.json': MINIMAL_FLOW }));
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('No flow tests found: flows holds no *.test.json files.');
    const usage = await callflow(['test', '--format', 'xml'], REPO_ROOT);
    expect(usage.code).toBe(2);
  });
});
