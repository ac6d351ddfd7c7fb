import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callflow, MINIMAL_FLOW, read, sampleFile, tempProject } from '../test-support/cli.js';

/** The same flow as MINIMAL_FLOW, keys shuffled, 4-space indent, no trailing newline. */
const scrambled = (() => {
  const doc = JSON.parse(MINIMAL_FLOW) as Record<string, unknown>;
  const reversed = Object.fromEntries(Object.entries(doc).reverse());
  return JSON.stringify(reversed, null, 4);
})();

describe('callflow fmt', () => {
  it('rewrites files in canonical form and reports them', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': scrambled });
    const run = await callflow(['fmt'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('formatted flows/hello.flow.json\n1 file formatted, 0 already canonical.\n');
    expect(read(dir, 'flows/hello.flow.json')).toBe(MINIMAL_FLOW);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const resources = JSON.stringify(JSON.parse(sampleFile('resources.json')));
    const dir = tempProject({ 'flows/hello.flow.json': scrambled, 'flows/resources.json': resources });
    await callflow(['fmt', 'flows'], dir);
    const first = [read(dir, 'flows/hello.flow.json'), read(dir, 'flows/resources.json')];
    const again = await callflow(['fmt', 'flows'], dir);
    expect(again.stdout).toBe('0 files formatted, 2 already canonical.\n');
    expect([read(dir, 'flows/hello.flow.json'), read(dir, 'flows/resources.json')]).toEqual(first);
    expect(first[1]).toBe(sampleFile('resources.json'));
  });

  it('--check lists the files that would change, exits 1 and changes nothing', async () => {
    const dir = tempProject({ 'flows/a.flow.json': scrambled, 'flows/hello.flow.json': MINIMAL_FLOW });
    const run = await callflow(['fmt', '--check'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'flows/a.flow.json\n2 files checked, 1 file not canonical: run "callflow fmt".\n',
    );
    expect(read(dir, 'flows/a.flow.json')).toBe(scrambled);
  });

  it('--check exits 0 when every file is canonical', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': MINIMAL_FLOW });
    const run = await callflow(['fmt', '--check', 'flows'], dir);
    expect(run).toMatchObject({ code: 0, stdout: '1 file checked, all canonical.\n' });
  });

  it('never rewrites a file that does not parse, and still formats the others', async () => {
    const broken = '{\n  "id": "broken",\n  "blocks": {\n';
    const dir = tempProject({ 'flows/broken.flow.json': broken, 'flows/hello.flow.json': scrambled });
    const run = await callflow(['fmt'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^flows\/broken\.flow\.json:\d+:\d+ {2}error {4}CF001 {2}/);
    expect(run.stdout).toContain('1 problem prevented formatting');
    expect(read(dir, 'flows/broken.flow.json')).toBe(broken);
    expect(read(dir, 'flows/hello.flow.json')).toBe(MINIMAL_FLOW);
  });

  it('drops a byte-order mark and Windows line endings', async () => {
    const windows = `\uFEFF${MINIMAL_FLOW.replace(/\n/g, '\r\n')}`;
    const dir = tempProject({ 'flows/hello.flow.json': windows });
    expect((await callflow(['validate'], dir)).code).toBe(0);
    expect((await callflow(['fmt', '--check'], dir)).code).toBe(1);
    await callflow(['fmt'], dir);
    expect(read(dir, 'flows/hello.flow.json')).toBe(MINIMAL_FLOW);
  });

  it('keeps properties the format does not know, after the known ones', async () => {
    const doc = { ...(JSON.parse(MINIMAL_FLOW) as object), aNote: 'kept', zNote: { also: true } };
    const dir = tempProject({ 'flows/hello.flow.json': JSON.stringify(doc) });
    await callflow(['fmt'], dir);
    const text = read(dir, 'flows/hello.flow.json');
    expect(JSON.parse(text)).toEqual(doc);
    expect(text.indexOf('"aNote"')).toBeGreaterThan(text.indexOf('"layout"'));
  });

  it('leaves flows in an older format version to `callflow migrate`', async () => {
    const old = '{"formatVersion": 0, "id": "old", "blocks": []}';
    const dir = tempProject({ 'flows/old.flow.json': old });
    const run = await callflow(['fmt'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('flows/old.flow.json: format version 0; run "callflow migrate"');
    expect(read(dir, 'flows/old.flow.json')).toBe(old);
  });

  for (const mode of [0o640, 0o600]) {
    it(`writes atomically: keeps the file mode (${mode.toString(8)}) and leaves no temporary file`, async () => {
      const dir = tempProject({ 'flows/hello.flow.json': scrambled });
      const { chmodSync } = await import('node:fs');
      chmodSync(join(dir, 'flows/hello.flow.json'), mode);
      await callflow(['fmt'], dir);
      expect(read(dir, 'flows/hello.flow.json')).toBe(MINIMAL_FLOW);
      expect(statSync(join(dir, 'flows/hello.flow.json')).mode & 0o777).toBe(mode);
      expect(readdirSync(join(dir, 'flows'))).toEqual(['hello.flow.json']);
    });
  }
});
