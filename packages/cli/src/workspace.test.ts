import { describe, expect, it } from 'vitest';
import { MINIMAL_FLOW, sampleFile, tempProject } from './test-support/cli.js';
import { displayPath, fileKind, flowSummary, loadWorkspace } from './workspace.js';

const moduleFlow = `${JSON.stringify({
  formatVersion: 1,
  id: 'ask',
  name: 'Ask',
  type: 'module',
  start: 'back',
  module: { inputs: { question: { type: 'string', required: true } } },
  blocks: { back: { type: 'return', settings: {} } },
})}\n`;

describe('loadWorkspace', () => {
  it('finds flows, flow tests and the resources file, sorted by path, with their kinds', async () => {
    const cwd = tempProject({
      'flows/b.flow.json': MINIMAL_FLOW,
      'flows/a.flow.json': MINIMAL_FLOW,
      'flows/a.test.json': '{}',
      'flows/resources.json': sampleFile('resources.json'),
      'flows/notes.md': '# not a flow',
    });
    const workspace = await loadWorkspace(['flows'], { cwd });
    expect(workspace.problems).toEqual([]);
    expect(workspace.files.map((f) => [f.path, f.kind])).toEqual([
      ['flows/a.flow.json', 'flow'],
      ['flows/a.test.json', 'test'],
      ['flows/b.flow.json', 'flow'],
      ['flows/resources.json', 'resources'],
    ]);
  });

  it('reads each file once even when named twice, and shares one project per directory', async () => {
    const cwd = tempProject({ 'flows/hello.flow.json': MINIMAL_FLOW, 'flows/ask.flow.json': moduleFlow });
    const workspace = await loadWorkspace(['flows', 'flows/hello.flow.json', './flows/ask.flow.json'], {
      cwd,
    });
    expect(workspace.files.map((f) => f.path)).toEqual(['flows/ask.flow.json', 'flows/hello.flow.json']);
    expect(workspace.projects).toHaveLength(1);
    expect(workspace.files[0]!.project).toBe(workspace.files[1]!.project);
  });

  it('summarises every flow of the directory, also those not asked for', async () => {
    const cwd = tempProject({
      'flows/hello.flow.json': MINIMAL_FLOW,
      'flows/ask.flow.json': moduleFlow,
      'flows/broken.flow.json': '{ not json',
    });
    const workspace = await loadWorkspace(['flows/hello.flow.json'], { cwd });
    const flows = workspace.files[0]!.project.flows;
    expect([...flows.keys()].sort()).toEqual(['ask', 'hello']);
    expect(flows.get('ask')).toEqual({
      id: 'ask',
      type: 'module',
      module: { inputs: { question: { type: 'string', required: true } } },
    });
  });

  it('loads the resources beside the flows, or the --resources file instead', async () => {
    const cwd = tempProject({
      'flows/hello.flow.json': MINIMAL_FLOW,
      'flows/resources.json': sampleFile('resources.json'),
      'prod/resources.json': sampleFile('resources.json').replace('Northwind Outfitters', 'Northwind Prod'),
    });
    const beside = (await loadWorkspace(['flows'], { cwd })).projects[0]!;
    expect(beside.resourcesFile).toBe('flows/resources.json');
    expect(beside.resources?.account.name).toBe('Northwind Outfitters');
    const prod = (await loadWorkspace(['flows'], { cwd, resources: 'prod/resources.json' })).projects[0]!;
    expect(prod.resourcesFile).toBe('prod/resources.json');
    expect(prod.resources?.account.name).toBe('Northwind Prod');
  });

  it('keeps the problems of a resources file that cannot be used, and no resources', async () => {
    const cwd = tempProject({
      'flows/hello.flow.json': MINIMAL_FLOW,
      'flows/resources.json': '{"formatVersion": 1}',
    });
    const project = (await loadWorkspace(['flows/hello.flow.json'], { cwd })).projects[0]!;
    expect(project.resources).toBeUndefined();
    expect(project.resourcesProblems.map((p) => p.code)).toContain('CF101');
  });

  it('turns a missing path, an empty directory and an oversized file into coded problems', async () => {
    const cwd = tempProject({ 'empty/.keep': '', 'big.flow.json': Buffer.alloc(6 * 1024 * 1024, 0x20) });
    const workspace = await loadWorkspace(['gone.flow.json', 'empty', 'big.flow.json'], { cwd });
    expect(workspace.files).toEqual([]);
    expect(workspace.problems.map((p) => [p.code, p.file])).toEqual([
      ['CF006', 'gone.flow.json'],
      ['CF006', 'empty'],
      ['CF002', 'big.flow.json'],
    ]);
    expect(workspace.problems[0]!.message).toBe('Cannot read gone.flow.json: no such file or directory.');
  });
});

describe('workspace helpers', () => {
  it('tells the kind of a file from its name', () => {
    expect(['x.flow.json', 'x.test.json', 'resources.json', 'legacy.json'].map(fileKind)).toEqual([
      'flow',
      'test',
      'resources',
      'flow',
    ]);
  });

  it('shows paths relative to the working directory', () => {
    expect(displayPath('/repo', '/repo/flows/a.flow.json')).toBe('flows/a.flow.json');
    expect(displayPath('/repo', '/repo')).toBe('.');
    expect(displayPath('/repo/packages/cli', '/repo/flows/a.flow.json')).toBe('../../flows/a.flow.json');
  });

  it('summarises only documents that look like flows', () => {
    expect(flowSummary({ id: 'a', type: 'inbound', blocks: {} })).toEqual({ id: 'a', type: 'inbound' });
    expect(flowSummary({ id: 'a', type: 'chat' })).toBeUndefined();
    expect(flowSummary({ id: 7, type: 'inbound' })).toBeUndefined();
    expect(flowSummary([])).toBeUndefined();
    expect(flowSummary(null)).toBeUndefined();
  });
});
