/**
 * The mini map of a large flow as data: one SVG path for every block, the bounds it is drawn in, and
 * where the canvas's view is. Pure, so it is tested without a browser.
 */
export interface MiniMapBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One path for all blocks (`M x y h w v h h -w Z` each), and the bounds around them. */
export function blocksPath(boxes: Iterable<MiniMapBox>): {
  d: string;
  bounds: MiniMapBox | null;
  count: number;
} {
  let d = '';
  let count = 0;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    d += `M${Math.round(b.x)} ${Math.round(b.y)}h${Math.round(b.width)}v${Math.round(b.height)}h${-Math.round(b.width)}Z`;
    count++;
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  const bounds = count > 0 ? { x: left, y: top, width: right - left, height: bottom - top } : null;
  return { d, bounds, count };
}

/** The part of the flow in view, from React Flow's transform `[x, y, zoom]` and the pane's size. */
export function viewBox(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): MiniMapBox {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** The smallest box holding both (the mini map shows the blocks and the view, wherever it is). */
export function union(a: MiniMapBox, b: MiniMapBox): MiniMapBox {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
