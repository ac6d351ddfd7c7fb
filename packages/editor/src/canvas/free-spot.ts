/**
 * Where new blocks go: in the part of the canvas the admin is looking at, and never on top of a block
 * already there (a paste used to land 8 px from its originals, a click-to-add outside the view).
 * Pure, so it is tested without a browser.
 */
import type { Flow, Position } from '@callflow/model';
import { blockSize } from './block-geometry';
import { blockView, positionsOf } from './flow-graph';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept free around a placed block, in flow units. */
const CLEARANCE = 24;
/** How far apart the candidate places are, across and down. */
const STEP = { x: 40, y: 40 };
/** Rings searched at most (a few thousand places): beyond, the wanted place is as good as any. */
const MAX_RINGS = 40;

/** The rectangles the flow's blocks take on the canvas (sizes known without rendering). */
export function blockRects(flow: Flow, ids: Iterable<string> = Object.keys(flow.blocks)): Map<string, Rect> {
  const positions = positionsOf(flow);
  const rects = new Map<string, Rect>();
  for (const id of ids) {
    const block = flow.blocks[id];
    const at = positions.get(id);
    if (!block || !at) continue;
    const { width, height } = blockSize(blockView(flow, id, block).outcomes.length);
    rects.set(id, { x: at.x, y: at.y, width, height });
  }
  return rects;
}

export function boundsOf(rects: Iterable<Rect>): Rect | undefined {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return left === Number.POSITIVE_INFINITY
    ? undefined
    : { x: left, y: top, width: right - left, height: bottom - top };
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width + CLEARANCE &&
  b.x < a.x + a.width + CLEARANCE &&
  a.y < b.y + b.height + CLEARANCE &&
  b.y < a.y + a.height + CLEARANCE;

export const inside = (a: Rect, view: Rect): boolean =>
  a.x >= view.x &&
  a.y >= view.y &&
  a.x + a.width <= view.x + view.width &&
  a.y + a.height <= view.y + view.height;

/**
 * The top-left corner closest to `wanted` where a box of `size` lies inside `view` and clear of every
 * rectangle in `taken`. When no such place is in view, the closest clear place outside it (the view
 * is then too full or too small: the canvas then pans to it); when nothing is clear nearby, `wanted`.
 */
export function freeSpot(
  taken: readonly Rect[],
  size: { width: number; height: number },
  wanted: Position,
  view: Rect,
): Position {
  // The wanted place pulled into the view first, when the box fits the view at all.
  const start = {
    x: clamp(wanted.x, view.x, view.x + view.width - size.width),
    y: clamp(wanted.y, view.y, view.y + view.height - size.height),
  };
  let outside: Position | undefined;
  const rings = Math.min(Math.ceil(Math.max(view.width / STEP.x, view.height / STEP.y)) + 4, MAX_RINGS);
  for (let ring = 0; ring <= rings; ring++) {
    // Candidates on the ring, nearest to the start first.
    const candidates: Position[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push({ x: start.x + dx * STEP.x, y: start.y + dy * STEP.y });
      }
    }
    candidates.sort((a, b) => distance(a, start) - distance(b, start));
    for (const at of candidates) {
      const box = { x: at.x, y: at.y, width: size.width, height: size.height };
      if (taken.some((t) => overlaps(box, t))) continue;
      if (inside(box, view)) return round(at);
      outside ??= at;
    }
  }
  return round(outside ?? wanted);
}

function clamp(value: number, low: number, high: number): number {
  return high < low ? low : Math.min(Math.max(value, low), high);
}

function distance(a: Position, b: Position): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function round(p: Position): Position {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}
