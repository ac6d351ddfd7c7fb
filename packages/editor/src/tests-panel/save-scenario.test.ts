import { describe, expect, it } from 'vitest';
import { ApiError, type FlowTestDocument, type FlowTestFile } from '../api/client';
import { saveScenario, type TestFileApi } from './save-scenario';

/** A server holding test files; `interfere` changes a file between the read and the write once. */
function server(files: FlowTestFile[], interfere?: () => void) {
  const writes: { file: string; etag: string | null; names: string[] }[] = [];
  let version = 1;
  const api: TestFileApi = {
    flowTests: async () => structuredClone(files),
    saveFlowTests: async (_flowId, file, document: FlowTestDocument, etag) => {
      if (interfere) {
        const once = interfere;
        interfere = undefined;
        once();
      }
      const current = files.find((f) => f.file === file);
      if ((current?.etag ?? null) !== etag) throw new ApiError(412, 'version_mismatch', 'stale');
      writes.push({ file, etag, names: document.scenarios.map((s) => s.name) });
      version += 1;
      const saved: FlowTestFile = { file, etag: `"${version}"`, test: document, problems: [] };
      files.splice(0, files.length, ...files.filter((f) => f.file !== file), saved);
      return { file, etag: saved.etag };
    },
  };
  return { api, writes, files };
}

const doc = (...names: string[]): FlowTestDocument => ({
  formatVersion: 1,
  flow: 'sales',
  scenarios: names.map((name) => ({ name })),
});

describe('saving a recorded scenario', () => {
  it('creates the flow test file when there is none', async () => {
    const { api, writes, files } = server([]);
    expect(await saveScenario(api, 'sales', { name: 'first' })).toEqual({
      ok: true,
      file: 'sales.test.json',
      created: true,
    });
    expect(writes).toEqual([{ file: 'sales.test.json', etag: null, names: ['first'] }]);
    expect(files[0]?.test).toMatchObject({ $schema: '../schemas/flow-test.schema.json', flow: 'sales' });
  });

  it('appends to the existing file with its etag, and never writes over a change made meanwhile', async () => {
    const files: FlowTestFile[] = [{ file: 'sales.test.json', etag: '"1"', test: doc('a'), problems: [] }];
    const { api, writes } = server(files, () => {
      files[0] = { file: 'sales.test.json', etag: '"9"', test: doc('a', 'added meanwhile'), problems: [] };
    });
    expect(await saveScenario(api, 'sales', { name: 'b' })).toMatchObject({ ok: true, created: false });
    expect(writes).toEqual([{ file: 'sales.test.json', etag: '"9"', names: ['a', 'added meanwhile', 'b'] }]);
  });

  it('refuses a name already used, and a file that cannot be read, without writing', async () => {
    const { api, writes } = server([{ file: 'sales.test.json', etag: '"1"', test: doc('a'), problems: [] }]);
    expect(await saveScenario(api, 'sales', { name: 'a' })).toEqual({
      ok: false,
      message: 'sales.test.json already has a scenario named "a".',
    });
    const broken = server([
      {
        file: 'sales.test.json',
        etag: '"1"',
        test: null,
        problems: [{ code: 'CF001', severity: 'error', message: 'not JSON', path: '' }],
      },
    ]);
    expect(await saveScenario(broken.api, 'sales', { name: 'b' })).toEqual({
      ok: false,
      message: 'sales.test.json cannot be read (not JSON): fix it first.',
    });
    expect([...writes, ...broken.writes]).toEqual([]);
  });
});
