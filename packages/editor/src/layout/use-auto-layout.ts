import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { moveBlocks } from '../flow/flow-edits';
import { useEditorStore } from '../store/flow-store';
import { buildElkGraph, positionsFromElk, type Size } from './elk-graph';
import type { LayoutResponse } from './layout.worker';
import LayoutWorker from './layout.worker?worker';

/** Auto layout through ELK in a Web Worker; the result is one undoable edit of `layout`. */
export function useAutoLayout(afterLayout: () => void) {
  const rf = useReactFlow();
  const worker = useRef<Worker | null>(null);
  const requestId = useRef(0);
  const [running, setRunning] = useState(false);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  /** ELK takes a moment to start; the toolbar warms the worker up when the pointer or focus nears it. */
  const prepare = useCallback(() => {
    worker.current ??= new LayoutWorker();
  }, []);

  const layout = useCallback(() => {
    const { flow } = useEditorStore.getState();
    if (!flow || Object.keys(flow.blocks).length === 0) return;
    const sizes = new Map<string, Size>();
    for (const node of rf.getNodes()) {
      if (node.measured?.width && node.measured.height) {
        sizes.set(node.id, { width: node.measured.width, height: node.measured.height });
      }
    }
    prepare();
    const id = ++requestId.current;
    setRunning(true);
    worker.current!.onmessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id !== requestId.current) return;
      setRunning(false);
      const store = useEditorStore.getState();
      if (!event.data.ok) {
        store.notify({ kind: 'error', text: `Auto layout failed: ${event.data.message}` });
        return;
      }
      const positions = positionsFromElk(event.data.graph);
      store.edit((f) => moveBlocks(f, positions));
      requestAnimationFrame(afterLayout);
    };
    worker.current!.postMessage({ id, graph: buildElkGraph(flow, sizes) });
  }, [rf, afterLayout, prepare]);

  return { layout, prepare, running };
}
