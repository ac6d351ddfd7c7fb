/** Canvas actions shared by the palette, the toolbar, the shortcuts and the block search. */
import { blockDefinition, type Position } from '@callflow/model';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { viewingVersion } from '../files/review-store';
import { addBlock } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';
import { blockSize } from './block-geometry';
import { GRID_GAP, NODE_WIDTH, positionsOf } from './flow-graph';
import { blockRects, boundsOf, freeSpot, inside, type Rect } from './free-spot';

export const CANVAS_TEST_ID = 'canvas';

export function useCanvasActions() {
  const rf = useReactFlow();

  /** The part of the canvas in view, in flow coordinates. */
  const visibleRect = useCallback((): Rect | undefined => {
    const rect = document.querySelector(`[data-testid="${CANVAS_TEST_ID}"]`)?.getBoundingClientRect();
    if (!rect || rect.width === 0) return undefined;
    const topLeft = rf.screenToFlowPosition({ x: rect.left, y: rect.top });
    const bottomRight = rf.screenToFlowPosition({ x: rect.right, y: rect.bottom });
    return {
      x: topLeft.x,
      y: topLeft.y,
      width: bottomRight.x - topLeft.x,
      height: bottomRight.y - topLeft.y,
    };
  }, [rf]);

  /**
   * Where a group of new blocks (their rectangles as copied, or one new block's) goes when it should
   * be at `wanted`: the nearest place in view clear of every block. Returns the group's new top left.
   */
  const placeInView = useCallback(
    (group: readonly Rect[], wanted: Position): Position => {
      const { flow } = useEditorStore.getState();
      const bounds = boundsOf(group);
      const view = visibleRect();
      if (!flow || !bounds || !view) return wanted;
      const at = freeSpot([...blockRects(flow).values()], bounds, wanted, view);
      const placed = { x: at.x, y: at.y, width: bounds.width, height: bounds.height };
      // A view with no clear place left: the blocks go to the nearest clear place, and the view follows.
      if (!inside(placed, view)) {
        void rf.setCenter(at.x + bounds.width / 2, at.y + bounds.height / 2, {
          zoom: rf.getZoom(),
          duration: 200,
        });
      }
      return at;
    },
    [rf, visibleRect],
  );

  /** Where a block added without a drop point goes: right of the selection, else the visible centre. */
  const spotFor = useCallback(
    (type: string): Position => {
      const { flow, selection } = useEditorStore.getState();
      const last = selection.at(-1);
      const view = visibleRect();
      let wanted: Position = { x: 0, y: 0 };
      const at = flow && last ? positionsOf(flow).get(last) : undefined;
      if (at) wanted = { x: at.x + GRID_GAP.x, y: at.y };
      else if (view)
        wanted = { x: view.x + view.width / 2 - NODE_WIDTH / 2, y: view.y + view.height / 2 - 40 };
      const definition = blockDefinition(type);
      const outcomes = definition ? safeCount(() => definition.outcomes({}).length) : 1;
      return placeInView([{ ...wanted, ...blockSize(outcomes) }], wanted);
    },
    [visibleRect, placeInView],
  );

  const add = useCallback(
    (type: string, position?: Position) => {
      const state = useEditorStore.getState();
      if (!state.flow || viewingVersion(state.flow.id)) return;
      const at = position ?? spotFor(type);
      let added = '';
      state.edit((flow) => {
        const result = addBlock(flow, type, at);
        added = result.id;
        return result.flow;
      });
      if (added) {
        state.select([added]);
        state.setTab('properties');
      }
    },
    [spotFor],
  );

  /** Selects and centres a block; `moveFocus` also moves keyboard focus onto it (block search). */
  const focusBlock = useCallback(
    (id: string, moveFocus = true) => {
      const { flow, select } = useEditorStore.getState();
      if (!flow?.blocks[id]) return;
      select([id]);
      const node = rf.getInternalNode(id);
      const at = node?.internals.positionAbsolute ?? positionsOf(flow).get(id) ?? { x: 0, y: 0 };
      const width = node?.measured.width ?? NODE_WIDTH;
      const height = node?.measured.height ?? 120;
      void rf.setCenter(at.x + width / 2, at.y + height / 2, {
        zoom: Math.max(rf.getZoom(), 1),
        duration: 250,
      });
      if (!moveFocus) return;
      // Keyboard users land on the block they asked for.
      requestAnimationFrame(() => {
        const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        element?.focus();
      });
    },
    [rf],
  );

  const fit = useCallback(() => void rf.fitView({ padding: 0.1, maxZoom: 1, duration: 250 }), [rf]);

  return { add, focusBlock, fit, placeInView };
}

function safeCount(count: () => number): number {
  try {
    return count();
  } catch {
    return 1;
  }
}
