import type { Flow } from '@callflow/model';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { moveBlocks } from '../flow/flow-edits';
import { buildElkGraph, positionsFromElk } from './elk-graph';

const flow: Flow = {
  formatVersion: 1,
  id: 'f',
  name: 'F',
  type: 'inbound',
  start: 'a',
  blocks: {
    c: { type: 'disconnect', settings: {} },
    a: { type: 'playPrompt', settings: { prompt: { text: 'x' } }, next: { success: 'b', error: 'c' } },
    b: { type: 'playPrompt', settings: { prompt: { text: 'y' } }, next: { success: 'c', error: 'c' } },
  },
};

describe('auto layout', () => {
  it('builds a graph with the start first and one port per outcome', () => {
    const graph = buildElkGraph(flow);
    expect(graph.children?.[0]?.id).toBe('a');
    expect(graph.children?.[0]?.ports?.map((p) => p.id)).toEqual([
      'a::in',
      'a::out::success',
      'a::out::error',
    ]);
    expect(graph.edges).toHaveLength(4);
  });

  it('lays the flow out left to right, changing only the layout', async () => {
    const laidOut = await new ELK().layout(buildElkGraph(flow));
    const positions = positionsFromElk(laidOut);
    expect(positions.a!.x).toBeLessThan(positions.b!.x);
    expect(positions.b!.x).toBeLessThan(positions.c!.x);
    const moved = moveBlocks(flow, positions);
    expect(moved.blocks).toBe(flow.blocks);
    expect(Object.keys(moved.layout ?? {})).toHaveLength(3);
  });
});
