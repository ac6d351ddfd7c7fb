import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { outcomeAnchor } from './block-geometry';
import { flowEdges } from './flow-graph';
import { buildNodes, emptyNodeCache } from './flow-nodes';
import { movingWiresPath, splitWires, wiresPath } from './overview-edges';

const flow: Flow = {
  formatVersion: 1,
  id: 'f',
  name: 'F',
  type: 'inbound',
  start: 'a',
  blocks: {
    a: { type: 'playPrompt', settings: { prompt: { text: 'x' } }, next: { success: 'b', error: 'c' } },
    b: { type: 'playPrompt', settings: { prompt: { text: 'y' } }, next: { success: 'c' } },
    c: { type: 'disconnect', settings: {} },
  },
  layout: { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 600, y: 100 } },
};

const inputs = { selection: [], problemsByBlock: new Map(), measured: new Map(), compact: true };
const nodes = buildNodes(flow, emptyNodeCache(), inputs).nodes;
const byId = new Map(nodes.map((n) => [n.id, n]));
const edges = flowEdges(flow);

/** The start point of each sub-path ("M x,y C …"). */
const starts = (d: string) =>
  [...d.matchAll(/M\s*([-\d.]+)[ ,]([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('overview wires', () => {
  it('draws one wire per wired outcome, from its outcome row', () => {
    const { d } = wiresPath(edges, byId, new Map());
    expect(starts(d)).toHaveLength(3);
    const error = outcomeAnchor(1);
    expect(starts(d)).toContainEqual([error.x, error.y]);
  });

  it('keeps a wire whose blocks did not change, and redraws the wires of a moved block', () => {
    const first = wiresPath(edges, byId, new Map());
    const again = wiresPath(edges, byId, first.cache);
    expect(again.d).toBe(first.d);
    expect(again.cache.get('a::success')).toEqual(first.cache.get('a::success'));
    const moved = buildNodes(
      { ...flow, layout: { ...flow.layout, a: { x: 50, y: 0 } } },
      emptyNodeCache(),
      inputs,
    );
    const after = wiresPath(edges, new Map(moved.nodes.map((n) => [n.id, n])), first.cache);
    expect(after.cache.get('a::success')?.d).not.toBe(first.cache.get('a::success')?.d);
    expect(after.cache.get('b::success')?.d).toBe(first.cache.get('b::success')?.d);
  });

  it('sets apart the wires of dragged blocks and draws them from where they are dragged', () => {
    const split = splitWires(edges, new Set(['b']));
    expect(split.moving.map((e) => e.id).sort()).toEqual(['a::success', 'b::success']);
    expect(split.still.map((e) => e.id)).toEqual(['a::error']);
    const d = movingWiresPath(split.moving, byId, { b: { x: 1000, y: 500 } });
    const success = outcomeAnchor(0);
    expect(starts(d)).toContainEqual([1000 + success.x, 500 + success.y]);
  });
});
