import { describe, expect, it } from 'vitest';
import { httpRequest, invokeModule, returnBlock } from './index.js';

describe('block references', () => {
  it('escape JSON-pointer characters in keys that come from settings', () => {
    const http = httpRequest.references({
      method: 'POST',
      url: 'https://api.example.com/x',
      timeoutSeconds: 5,
      maxResponseBytes: 1000,
      body: { 'a/b~c': { variable: 'tier' } },
    });
    expect(http).toEqual([{ kind: 'variable', name: 'tier', path: '/body/a~1b~0c/variable' }]);
    const invoke = invokeModule.references({
      module: 'm',
      inputs: { 'x/y': { variable: 'v' } },
      outputs: { 'o~p': 'w' },
    });
    expect(invoke.map((r) => r.path)).toEqual(['/module', '/inputs/x~1y/variable', '/outputs/o~0p']);
    const ret = returnBlock.references({ outputs: { 'a/b': { variable: 'v' } } });
    expect(ret.map((r) => r.path)).toEqual(['/outputs/a~1b/variable']);
  });
});
