/**
 * Auto-layout input and output: the flow as an ELK graph (layered, left to right, one port per
 * outcome in display order so wires cross less), and the positions ELK found. Only `layout` changes.
 */
import { blockDefinition, type Flow, type Position } from '@callflow/model';
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { NODE_WIDTH } from '../canvas/flow-graph';

export interface Size {
  width: number;
  height: number;
}

/** A fair guess of a node's height before the browser measured it. */
export function estimatedSize(outcomes: number): Size {
  return { width: NODE_WIDTH, height: 56 + outcomes * 17 };
}

export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.separateConnectedComponents': 'true',
};

export function buildElkGraph(flow: Flow, sizes: ReadonlyMap<string, Size> = new Map()): ElkNode {
  const children: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  // The start block first, so ELK puts it at the left.
  const ids = Object.keys(flow.blocks).sort((a, b) => Number(b === flow.start) - Number(a === flow.start));
  for (const id of ids) {
    const block = flow.blocks[id]!;
    const definition = blockDefinition(block.type);
    let outcomes: string[] = [];
    try {
      outcomes = definition ? definition.outcomes(block.settings ?? {}).map((o) => o.name) : [];
    } catch {
      outcomes = [];
    }
    for (const name of Object.keys(block.next ?? {})) if (!outcomes.includes(name)) outcomes.push(name);
    const size = sizes.get(id) ?? estimatedSize(outcomes.length);
    const ports: ElkPort[] = [
      { id: `${id}::in`, layoutOptions: { 'elk.port.side': 'WEST' } },
      ...outcomes.map((o, i) => ({
        id: `${id}::out::${o}`,
        layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(outcomes.length - i) },
      })),
    ];
    children.push({
      id,
      width: size.width,
      height: size.height,
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    });
    for (const [outcome, target] of Object.entries(block.next ?? {})) {
      if (!flow.blocks[target]) continue;
      edges.push({
        id: `${id}::${outcome}`,
        sources: [`${id}::out::${outcome}`],
        targets: [`${target}::in`],
      });
    }
  }
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

export function positionsFromElk(graph: ElkNode): Record<string, Position> {
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}
