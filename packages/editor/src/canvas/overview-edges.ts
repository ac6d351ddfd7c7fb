/**
 * Wires between compact blocks, drawn as one SVG path instead of one React Flow edge each: with a large
 * flow zoomed out, thousands of wires are in view at once. A wire's path is kept while neither of its
 * blocks' node objects changed (flow-nodes.ts reuses them), so an edit recomputes only its own wires,
 * and the wires of dragged blocks are drawn apart, so that a drag leaves all the others alone.
 */
import type { Position as FlowPosition } from '@callflow/model';
import { getBezierPath, Position } from '@xyflow/react';
import type { BlockNodeType } from './BlockNode';
import { blockSize, inputAnchor, outcomeAnchor } from './block-geometry';
import type { EdgeView } from './flow-graph';

interface Wire {
  source: BlockNodeType;
  target: BlockNodeType;
  d: string;
}

export type WireCache = ReadonlyMap<string, Wire>;

/** The wires that touch a moving block, and all the others. */
export function splitWires(
  edges: readonly EdgeView[],
  moving: ReadonlySet<string>,
): { still: EdgeView[]; moving: EdgeView[] } {
  const still: EdgeView[] = [];
  const touched: EdgeView[] = [];
  for (const edge of edges) (moving.has(edge.source) || moving.has(edge.target) ? touched : still).push(edge);
  return { still, moving: touched };
}

/** One path for all `edges`, reusing the cached path of each wire whose blocks did not change. */
export function wiresPath(
  edges: readonly EdgeView[],
  nodesById: ReadonlyMap<string, BlockNodeType>,
  cache: WireCache,
): { d: string; cache: WireCache } {
  const next = new Map<string, Wire>();
  const paths: string[] = [];
  for (const edge of edges) {
    const source = nodesById.get(edge.source);
    const target = nodesById.get(edge.target);
    if (!source || !target) continue;
    const old = cache.get(edge.id);
    const d =
      old && old.source === source && old.target === target
        ? old.d
        : wirePath(source, source.position, edge.outcome, target, target.position);
    if (!d) continue;
    next.set(edge.id, { source, target, d });
    paths.push(d);
  }
  return { d: paths.join(' '), cache: next };
}

/** Wires of blocks being dragged, from their drag positions. */
export function movingWiresPath(
  edges: readonly EdgeView[],
  nodesById: ReadonlyMap<string, BlockNodeType>,
  dragPositions: Readonly<Record<string, FlowPosition>>,
): string {
  const paths: string[] = [];
  for (const edge of edges) {
    const source = nodesById.get(edge.source);
    const target = nodesById.get(edge.target);
    if (!source || !target) continue;
    const from = dragPositions[edge.source] ?? source.position;
    const to = dragPositions[edge.target] ?? target.position;
    const d = wirePath(source, from, edge.outcome, target, to);
    if (d) paths.push(d);
  }
  return paths.join(' ');
}

/** The curve React Flow draws for a wire: a bezier from the outcome's handle to the block's input. */
export function wirePath(
  source: BlockNodeType,
  sourceAt: FlowPosition,
  outcome: string,
  target: BlockNodeType,
  targetAt: FlowPosition,
): string {
  const row = source.data.outcomes.findIndex((o) => o.name === outcome);
  if (row < 0) return '';
  const from = outcomeAnchor(row);
  const height = target.measured?.height ?? blockSize(target.data.outcomes.length).height;
  const to = inputAnchor(height);
  const [d] = getBezierPath({
    sourceX: sourceAt.x + from.x,
    sourceY: sourceAt.y + from.y,
    sourcePosition: Position.Right,
    targetX: targetAt.x + to.x,
    targetY: targetAt.y + to.y,
    targetPosition: Position.Left,
  });
  return d;
}
