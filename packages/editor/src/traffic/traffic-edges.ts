import { type Edge, type EdgeMarker, MarkerType } from '@xyflow/react';
import type { FlowTraffic } from '../api/client';
import { parseEdgeId } from '../canvas/flow-graph';

/** The widest edge (the outcome most calls took), in px; an outcome no call took is drawn thin. */
export const MAX_EDGE_WIDTH = 14;
export const MIN_EDGE_WIDTH = 1.5;

// The arrow keeps its size whatever the edge's width (a marker in stroke units would grow with it).
const ARROW: EdgeMarker = {
  type: MarkerType.ArrowClosed,
  width: 18,
  height: 18,
  markerUnits: 'userSpaceOnUse',
};

/** Calls that took each wire (block, outcome) over the period. */
export function wireCounts(traffic: FlowTraffic): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [block, t] of Object.entries(traffic.blocks))
    for (const [outcome, n] of Object.entries(t.outcomes)) counts.set(`${block}\u0000${outcome}`, n);
  return counts;
}

/** Width of an edge taken `count` times when the busiest edge was taken `max` times: proportional. */
export function edgeWidth(count: number, max: number): number {
  if (count === 0 || max === 0) return MIN_EDGE_WIDTH;
  return Math.max(MIN_EDGE_WIDTH + 0.5, (count / max) * MAX_EDGE_WIDTH);
}

/**
 * The canvas's edges with the traffic drawn on them: each labelled with the calls that took its outcome,
 * its width proportional to them. The edge objects are new only while traffic is shown.
 */
export function withTraffic(edges: readonly Edge[], traffic: FlowTraffic): Edge[] {
  const counts = wireCounts(traffic);
  const max = Math.max(0, ...counts.values());
  return edges.map((edge) => {
    const wire = parseEdgeId(edge.id);
    const count = wire ? (counts.get(`${wire.source}\u0000${wire.outcome}`) ?? 0) : 0;
    const className = [edge.className, 'has-traffic', count === 0 ? 'no-traffic' : '']
      .filter(Boolean)
      .join(' ');
    return {
      ...edge,
      className,
      label: String(count),
      labelBgPadding: [4, 2] as [number, number],
      labelBgBorderRadius: 4,
      style: { ...edge.style, strokeWidth: edgeWidth(count, max) },
      markerEnd: ARROW,
      ariaLabel: `${edge.ariaLabel ?? edge.id}: ${count} ${count === 1 ? 'call' : 'calls'}`,
      data: { ...edge.data, calls: count },
    };
  });
}
