/** Canvas actions shared by the palette, the toolbar, the shortcuts and the block search. */
import type { Position } from '@callflow/model';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { addBlock } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';
import { GRID_GAP, NODE_WIDTH, positionsOf } from './flow-graph';

export const CANVAS_TEST_ID = 'canvas';

export function useCanvasActions() {
  const rf = useReactFlow();

  /** Where a block added without a drop point goes: right of the selection, else the visible centre. */
  const freeSpot = useCallback((): Position => {
    const { flow, selection } = useEditorStore.getState();
    const last = selection.at(-1);
    if (flow && last) {
      const at = positionsOf(flow).get(last);
      if (at) return { x: at.x + GRID_GAP.x, y: at.y };
    }
    const element = document.querySelector(`[data-testid="${CANVAS_TEST_ID}"]`);
    const rect = element?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    const centre = rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    return { x: centre.x - NODE_WIDTH / 2, y: centre.y - 40 };
  }, [rf]);

  const add = useCallback(
    (type: string, position?: Position) => {
      const state = useEditorStore.getState();
      if (!state.flow) return;
      const at = position ?? freeSpot();
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
    [freeSpot],
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

  return { add, focusBlock, fit };
}
