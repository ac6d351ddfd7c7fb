import { useCallback } from 'react';
import { CANVAS_TEST_ID } from '../canvas/use-canvas-actions';
import { moveBlocks } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';
import { compactLayout } from './compact-layout';

/**
 * Auto layout for the canvas as it is now (its size decides how the flow wraps); the result is one
 * undoable edit of `layout`, then the view is fitted. Fast enough for the main thread: linear in the
 * blocks for each of a few dozen shapes tried (a 1,000-block flow in a few milliseconds).
 */
export function useAutoLayout(afterLayout: () => void) {
  const layout = useCallback(() => {
    const store = useEditorStore.getState();
    const { flow } = store;
    if (!flow || Object.keys(flow.blocks).length === 0) return;
    const rect = document.querySelector(`[data-testid="${CANVAS_TEST_ID}"]`)?.getBoundingClientRect();
    const pane =
      rect && rect.width > 0 ? { width: rect.width, height: rect.height } : { width: 1040, height: 850 };
    const { positions } = compactLayout(flow, pane);
    store.edit((f) => moveBlocks(f, positions));
    requestAnimationFrame(afterLayout);
  }, [afterLayout]);

  return { layout };
}
