/**
 * React Flow edges for the wires of a flow. Edge objects are reused while their wire and selection are
 * unchanged, so an edit does not make React Flow redraw every wire in view.
 */
import type { Edge } from '@xyflow/react';
import type { EdgeView } from './flow-graph';

export type EdgeCache = ReadonlyMap<string, Edge>;

export function buildEdges(
  wires: readonly EdgeView[],
  selected: ReadonlySet<string>,
  cache: EdgeCache,
): { edges: Edge[]; cache: EdgeCache } {
  const next = new Map<string, Edge>();
  const edges = wires.map((wire) => {
    const isSelected = selected.has(wire.id);
    const old = cache.get(wire.id);
    const edge =
      old && old.target === wire.target && old.selected === isSelected
        ? old
        : {
            id: wire.id,
            source: wire.source,
            target: wire.target,
            sourceHandle: wire.outcome,
            targetHandle: 'in',
            selected: isSelected,
            ariaLabel: `${wire.source} ${wire.outcome} to ${wire.target}`,
          };
    next.set(wire.id, edge);
    return edge;
  });
  return { edges, cache: next };
}
