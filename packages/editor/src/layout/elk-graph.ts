/**
 * Auto-layout input and output: the flow as an ELK graph (layered, top-down, children in their
 * outcomes' display order) and the positions ELK found. Only `layout` changes.
 */
import type { Flow, Position } from '@callflow/model';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { blockSize } from '../canvas/block-geometry';
import { blockView } from '../canvas/flow-graph';

export interface PaneSize {
  width: number;
  height: number;
}

/** One way of asking ELK to wrap: the strategy and how much to correct its aim at the aspect ratio. */
export interface WrapChoice {
  strategy: 'OFF' | 'SINGLE_EDGE' | 'MULTI_EDGE';
  correction: number;
}

/** Space between blocks of a layer, between layers, and beside wires, in flow units. */
export const LAYOUT_GAP = { node: 24, layer: 40, edgeNode: 12, edgeEdge: 8 } as const;

function layoutOptions(pane: PaneSize, wrap: WrapChoice): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.spacing.nodeNode': String(LAYOUT_GAP.node),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYOUT_GAP.layer),
    'elk.spacing.componentComponent': String(LAYOUT_GAP.node),
    'elk.spacing.edgeNode': String(LAYOUT_GAP.edgeNode),
    'elk.spacing.edgeEdge': String(LAYOUT_GAP.edgeEdge),
    'elk.layered.spacing.edgeNodeBetweenLayers': String(LAYOUT_GAP.edgeNode),
    'elk.layered.spacing.edgeEdgeBetweenLayers': String(LAYOUT_GAP.edgeEdge),
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    // Blocks and wires keep the file's order (the start first, outcomes as displayed).
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // No post compaction: EDGE_LENGTH shifts each wrapped chunk down to its wire's end, which turns
    // the chunks of a long chain into a staircase as tall as the unwrapped chain.
    'elk.separateConnectedComponents': 'true',
    // The canvas's shape: a flow longer than the canvas wraps into chunks side by side.
    'elk.aspectRatio': (pane.width / pane.height).toFixed(3),
    'elk.layered.wrapping.strategy': wrap.strategy,
    'elk.layered.wrapping.correctionFactor': String(wrap.correction),
    'elk.layered.wrapping.additionalEdgeSpacing': '0',
  };
}

/** Outcome targets in display order, only those that are blocks of the flow. */
function targetsOf(flow: Flow, id: string): string[] {
  return blockView(flow, id, flow.blocks[id]!)
    .outcomes.map((o) => o.target)
    .filter((t): t is string => t !== undefined && t in flow.blocks);
}

export function buildElkGraph(flow: Flow, pane: PaneSize, wrap: WrapChoice): ElkNode {
  const children: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  // The start block first, so ELK puts it at the top.
  const ids = Object.keys(flow.blocks).sort((a, b) => Number(b === flow.start) - Number(a === flow.start));
  for (const id of ids) {
    const size = blockSize(blockView(flow, id, flow.blocks[id]!).outcomes.length);
    children.push({ id, width: size.width, height: size.height });
    targetsOf(flow, id).forEach((target, i) => {
      edges.push({ id: `${id}::${i}`, sources: [id], targets: [target] });
    });
  }
  return { id: 'root', layoutOptions: layoutOptions(pane, wrap), children, edges };
}

export function positionsFromElk(graph: ElkNode): Record<string, Position> {
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}
