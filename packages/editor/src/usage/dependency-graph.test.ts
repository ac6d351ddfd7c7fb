import type { Usage } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { dependencyGraph, elkGraphOf } from './dependency-graph';

describe('dependencyGraph', () => {
  it('draws users, the flow and its closure with their states and why each edge exists', () => {
    const users: Usage[] = [
      {
        file: 'main.flow.json',
        path: '/blocks/m/settings/module',
        flowId: 'main',
        blockId: 'm',
        via: 'module',
      },
      {
        file: 'main.flow.json',
        path: '/blocks/n/settings/module',
        flowId: 'main',
        blockId: 'n',
        via: 'module',
      },
      {
        file: 'resources.json',
        path: '/numbers/line/inboundFlow',
        resource: { kind: 'number', name: 'line' },
        via: 'inbound flow',
      },
      { file: 'verify.test.json', path: '/flow', flowId: 'verify', via: 'flow under test' },
    ];
    const graph = dependencyGraph(
      'verify',
      2,
      [
        {
          flowId: 'lookup',
          live: null,
          exists: true,
          neededBy: [{ flowId: 'verify', blockId: 'l', path: '/blocks/l/settings/module', via: 'module' }],
        },
        {
          flowId: 'gone',
          live: null,
          exists: false,
          neededBy: [{ flowId: 'lookup', blockId: 'g', path: '/blocks/g/settings/module', via: 'module' }],
        },
      ],
      users,
    );
    expect(graph.nodes.map((n) => [n.id, n.role, n.state])).toEqual([
      ['flow:verify', 'root', 'live v2'],
      ['flow:lookup', 'dependency', 'not published'],
      ['flow:gone', 'dependency', 'missing'],
      ['flow:main', 'user', undefined],
      ['number:line', 'user', undefined],
    ]);
    expect(graph.edges.map((e) => `${e.from}->${e.to}:${e.via}`)).toEqual([
      'flow:verify->flow:lookup:module',
      'flow:lookup->flow:gone:module',
      'flow:main->flow:verify:module',
      'number:line->flow:verify:inbound flow',
    ]);
    const elk = elkGraphOf(graph);
    expect(elk.children).toHaveLength(5);
    expect(elk.edges).toHaveLength(4);
  });
});
