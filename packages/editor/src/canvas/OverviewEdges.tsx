import type { Position } from '@callflow/model';
import { ViewportPortal } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { BlockNodeType } from './BlockNode';
import type { EdgeView } from './flow-graph';
import { movingWiresPath, splitWires, type WireCache, wiresPath } from './overview-edges';

export interface OverviewEdgesProps {
  edges: readonly EdgeView[];
  /** The blocks at their places in the flow (not moved by a drag). */
  nodes: readonly BlockNodeType[];
  /** Positions of the blocks being dragged. */
  dragPositions: Readonly<Record<string, Position>>;
}

/** The wires of a zoomed-out canvas, under the compact blocks (React Flow draws no edges then). */
export function OverviewEdges({ edges, nodes, dragPositions }: OverviewEdgesProps) {
  const cache = useRef<WireCache>(new Map());
  const nodesById = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const movingKey = Object.keys(dragPositions).sort().join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the set of dragged blocks changes
  const split = useMemo(() => splitWires(edges, new Set(Object.keys(dragPositions))), [edges, movingKey]);
  const still = useMemo(() => {
    const built = wiresPath(split.still, nodesById, cache.current);
    cache.current = built.cache;
    return built.d;
  }, [split, nodesById]);
  const moving = movingWiresPath(split.moving, nodesById, dragPositions);
  return (
    <ViewportPortal>
      <svg className="overview-edges" aria-hidden="true" data-testid="overview-edges">
        <path d={still} />
      </svg>
      {/* Apart and above the blocks, in a layer of its own: redrawing the dragged wires on every frame
          then leaves the blocks and the other wires alone. */}
      <svg className="overview-edges is-moving" aria-hidden="true">
        <path d={moving} />
      </svg>
    </ViewportPortal>
  );
}
