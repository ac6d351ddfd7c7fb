/**
 * React Flow nodes for the blocks of a flow. Node objects (and block views) are reused while nothing
 * about them changed, so React Flow, which compares node objects, and the node components skip them:
 * an edit re-renders only the blocks it touched, which keeps a 1,000-block flow responsive.
 */
import type { Block, Flow, Position, Problem } from '@callflow/model';
import type { BlockNodeType } from './BlockNode';
import { blockHandles, blockSize } from './block-geometry';
import { type BlockView, blockView, NODE_WIDTH, positionsOf } from './flow-graph';

export interface Dimensions {
  width: number;
  height: number;
}

export interface NodeCache {
  views: Map<string, { key: string | Block; view: BlockView }>;
  nodes: Map<string, BlockNodeType>;
  /** Whether the nodes were built for compact blocks. */
  compact: boolean;
}

export function emptyNodeCache(): NodeCache {
  return { views: new Map(), nodes: new Map(), compact: false };
}

export interface NodeInputs {
  selection: readonly string[];
  problemsByBlock: ReadonlyMap<string, Problem[]>;
  /** Sizes React Flow measured. */
  measured: ReadonlyMap<string, Dimensions>;
  /** Blocks drawn compact (zoomed out), without handles. */
  compact?: boolean;
}

export function buildNodes(
  flow: Flow,
  cache: NodeCache,
  inputs: NodeInputs,
): { nodes: BlockNodeType[]; cache: NodeCache } {
  const positions = positionsOf(flow);
  const selected = new Set(inputs.selection);
  const views = new Map<string, { key: string | Block; view: BlockView }>();
  const nodesById = new Map<string, BlockNodeType>();
  const nodes: BlockNodeType[] = [];
  const compact = inputs.compact ?? false;
  // Compact blocks have no handles, so React Flow measures none on the blocks it renders then. Back
  // to full blocks, every node is given its handles again (the blocks in view are measured anew), or
  // wires to blocks that were rendered compact and are now out of view would have nothing to end at.
  const handlesLost = cache.compact && !compact;
  for (const [id, block] of Object.entries(flow.blocks)) {
    const problems = inputs.problemsByBlock.get(id);
    const key = viewKey(flow, id, block, problems);
    const cached = cache.views.get(id);
    const view = cached && cached.key === key ? cached.view : blockView(flow, id, block, problems);
    views.set(id, { key, view });
    const position = positions.get(id) ?? { x: 0, y: 0 };
    const size = inputs.measured.get(id);
    const old = cache.nodes.get(id);
    const same =
      old &&
      !handlesLost &&
      old.data === view &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      old.selected === selected.has(id) &&
      (size === undefined || (old.measured?.width === size.width && old.measured?.height === size.height));
    let node: BlockNodeType;
    if (same) node = old;
    else {
      node = {
        id,
        type: 'block',
        position,
        data: view as BlockNodeType['data'],
        selected: selected.has(id),
        width: NODE_WIDTH,
        ariaLabel: `${view.title} block ${id}`,
        // Known before rendering: React Flow skips the blocks out of view, yet edges, the mini map
        // and fitting the view see every block. Once rendered, React Flow's measurements take over.
        measured: size ?? blockSize(view.outcomes.length),
      };
      if (!size || handlesLost) node.handles = blockHandles(view.outcomes);
    }
    nodesById.set(id, node);
    nodes.push(node);
  }
  return { nodes, cache: { views, nodes: nodesById, compact } };
}

/**
 * What a block's view depends on: the block itself, being the start, its problems and whether its
 * targets exist. A string key when any of those is unusual, the block object itself otherwise.
 */
function viewKey(flow: Flow, id: string, block: Block, problems: Problem[] | undefined): string | Block {
  const targetsExist = Object.values(block.next ?? {}).every((t) => flow.blocks[t]);
  if (flow.start !== id && !problems && targetsExist) return block;
  const problemKey = (problems ?? []).map((p) => `${p.code}${p.path}${p.message}`).join('|');
  return `${blockIdentity(block)}|${flow.start === id}|${targetsExist}|${problemKey}`;
}

const identities = new WeakMap<Block, number>();
let nextIdentity = 0;
function blockIdentity(block: Block): number {
  let identity = identities.get(block);
  if (identity === undefined) {
    identity = ++nextIdentity;
    identities.set(block, identity);
  }
  return identity;
}

/**
 * The nodes with the blocks being dragged at their drag positions (not yet written to the flow). Only
 * those get new node objects, so each frame of a drag costs one node, whatever the flow's size.
 */
export function withDragPositions(
  nodes: readonly BlockNodeType[],
  dragPositions: Readonly<Record<string, Position>>,
): BlockNodeType[] {
  const ids = Object.keys(dragPositions);
  if (ids.length === 0) return nodes as BlockNodeType[];
  return nodes.map((node) => {
    const position = dragPositions[node.id];
    // `dragging` as React Flow set it, or the block would lose its dragging state on every frame.
    return position ? { ...node, position, dragging: true } : node;
  });
}
