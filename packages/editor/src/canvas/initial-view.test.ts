import { describe, expect, it } from 'vitest';
import type { BlockNodeType } from './BlockNode';
import { blockSize } from './block-geometry';
import { initialViewport } from './initial-view';
import { COMPACT_BELOW_ZOOM } from './zoom';

const pane = { width: 800, height: 600 };
const options = { minZoom: 0.02 };

/** Blocks on a grid, `columns` wide, 280 × 180 apart, as flows laid out on a grid are. */
function grid(count: number, columns: number): BlockNodeType[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `step-${i}`,
    type: 'block',
    position: { x: (i % columns) * 280, y: Math.floor(i / columns) * 180 },
    width: 240,
    measured: blockSize(2),
    data: {} as BlockNodeType['data'],
  }));
}

/** Where a block lands on the pane. */
function onScreen(node: BlockNodeType, viewport: { x: number; y: number; zoom: number }) {
  const { width, height } = node.measured ?? { width: 0, height: 0 };
  const left = node.position.x * viewport.zoom + viewport.x;
  const top = node.position.y * viewport.zoom + viewport.y;
  return {
    left,
    top,
    right: left + (width ?? 0) * viewport.zoom,
    bottom: top + (height ?? 0) * viewport.zoom,
  };
}

const inPane = (box: ReturnType<typeof onScreen>) =>
  box.left >= 0 && box.top >= 0 && box.right <= pane.width && box.bottom <= pane.height;

describe('the viewport a flow opens at', () => {
  it('fits a large flow whole, zoomed out as far as needed', () => {
    const nodes = grid(1000, 25);
    const viewport = initialViewport(nodes, pane, options);
    expect(viewport.zoom).toBeLessThan(0.1);
    for (const node of nodes) expect(inPane(onScreen(node, viewport))).toBe(true);
  });

  it('fits a long flow whole too (its blocks are then drawn compact, names in a large type)', () => {
    const nodes = grid(60, 4);
    const viewport = initialViewport(nodes, pane, options);
    expect(viewport.zoom).toBeLessThan(COMPACT_BELOW_ZOOM);
    for (const node of nodes) expect(inPane(onScreen(node, viewport))).toBe(true);
  });

  it('fits a short flow whole, never enlarged beyond 100 %', () => {
    const nodes = grid(2, 2);
    const viewport = initialViewport(nodes, pane, options);
    expect(viewport.zoom).toBe(1);
    for (const node of nodes) expect(inPane(onScreen(node, viewport))).toBe(true);
  });

  it('opens an empty flow at 100 %', () => {
    expect(initialViewport([], pane, options)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
