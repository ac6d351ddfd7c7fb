import { useCallback, useEffect, useRef } from 'react';
import { CANVAS_TEST_ID } from '../canvas/use-canvas-actions';
import { moveBlocks } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';
import type { LayoutResponse } from './layout.worker';
import LayoutWorker from './layout.worker?worker';

/**
 * Auto layout through ELK in a web worker, for the canvas as it is now (its shape decides how the flow
 * wraps); the result is one undoable edit of `layout`, then the view is fitted.
 */
export function useAutoLayout(afterLayout: () => void) {
  const worker = useRef<Worker | null>(null);
  const requestId = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const layout = useCallback(() => {
    const { flow } = useEditorStore.getState();
    if (!flow || Object.keys(flow.blocks).length === 0) return;
    const rect = document.querySelector(`[data-testid="${CANVAS_TEST_ID}"]`)?.getBoundingClientRect();
    const pane =
      rect && rect.width > 0 ? { width: rect.width, height: rect.height } : { width: 1040, height: 850 };
    worker.current ??= new LayoutWorker();
    const id = ++requestId.current;
    worker.current.onmessage = (event: MessageEvent<LayoutResponse>) => {
      // Only the latest request counts: an older answer is for a flow that has changed since.
      if (event.data.id !== requestId.current) return;
      const store = useEditorStore.getState();
      if (!event.data.ok) {
        store.notify({ kind: 'error', text: `Auto layout failed: ${event.data.message}` });
        return;
      }
      const { positions } = event.data.laidOut;
      store.edit((f) => moveBlocks(f, positions));
      requestAnimationFrame(afterLayout);
    };
    worker.current.postMessage({ id, flow, pane });
  }, [afterLayout]);

  return { layout };
}
