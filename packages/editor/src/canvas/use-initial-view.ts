import { useStore, type Viewport } from '@xyflow/react';
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';
import type { BlockNodeType } from './BlockNode';
import { initialViewport } from './initial-view';
import { COMPACT_BELOW_ZOOM, isZoomedOut, MIN_ZOOM } from './zoom';

/**
 * The viewport a flow opens at, from the size of the canvas (measured before the first paint) and the
 * blocks' known sizes: React Flow starts there, so nothing is drawn at another zoom first. Also whether
 * the canvas is zoomed out to compact blocks: React Flow's own zoom once it has taken the viewport,
 * the opening viewport's until then.
 */
export function useInitialView(
  pane: RefObject<HTMLElement | null>,
  nodes: readonly BlockNodeType[],
  start: string,
  fitWhole: boolean,
): { viewport: Viewport | undefined; compact: boolean } {
  const [viewport, setViewport] = useState<Viewport>();
  const [applied, setApplied] = useState(false);
  const zoomedOut = useStore(isZoomedOut);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per flow (the canvas is keyed by flow id)
  useLayoutEffect(() => {
    const rect = pane.current?.getBoundingClientRect();
    if (!rect) return;
    setViewport(
      initialViewport(
        nodes,
        start,
        { width: rect.width, height: rect.height },
        { fitWhole, minZoom: MIN_ZOOM },
      ),
    );
  }, []);
  // React Flow takes the viewport in its own effects, which run before this one.
  useEffect(() => {
    if (viewport) setApplied(true);
  }, [viewport]);

  return { viewport, compact: applied ? zoomedOut : (viewport?.zoom ?? 1) < COMPACT_BELOW_ZOOM };
}
