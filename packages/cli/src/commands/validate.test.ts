import { describe, expect, it } from 'vitest';
import { callflow, MINIMAL_FLOW, sampleFile, tempProject } from '../test-support/cli.js';

const flow = (doc: Record<string, unknown>) => `${JSON.stringify(doc, null, 2)}\n`;
const whisper = JSON.parse(MINIMAL_FLOW) as Record<string, unknown>;

/** The minimal whisper plus a block nothing leads to: one warning (CF204), no error. */
const withWarning = flow({
  ...whisper,
  blocks: { ...(whisper.blocks as object), orphan: { type: 'endFlow', settings: {} } },
});
/** `greet` lost its `error` outcome: one error (CF202). */
const withError = (id = 'hello') =>
  flow({
    ...whisper,
    id,
    blocks: {
      done: { type: 'endFlow', settings: {} },
      greet: { type: 'playPrompt', settings: { prompt: { text: 'Hi' } }, next: { success: 'done' } },
    },
  });

const JSON_KEYS = ['blockId', 'code', 'column', 'file', 'line', 'message', 'path', 'severity'];

describe('callflow validate', () => {
  it('exits 0 and says so when every file is clean', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': MINIMAL_FLOW });
    const run = await callflow(['validate'], dir);
    expect(run).toMatchObject({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' });
  });

  it('allows warnings, unless --strict', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': withWarning });
    const lenient = await callflow(['validate', 'flows'], dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^flows\/hello\.flow\.json:\d+:\d+ {2}warning {2}CF204 {2}.*orphan/m);
    expect(lenient.stdout).toContain('0 errors, 1 warning in 1 file checked.');
    const strict = await callflow(['validate', '--strict', 'flows'], dir);
    expect(strict.code).toBe(1);
  });

  it('exits 1 on errors, one `file:line:column  severity  code  message` line each, grouped by file', async () => {
    const dir = tempProject({ 'flows/a.flow.json': withError('a'), 'flows/b.flow.json': withError('b') });
    const run = await callflow(['validate', 'flows'], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^flows\/a\.flow\.json:\d+:\d+ {2}error {4}CF202 {2}.*"error"/);
    expect(lines.filter((l) => l === '')).toHaveLength(3); // between the files, before the summary, at the end
    expect(lines[2]).toMatch(/^flows\/b\.flow\.json:\d+:\d+ {2}error {4}CF202/);
    expect(run.stdout).toContain('2 errors, 0 warnings in 2 files checked.');
  });

  it('prints a JSON array of problems with --format json, every key present', async () => {
    const dir = tempProject({ 'flows/hello.flow.json': withError() });
    const run = await callflow(['validate', '--format', 'json', 'flows'], dir);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(problems).toHaveLength(1);
    expect(Object.keys(problems[0]!).sort()).toEqual(JSON_KEYS);
    expect(problems[0]).toMatchObject({
      code: 'CF202',
      severity: 'error',
      blockId: 'greet',
      file: 'flows/hello.flow.json',
      path: expect.stringMatching(/^\/blocks\/greet/),
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it('prints [] with --format json when clean, and null for what a problem does not have', async () => {
    const clean = tempProject({ 'flows/hello.flow.json': MINIMAL_FLOW });
    expect((await callflow(['validate', '-f', 'json'], clean)).stdout).toBe('[]\n');
    const missing = await callflow(['validate', '-f', 'json', 'nowhere'], clean);
    expect(JSON.parse(missing.stdout)).toEqual([
      {
        code: 'CF006',
        severity: 'error',
        message: 'Cannot read nowhere: no such file or directory.',
        path: '',
        blockId: null,
        file: 'nowhere',
        line: null,
        column: null,
      },
    ]);
  });

  it('checks references against the resources.json beside the flows', async () => {
    const resources = JSON.parse(sampleFile('resources.json')) as Record<string, unknown>;
    const dir = tempProject({
      'flows/resources.json': `${JSON.stringify(resources)}\n`,
      'flows/announce.flow.json': flow({
        ...whisper,
        id: 'announce',
        blocks: {
          done: { type: 'endFlow', settings: {} },
          greet: {
            type: 'playPrompt',
            settings: { prompt: { prompt: 'no-such-prompt' } },
            next: { success: 'done', error: 'done' },
          },
        },
      }),
    });
    const run = await callflow(['validate', '-f', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject([{ code: 'CF302', file: 'flows/announce.flow.json' }]);
  });

  it('uses --resources instead of the file beside the flows', async () => {
    const resources = sampleFile('resources.json');
    const announce = flow({
      ...whisper,
      id: 'announce',
      blocks: {
        done: { type: 'endFlow', settings: {} },
        greet: {
          type: 'playPrompt',
          settings: { prompt: { prompt: 'welcome' } },
          next: { success: 'done', error: 'done' },
        },
      },
    });
    const dir = tempProject({ 'flows/announce.flow.json': announce, 'env/prod.json': resources });
    const without = await callflow(['validate', 'flows'], dir);
    expect(without.code).toBe(0); // no resources: the prompt name is not checked
    const other = await callflow(['validate', '-f', 'json', '--resources', 'env/prod.json', 'flows'], dir);
    expect(other.code).toBe(0);
    const missing = await callflow(['validate', '-f', 'json', '--resources', 'env/none.json', 'flows'], dir);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject([{ code: 'CF006', file: 'env/none.json' }]);
  });

  it('reports a broken resources file even when only one flow is named', async () => {
    const dir = tempProject({
      'flows/hello.flow.json': MINIMAL_FLOW,
      'flows/resources.json': '{ "formatVersion": 1 }\n',
    });
    const run = await callflow(['validate', '-f', 'json', 'flows/hello.flow.json'], dir);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as { code: string; file: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'flows/resources.json' && p.code === 'CF101')).toBe(true);
  });

  it('checks references between flows of the same directory, also when one flow is named', async () => {
    const caller = (module: string) =>
      flow({
        formatVersion: 1,
        id: 'caller',
        name: 'Caller',
        type: 'inbound',
        start: 'run-module',
        blocks: {
          'hang-up': { type: 'disconnect', settings: {} },
          'run-module': {
            type: 'invokeModule',
            settings: { module },
            next: { success: 'hang-up', error: 'hang-up' },
          },
        },
      });
    const module = flow({
      formatVersion: 1,
      id: 'tiny-module',
      name: 'Tiny module',
      type: 'module',
      start: 'back',
      blocks: { back: { type: 'return', settings: {} } },
    });
    const dir = tempProject({
      'flows/caller.flow.json': caller('tiny-module'),
      'flows/tiny-module.flow.json': module,
      'other/caller.flow.json': caller('not-there'),
    });
    expect((await callflow(['validate', 'flows/caller.flow.json'], dir)).code).toBe(0);
    const broken = await callflow(['validate', '-f', 'json', 'other/caller.flow.json'], dir);
    expect(JSON.parse(broken.stdout)).toMatchObject([{ code: 'CF304', blockId: 'run-module' }]);
  });

  it('checks flow tests and resources against their schemas', async () => {
    const dir = tempProject({
      'flows/hello.flow.json': MINIMAL_FLOW,
      'flows/hello.test.json': '{ "formatVersion": 1, "flow": "hello", "scenarios": [] }\n',
      'flows/resources.json': '{ "formatVersion": 1, "account": {} }\n',
    });
    const run = await callflow(['validate', '-f', 'json'], dir);
    expect(run.code).toBe(1);
    const files = new Set((JSON.parse(run.stdout) as { file: string }[]).map((p) => p.file));
    expect(files).toEqual(new Set(['flows/hello.test.json', 'flows/resources.json']));
  });

  it('reports a flow test of a flow that is not beside it', async () => {
    const test = (flow: string) =>
      `${JSON.stringify({
        formatVersion: 1,
        flow,
        scenarios: [
          {
            name: 'answers',
            call: { from: '+12125550142', to: '+12125550100', at: '2026-03-02T15:00:00Z' },
            expect: { end: 'disconnected' },
          },
        ],
      })}\n`;
    const dir = tempProject({
      'flows/hello.flow.json': MINIMAL_FLOW,
      'flows/hello.test.json': test('hello'),
      'flows/typo.test.json': test('helo'),
    });
    const run = await callflow(['validate', '-f', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject([
      {
        code: 'CF304',
        file: 'flows/typo.test.json',
        path: '/flow',
        line: 1,
        message: expect.stringContaining('"helo"'),
      },
    ]);
  });

  it('finds flows in sub-directories but skips node_modules and hidden folders', async () => {
    const dir = tempProject({
      'flows/sales/hello.flow.json': MINIMAL_FLOW,
      'flows/node_modules/x/bad.flow.json': 'not json',
      'flows/.cache/bad.flow.json': 'not json',
    });
    const run = await callflow(['validate'], dir);
    expect(run).toMatchObject({ code: 0, stdout: '1 file checked: no problems.\n' });
  });
});
