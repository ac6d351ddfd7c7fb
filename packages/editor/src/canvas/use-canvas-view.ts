import { useReactFlow, useStore, type Viewport } from '@xyflow/react';
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';
import { useSimulationStore } from '../simulator/simulation-store';
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
  open: (viewport: Viewport) => void,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per flow
  useLayoutEffect(() => {
    const rect = pane.current?.getBoundingClientRect();
    if (!rect) return;
    const size = { width: rect.width, height: rect.height };
    open(initialViewport(nodes, size, { minZoom: MIN_ZOOM }));
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

/**
 * While a simulated call runs, the canvas follows it: when the block it enters is not wholly in view,
 * the view pans (at the same zoom) to centre it.
 */
export function useFollowActiveBlock(): void {
  const rf = useReactFlow();
  const active = useSimulationStore((s) => s.activeBlockId);
  useEffect(() => {
    if (!active) return;
    const node = rf.getInternalNode(active);
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!node || !pane) return;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    const topLeft = rf.flowToScreenPosition({ x, y });
    const bottomRight = rf.flowToScreenPosition({ x: x + width, y: y + height });
    const inView =
      topLeft.x >= pane.left &&
      topLeft.y >= pane.top &&
      bottomRight.x <= pane.right &&
      bottomRight.y <= pane.bottom;
    if (!inView) void rf.setCenter(x + width / 2, y + height / 2, { zoom: rf.getZoom(), duration: 200 });
  }, [active, rf]);
}
