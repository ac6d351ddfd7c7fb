import { describe, expect, it } from 'vitest';
import { callflow, MINIMAL_FLOW, read, tempProject } from '../test-support/cli.js';

/** MINIMAL_FLOW as it was written in format version 0: blocks in a list, positions inside them. */
const VERSION_0 = `${JSON.stringify(
  {
    formatVersion: 0,
    $schema: '../schemas/flow.schema.json',
    id: 'hello',
    name: 'Hello',
    type: 'agent-whisper',
    startBlock: 'greet',
    blocks: [
      {
        id: 'greet',
        type: 'playPrompt',
        settings: { prompt: { text: 'Incoming call.' } },
        transitions: { success: 'done', error: 'done' },
        position: { x: 0, y: 0 },
      },
      { id: 'done', type: 'endFlow', settings: {}, position: { x: 260, y: 0 } },
    ],
  },
  null,
  2,
)}\n`;

describe('callflow migrate', () => {
  it('upgrades a version 0 flow in place, in canonical form, and reports the step', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': VERSION_0 });
    const run = await callflow(['migrate'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^flows\/hello\.flow\.json: v0 -> v1 \(0001-blocks-map: .+\)\n/);
    expect(run.stdout).toContain('1 flow checked, 1 upgraded.');
    expect(read(dir, 'flows/hello.flow.json')).toBe(MINIMAL_FLOW);
    expect((await callflow(['validate'], dir)).code).toBe(0);
    expect((await callflow(['fmt', '--check'], dir)).code).toBe(0);
  });

  it('is what validate suggests for a flow in an older version, which it checks after upgrading in memory', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': VERSION_0 });
    const run = await callflow(['validate'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('note: flows/hello.flow.json is in format version 0');
    expect(run.stdout).toContain('run "callflow migrate"');
    expect((await callflow(['validate', '-f', 'json'], dir)).stdout).toBe('[]\n');
  });

  it('leaves current flows untouched', async () => {
    const scrambledButCurrent = JSON.stringify(JSON.parse(MINIMAL_FLOW));
    const dir = tempProject({ 'flows/hello.flow.json': scrambledButCurrent });
    const run = await callflow(['migrate'], dir);
    expect(run).toMatchObject({ code: 0, stdout: '1 flow checked, 0 upgraded.\n' });
    expect(read(dir, 'flows/hello.flow.json')).toBe(scrambledButCurrent);
  });

  it('--dry-run shows the upgrade without writing', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': VERSION_0 });
    const run = await callflow(['migrate', '--dry-run', 'flows'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('flows/hello.flow.json: v0 -> v1');
    expect(run.stdout).toContain('1 flow checked, 1 to upgrade.');
    expect(read(dir, 'flows/hello.flow.json')).toBe(VERSION_0);
  });

  it('--check exits 1 when a flow needs upgrading, 0 when none does', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': VERSION_0 });
    expect((await callflow(['migrate', '--check'], dir)).code).toBe(1);
    expect(read(dir, 'flows/hello.flow.json')).toBe(VERSION_0);
    await callflow(['migrate'], dir);
    expect((await callflow(['migrate', '--check'], dir)).code).toBe(0);
  });

  it('refuses unknown versions and unreadable files without touching them', async () => {
    const future = '{ "formatVersion": 99, "id": "hello" }\n';
    const dir = tempProject({ 'flows/future.flow.json': future, 'flows/cut.flow.json': '{ "id": ' });
    const run = await callflow(['migrate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/flows\/cut\.flow\.json:1:\d+ {2}error {4}CF001/);
    expect(run.stderr).toMatch(/flows\/future\.flow\.json:1:\d+ {2}error {4}CF003 {2}Format version 99/);
    expect(read(dir, 'flows/future.flow.json')).toBe(future);
  });
});
