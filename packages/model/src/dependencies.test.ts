import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowDependencies, unpublishedDependencyProblems } from './dependencies.js';
import type { Flow } from './flow.js';
import type { Resources } from './resources.js';

const samples = join(import.meta.dirname, '..', '..', '..', 'flows');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(samples, name), 'utf8')) as T;

describe('flow dependencies', () => {
  const resources = read<Resources>('resources.json');
  const inbound = read<Flow>('support-inbound.flow.json');

  it('names modules, whisper flows and every flow of each queue used, with the block that needs it', () => {
    const found = flowDependencies(inbound, resources);
    expect(new Set(found.map((d) => d.flowId))).toEqual(
      new Set([
        'after-hours',
        'verify-caller',
        'agent-whisper',
        'customer-whisper',
        'support-queue',
        'outbound-whisper',
      ]),
    );
    const queueFlow = found.find((d) => d.flowId === 'support-queue' && d.path.endsWith('/queue'));
    expect(queueFlow?.via).toMatch(/^customer-queue flow of queue (billing|support)$/);
    expect(queueFlow?.path).toBe(`/blocks/${queueFlow?.blockId}/settings/queue`);
    expect(inbound.blocks[queueFlow?.blockId ?? '']?.type).toBe('setWorkingQueue');
    const module = found.find((d) => d.flowId === 'verify-caller');
    expect(module).toMatchObject({ via: 'module', path: `/blocks/${module?.blockId}/settings/module` });
  });

  it('adds nothing for a queue the resources lack, and never the flow itself', () => {
    const flow: Flow = {
      formatVersion: 1,
      id: 'self',
      name: 'Self',
      type: 'inbound',
      start: 'q',
      blocks: {
        q: { type: 'setWorkingQueue', settings: { queue: 'nowhere' }, next: {} },
        m: { type: 'invokeModule', settings: { module: 'self' } },
      },
    };
    expect(flowDependencies(flow, resources)).toEqual([]);
    expect(flowDependencies(flow)).toEqual([]);
  });

  it('reports each block that needs an unpublished flow as CF311, naming the flow it is in', () => {
    const problems = unpublishedDependencyProblems('root', [
      {
        flowId: 'support-queue',
        neededBy: [
          {
            fromFlowId: 'root',
            flowId: 'support-queue',
            blockId: 'b',
            path: '/blocks/b/settings/queue',
            via: 'x',
          },
          {
            fromFlowId: 'mod',
            flowId: 'support-queue',
            blockId: 'c',
            path: '/blocks/c/settings/queue',
            via: 'x',
          },
        ],
      },
    ]);
    expect(problems.map((p) => [p.code, p.severity, p.blockId, p.path, p.file])).toEqual([
      ['CF311', 'error', 'b', '/blocks/b/settings/queue', undefined],
      ['CF311', 'error', 'c', '/blocks/c/settings/queue', 'mod.flow.json'],
    ]);
    expect(problems[1]?.message).toContain('(in flow "mod")');
  });
});
