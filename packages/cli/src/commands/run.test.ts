import { describe, expect, it } from 'vitest';
import { callflow, MINIMAL_FLOW, REPO_ROOT, sampleFile, tempProject } from '../test-support/cli.js';

const MONDAY_MORNING = '2026-03-09T10:00:00-04:00';

describe('callflow run', () => {
  it('plays a call and prints each step with the caller-ID rule and reason', async () => {
    const run = await callflow(['run', 'sales-inbound', '--digits', '3', '--at', MONDAY_MORNING], REPO_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\+00:03 {2}sales-inbound › sales-menu \(menu\) {2}on digits → 3$/m);
    expect(run.stdout).toContain(
      'caller ID +13125550111 "Northwind Sales", rule sameAreaCode: "sales-chicago" (+13125550111) has the same area code 312 (US) as the called number +13125550175',
    );
    expect(run.stdout).toContain('Path: welcome → check-hours → sales-menu → regional-office');
    expect(run.stdout).toContain('Ended: transferred');
  });

  it('takes a file path, several key presses, and the caller and dialled numbers', async () => {
    const run = await callflow(
      [
        'run',
        'flows/support-inbound.flow.json',
        '--digits',
        '1,12345678#',
        '--from',
        '+13125550166',
        '--to',
        '+18005550111',
        '--at',
        MONDAY_MORNING,
      ],
      REPO_ROOT,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('call from +13125550166 to +18005550111');
    expect(run.stdout).toContain('GET https://crm.northwind.example/api/v1/customers/12345678');
    expect(run.stdout).toMatch(
      /^Offered to bilal\.khan \(Billing\): Customer name: null, Account number: "12345678"/m,
    );
    expect(run.stdout).toContain('Ended: connectedToAgent');
  });

  it('keeps the caller waiting with --no-agents until the time limit', async () => {
    const run = await callflow(
      [
        'run',
        'support-inbound',
        '--digits',
        '2',
        '--no-agents',
        '--max-seconds',
        '120',
        '--at',
        MONDAY_MORNING,
      ],
      REPO_ROOT,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Queue: support');
    expect(run.stdout).toContain('Ended: still running after 120 s');
  });

  it('prints the record and trace as JSON', async () => {
    const run = await callflow(
      ['run', 'sales-inbound', '--digits', '3', '--at', MONDAY_MORNING, '--format', 'json'],
      REPO_ROOT,
    );
    const out = JSON.parse(run.stdout) as {
      record: { end: string; dials: { rule: string }[] };
      trace: unknown[];
    };
    expect(out.record.end).toBe('transferred');
    expect(out.record.dials[0]?.rule).toBe('sameAreaCode');
    expect(out.trace.length).toBeGreaterThan(5);
  });

  it('refuses to run a flow with errors, and says which', async () => {
    const broken = MINIMAL_FLOW.replace('"start": "greet"', '"start": "nowhere"');
    const dir = tempProject({
      'flows/hello.flow.json': broken,
      'flows/resources.json': sampleFile('resources.json'),
    });
    const run = await callflow(['run', 'hello'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^flows\/hello\.flow\.json:\d+:\d+ {2}error {4}CF200/m);
    expect(run.stderr).toContain('The call cannot run until these errors are fixed.');
    expect(run.stdout).toBe('');
  });

  it('exits 1 for an unknown flow or a bad time, 2 without a flow', async () => {
    const unknown = await callflow(['run', 'no-such-flow'], REPO_ROOT);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no flow "no-such-flow"');
    const badTime = await callflow(['run', 'sales-inbound', '--at', 'tomorrow'], REPO_ROOT);
    expect(badTime.code).toBe(1);
    expect(badTime.stderr).toContain('is not an ISO 8601 date-time');
    expect((await callflow(['run'], REPO_ROOT)).code).toBe(2);
  });
});
