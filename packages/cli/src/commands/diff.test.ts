import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, callflow, sampleFile, tempProject } from '../test-support/cli.js';

const SAMPLES = ['sales-inbound', 'support-inbound', 'after-hours', 'support-queue', 'verify-caller'];

/** The sample with every block moved: a layout-only change. */
function moved(name: string): string {
  const flow = JSON.parse(sampleFile(`${name}.flow.json`));
  for (const p of Object.values(flow.layout) as { x: number; y: number }[]) {
    p.x += 200;
    p.y += 40;
  }
  return `${JSON.stringify(flow, null, 2)}\n`;
}

function edited(): string {
  const flow = JSON.parse(sampleFile('sales-inbound.flow.json'));
  flow.blocks.welcome.settings.prompt.prompt = 'welcome-2027';
  flow.blocks.welcome.next.success = 'sales-menu';
  delete flow.blocks.goodbye;
  flow.blocks['after-hours'].next = { success: 'hang-up', error: 'hang-up' };
  flow.layout.welcome.x += 500;
  return `${JSON.stringify(flow, null, 2)}\n`;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'a',
      GIT_AUTHOR_EMAIL: 'a@b',
      GIT_COMMITTER_NAME: 'a',
      GIT_COMMITTER_EMAIL: 'a@b',
    },
  });
}

/** The sample with a note on `welcome` (x and y as given), as text. */
function noted(name: string, note: { text: string; x: number }, layoutShift = 0): string {
  const flow = JSON.parse(sampleFile(`${name}.flow.json`));
  flow.notes = { 'welcome-tip': { text: note.text, block: 'welcome', x: note.x, y: -140 } };
  flow.layout.welcome.x += layoutShift;
  return `${JSON.stringify(flow, null, 2)}\n`;
}

describe('callflow diff', () => {
  it('lists a note added or changed as notes only, and a note moved with its block as nothing', async () => {
    const dir = tempProject({
      'a.flow.json': sampleFile('sales-inbound.flow.json'),
      'b.flow.json': noted('sales-inbound', { text: 'Greets in two languages.', x: 0 }),
      'c.flow.json': noted('sales-inbound', { text: 'Greets in three languages.', x: 0 }),
      'd.flow.json': noted('sales-inbound', { text: 'Greets in three languages.', x: 90 }, 400),
    });
    const added = await callflow(['diff', 'a.flow.json', 'b.flow.json'], dir);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe(
      'sales-inbound: a.flow.json → b.flow.json\n\n1 note added.\n\nNotes only: no change in behaviour.\n\n' +
        '+ note welcome-tip "Greets in two languages."\n',
    );
    const changed = await callflow(['diff', 'b.flow.json', 'c.flow.json', '--markdown'], dir);
    expect(changed.stdout).toContain(
      '- **changed** note `welcome-tip` `"Greets in three languages."`\n' +
        '  - text: `"Greets in two languages."` → `"Greets in three languages."`',
    );
    const moved = await callflow(['diff', 'c.flow.json', 'd.flow.json'], dir);
    expect(moved.stdout).toContain('No change in behaviour (layout only, if anything).');
  });

  it('finds no change in behaviour when only the layout of a sample flow changed', async () => {
    for (const name of SAMPLES) {
      const dir = tempProject({ 'a.flow.json': sampleFile(`${name}.flow.json`), 'b.flow.json': moved(name) });
      const run = await callflow(['diff', 'a.flow.json', 'b.flow.json'], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(
        `${name}: a.flow.json → b.flow.json\n\nNo change in behaviour (layout only, if anything).\n`,
      );
    }
  });

  it('lists blocks removed and changed, setting by setting and outcome by outcome', async () => {
    const dir = tempProject({
      'a.flow.json': sampleFile('sales-inbound.flow.json'),
      'b.flow.json': edited(),
    });
    const run = await callflow(['diff', 'a.flow.json', 'b.flow.json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const before = JSON.parse(sampleFile('sales-inbound.flow.json')).blocks.welcome.settings.prompt.prompt;
    expect(run.stdout).toBe(
      [
        'sales-inbound: a.flow.json → b.flow.json',
        '',
        '1 block removed, 2 blocks changed.',
        '',
        '~ block after-hours (invokeModule)',
        '    outcome success: goodbye → hang-up',
        '    outcome error: goodbye → hang-up',
        '- block goodbye (playPrompt)',
        '    outcome success went to hang-up',
        '    outcome error went to hang-up',
        '~ block welcome (playPrompt)',
        `    settings.prompt.prompt: ${JSON.stringify(before)} → "welcome-2027"`,
        '    outcome success: check-hours → sales-menu',
        '',
      ].join('\n'),
    );
  });

  it('writes Markdown for a pull-request comment', async () => {
    const dir = tempProject({
      'a.flow.json': sampleFile('sales-inbound.flow.json'),
      'b.flow.json': edited(),
    });
    const run = await callflow(['diff', '--markdown', 'a.flow.json', 'b.flow.json'], dir);
    expect(run.stdout).toMatch(/^### sales-inbound: a\.flow\.json → b\.flow\.json\n/);
    expect(run.stdout).toContain('- **removed** block `goodbye` (playPrompt)');
    expect(run.stdout).toContain('  - outcome success: `check-hours` → `sales-menu`');
  });

  it('reads git revisions of one file, and works as a git difftool', async () => {
    const dir = tempProject({ 'flows/sales-inbound.flow.json': sampleFile('sales-inbound.flow.json') });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/flows/sales-inbound.flow.json`, edited());
    git(dir, 'commit', '-qam', 'second');

    const run = await callflow(
      ['diff', 'HEAD~1:flows/sales-inbound.flow.json', 'HEAD:flows/sales-inbound.flow.json'],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('~ block welcome (playPrompt)');

    git(dir, 'config', 'difftool.callflow.cmd', `"${process.execPath}" "${BIN}" diff "$LOCAL" "$REMOTE"`);
    const tool = git(
      dir,
      'difftool',
      '-y',
      '-t',
      'callflow',
      'HEAD~1',
      'HEAD',
      '--',
      'flows/sales-inbound.flow.json',
    );
    expect(tool).toContain('1 block removed, 2 blocks changed.');
    expect(tool).toContain('    outcome success: check-hours → sales-menu');
  });

  it('treats an empty side as a flow without blocks (a file added), and refuses what is not a flow', async () => {
    const dir = tempProject({
      'empty.json': '',
      'b.flow.json': sampleFile('agent-whisper.flow.json'),
      'bad.json': '{ "id": ',
    });
    const added = await callflow(['diff', 'empty.json', 'b.flow.json'], dir);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('2 blocks added, 3 variables changed');
    expect(added.stdout).toContain('+ block connect (endFlow)');
    const bad = await callflow(['diff', 'bad.json', 'b.flow.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('CF001');
    const missing = await callflow(['diff', 'nope.json', 'HEAD:nope.json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('CF006');
  });
});
