/**
 * React Flow edges for the wires of a flow. Edge objects are reused while their wire and selection are
 * unchanged, so an edit does not make React Flow redraw every wire in view.
 */
import type { Edge } from '@xyflow/react';
import type { EdgeView } from './flow-graph';

export type EdgeCache = ReadonlyMap<string, Edge>;

/**
 * The wires a simulated call went along: each step of its path from one block to the next, by the
 * outcome that leads there (when two outcomes of a block lead to the same block, both are marked:
 * the path alone cannot tell them apart).
 */
export function takenWires(wires: readonly EdgeView[], path: readonly string[]): Set<string> {
  const steps = new Set<string>();
  for (let i = 1; i < path.length; i++) steps.add(`${path[i - 1]}\u0000${path[i]}`);
  const taken = new Set<string>();
  for (const wire of wires) if (steps.has(`${wire.source}\u0000${wire.target}`)) taken.add(wire.id);
  return taken;
}

const NONE: ReadonlySet<string> = new Set();

export function buildEdges(
  wires: readonly EdgeView[],
  selected: ReadonlySet<string>,
  cache: EdgeCache,
  taken: ReadonlySet<string> = NONE,
): { edges: Edge[]; cache: EdgeCache } {
  const next = new Map<string, Edge>();
  const edges = wires.map((wire) => {
    const isSelected = selected.has(wire.id);
    const className = taken.has(wire.id) ? 'is-taken' : undefined;
    const old = cache.get(wire.id);
    const edge =
      old && old.target === wire.target && old.selected === isSelected && old.className === className
        ? old
        : {
            id: wire.id,
            source: wire.source,
            target: wire.target,
            sourceHandle: wire.outcome,
            targetHandle: 'in',
            selected: isSelected,
            ariaLabel: `${wire.source} ${wire.outcome} to ${wire.target}${className ? ' (taken by the call)' : ''}`,
            ...(className ? { className } : {}),
          };
    next.set(wire.id, edge);
    return edge;
  });
  return { edges, cache: next };
}
