import { useStore, type Viewport } from '@xyflow/react';
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';
import type { BlockNodeType } from './BlockNode';
import { initialViewport } from './initial-view';
import { COMPACT_BELOW_ZOOM, isZoomedOut, MIN_ZOOM } from './zoom';

/**
 * Works out the viewport a flow opens at, from the size of the canvas (measured before the first
 * paint) and the blocks' known sizes, and hands it to `open`: React Flow then starts there, so nothing
 * is drawn at another zoom first. Once per flow (the canvas is keyed by flow id).
 */
export function useOpeningViewport(
  pane: RefObject<HTMLElement | null>,
  nodes: readonly BlockNodeType[],
  start: string,
  fitWhole: boolean,
  open: (viewport: Viewport) => void,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per flow
  useLayoutEffect(() => {
    const rect = pane.current?.getBoundingClientRect();
    if (!rect) return;
    const size = { width: rect.width, height: rect.height };
    open(initialViewport(nodes, start, size, { fitWhole, minZoom: MIN_ZOOM }));
  }, []);
}

/**
 * Whether blocks are drawn compact: React Flow's own zoom once it has taken the opening viewport, the
 * opening viewport's until then (React Flow's store still holds its defaults on its first render).
 */
export function useCompactBlocks(opening: Viewport | undefined): boolean {
  const zoomedOut = useStore(isZoomedOut);
  const [applied, setApplied] = useState(false);
  // React Flow takes the viewport in its own effects, which run before this one.
  useEffect(() => {
    if (opening) setApplied(true);
  }, [opening]);
  return applied ? zoomedOut : (opening?.zoom ?? 1) < COMPACT_BELOW_ZOOM;
}
