/**
 * The canvas while a version is compared with the draft: blocks added since the version and blocks
 * changed (settings, outcomes, label) are marked, and blocks removed come back as ghosts where they
 * were, which nobody can select, move or wire. Blocks only moved are not marked: the diff ignores
 * layout. Pure, so it is tested without a browser.
 */
import type { Flow, FlowDiff } from '@callflow/model';
import type { BlockNodeType } from './BlockNode';
import { blockSize } from './block-geometry';
import { blockView, NODE_WIDTH, positionsOf } from './flow-graph';

export type DiffMark = 'added' | 'changed' | 'removed';

export function withReviewMarks(
  nodes: readonly BlockNodeType[],
  diff: FlowDiff,
  before: Flow,
): BlockNodeType[] {
  const marks = new Map<string, DiffMark>();
  for (const change of diff.blocks) if (change.kind !== 'removed') marks.set(change.id, change.kind);
  const marked = nodes.map((node) => {
    const mark = marks.get(node.id);
    return mark ? { ...node, data: { ...node.data, diff: mark } } : node;
  });
  const positions = positionsOf(before);
  for (const change of diff.blocks) {
    if (change.kind !== 'removed') continue;
    const block = before.blocks[change.id];
    if (!block) continue;
    const view = blockView(before, change.id, block);
    marked.push({
      id: change.id,
      type: 'block',
      position: positions.get(change.id) ?? { x: 0, y: 0 },
      data: { ...view, isStart: false, diff: 'removed' } as BlockNodeType['data'],
      width: NODE_WIDTH,
      measured: blockSize(view.outcomes.length),
      selectable: false,
      draggable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      ariaLabel: `Removed block ${change.id}`,
    });
  }
  return marked;
}
