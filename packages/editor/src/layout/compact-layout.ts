/**
 * Auto layout: compact, top-down and layered. Each block sits in the layer of its distance from the
 * start (breadth first, children in their outcomes' display order, so a menu's options read left to
 * right); a layer wider than the chosen number of columns wraps onto more rows, and a flow taller than
 * the canvas allows wraps its rows into bands side by side (a long chain continues at the top of the
 * next band). The columns and bands are chosen so that the whole flow fits the canvas at the largest
 * zoom, preferring the plainest shape (one band, wide layers) among those readable.
 *
 * Hand-written rather than ELK: ELK's layered layouts bound neither a layer's width nor the height
 * of the whole, and a 20-block sample came out 4,600 px wide (one long row) or 2,000 px tall.
 */
import type { Flow, Position } from '@callflow/model';
import { blockSize } from '../canvas/block-geometry';
import { blockView, NODE_WIDTH } from '../canvas/flow-graph';
import { READABLE_ZOOM } from '../canvas/zoom';

export interface PaneSize {
  width: number;
  height: number;
}

/** Space between blocks of a row, between rows, and between bands, in flow units. */
export const LAYOUT_GAP = { column: 40, row: 56, band: 96 } as const;
/** As Fit view: a tenth of the pane is kept free on each side. */
const FIT_MARGIN = 0.8;
const MAX_COLUMNS = 8;
const MAX_BANDS = 6;

interface Row {
  ids: string[];
  height: number;
}

/** Blocks by layer: breadth first from the start, then from each block not reached, in file order. */
export function layersOf(flow: Flow): string[][] {
  const children = new Map<string, string[]>();
  for (const [id, block] of Object.entries(flow.blocks)) {
    const targets = blockView(flow, id, block)
      .outcomes.map((o) => o.target)
      .filter((t): t is string => t !== undefined && t in flow.blocks);
    children.set(id, targets);
  }
  const layers: string[][] = [];
  const placed = new Set<string>();
  const roots = [flow.start, ...Object.keys(flow.blocks)].filter((id) => id in flow.blocks);
  for (const root of roots) {
    if (placed.has(root)) continue;
    // Blocks not reached from the start begin below everything placed so far.
    let depth = layers.length;
    let frontier = [root];
    placed.add(root);
    while (frontier.length > 0) {
      layers[depth] = [...(layers[depth] ?? []), ...frontier];
      const next: string[] = [];
      for (const id of frontier) {
        for (const child of children.get(id) ?? []) {
          if (placed.has(child)) continue;
          placed.add(child);
          next.push(child);
        }
      }
      frontier = next;
      depth++;
    }
  }
  return layers;
}

function heightOf(flow: Flow, id: string): number {
  const block = flow.blocks[id]!;
  return blockSize(blockView(flow, id, block).outcomes.length).height;
}

function rowsOf(flow: Flow, layers: readonly string[][], columns: number): Row[] {
  const rows: Row[] = [];
  for (const layer of layers) {
    for (let i = 0; i < layer.length; i += columns) {
      const ids = layer.slice(i, i + columns);
      rows.push({ ids, height: Math.max(...ids.map((id) => heightOf(flow, id))) });
    }
  }
  return rows;
}

const stackHeight = (rows: readonly Row[]): number =>
  rows.reduce((sum, r) => sum + r.height, 0) + Math.max(rows.length - 1, 0) * LAYOUT_GAP.row;

/** Consecutive rows cut into at most `count` bands of about equal height (never an empty band). */
function splitIntoBands(rows: readonly Row[], count: number): Row[][] {
  const target = stackHeight(rows) / count;
  const bands: Row[][] = [[]];
  let height = 0;
  for (const row of rows) {
    const band = bands.at(-1)!;
    if (band.length > 0 && height + row.height / 2 > target && bands.length < count) {
      bands.push([row]);
      height = row.height + LAYOUT_GAP.row;
    } else {
      band.push(row);
      height += row.height + LAYOUT_GAP.row;
    }
  }
  return bands;
}

export interface LayoutShape {
  columns: number;
  bands: number;
  /** The zoom at which the laid-out flow fits the pane. */
  zoom: number;
  width: number;
  height: number;
}

function measureShape(
  flow: Flow,
  layers: readonly string[][],
  columns: number,
  bands: number,
  pane: PaneSize,
) {
  const rows = rowsOf(flow, layers, columns);
  const split = splitIntoBands(rows, bands);
  const bandWidth = columns * NODE_WIDTH + (columns - 1) * LAYOUT_GAP.column;
  const width = split.length * bandWidth + (split.length - 1) * LAYOUT_GAP.band;
  const height = Math.max(...split.map(stackHeight));
  const zoom = Math.min((pane.width * FIT_MARGIN) / width, (pane.height * FIT_MARGIN) / height);
  return { shape: { columns, bands: split.length, zoom, width, height }, split, bandWidth };
}

/**
 * Positions for every block of the flow, laid out for a canvas of `pane`'s size. Pure and
 * deterministic: the same flow and pane always give the same positions.
 */
export function compactLayout(
  flow: Flow,
  pane: PaneSize,
): { positions: Record<string, Position>; shape: LayoutShape } {
  const layers = layersOf(flow);
  const widest = Math.max(1, ...layers.map((l) => l.length));
  let best: ReturnType<typeof measureShape> | undefined;
  for (let bands = 1; bands <= MAX_BANDS; bands++) {
    for (let columns = Math.min(widest, MAX_COLUMNS); columns >= 1; columns--) {
      const candidate = measureShape(flow, layers, columns, bands, pane);
      if (!best || better(candidate.shape, best.shape)) best = candidate;
    }
  }
  const positions: Record<string, Position> = {};
  if (!best) return { positions, shape: { columns: 1, bands: 1, zoom: 1, width: 0, height: 0 } };
  const { split, bandWidth, shape } = best;
  split.forEach((band, b) => {
    const left = b * (bandWidth + LAYOUT_GAP.band);
    let top = 0;
    for (const row of band) {
      // A row narrower than the band is centred in it, as layers are drawn.
      const rowWidth = row.ids.length * NODE_WIDTH + (row.ids.length - 1) * LAYOUT_GAP.column;
      const start = left + (bandWidth - rowWidth) / 2;
      row.ids.forEach((id, i) => {
        positions[id] = { x: Math.round(start + i * (NODE_WIDTH + LAYOUT_GAP.column)), y: top };
      });
      top += row.height + LAYOUT_GAP.row;
    }
  });
  return { positions, shape };
}

/**
 * Readable beats everything; among readable shapes the plainer one wins (fewer bands, then wider
 * layers, which keep a branch's blocks side by side); otherwise the larger zoom.
 */
function better(a: LayoutShape, b: LayoutShape): boolean {
  const readableA = a.zoom >= READABLE_ZOOM;
  const readableB = b.zoom >= READABLE_ZOOM;
  if (readableA !== readableB) return readableA;
  if (readableA) {
    if (a.bands !== b.bands) return a.bands < b.bands;
    if (a.columns !== b.columns) return a.columns > b.columns;
  }
  return a.zoom > b.zoom + 1e-9;
}
