/**
 * Where the canvas looks when a flow opens, worked out before anything is drawn (block sizes are known
 * without rendering, block-geometry.ts): always the whole flow, fitted. When that zoom is too small to
 * read a block's text, blocks are drawn compact with their name in a large type (zoom.ts), so the
 * overview stays readable; a flow laid out by Auto layout fits readable whenever the canvas allows.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { BlockNodeType } from './BlockNode';

export interface PaneSize {
  width: number;
  height: number;
}

/** As the toolbar's Fit view: a margin of a tenth of the pane, never enlarged beyond 100 %. */
const FIT_PADDING = 0.1;
const FIT_MAX_ZOOM = 1;

export function initialViewport(
  nodes: readonly BlockNodeType[],
  pane: PaneSize,
  options: { minZoom: number },
): Viewport {
  if (nodes.length === 0 || pane.width <= 0 || pane.height <= 0) return { x: 0, y: 0, zoom: 1 };
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? 0;
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + width);
    bottom = Math.max(bottom, node.position.y + height);
  }
  const bounds = { x: left, y: top, width: Math.max(right - left, 1), height: Math.max(bottom - top, 1) };
  return getViewportForBounds(bounds, pane.width, pane.height, options.minZoom, FIT_MAX_ZOOM, FIT_PADDING);
}
