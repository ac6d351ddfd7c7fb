/**
 * The size of a block on the canvas and where its handles sit, known without rendering it. The block's
 * rows have fixed heights (styles.css, `.block-node`), so React Flow can place edges, fit the view and
 * draw the mini map for blocks it has not rendered (a large flow renders only the blocks in view), and
 * the overview edge layer can draw wires between compact blocks. Rendered blocks are measured as usual.
 */
import { type NodeHandle, Position, type XYPosition } from '@xyflow/react';
import { NODE_WIDTH } from './flow-graph';

/** Heights in px; styles.css gives `.block-node` and its rows exactly these. */
export const BLOCK_ROWS = {
  border: 1,
  header: 30,
  sub: 22,
  /** The outcome list's top border and its padding above and below the rows. */
  outcomesBorder: 1,
  outcomesPadding: 4,
  outcome: 20,
} as const;
/** Handles are 10 px squares; outcome handles stand 6 px outside the block's right edge (styles.css). */
const HANDLE = 10;
const OUT_HANDLE_OFFSET = 6;

export interface BlockSize {
  width: number;
  height: number;
}

export function blockSize(outcomeCount: number): BlockSize {
  const { border, header, sub, outcomesBorder, outcomesPadding, outcome } = BLOCK_ROWS;
  const outcomes = outcomeCount > 0 ? outcomesBorder + 2 * outcomesPadding + outcome * outcomeCount : 0;
  return { width: NODE_WIDTH, height: border + header + sub + outcomes + border };
}

/** Top left of the input handle (centred on the left edge) of a block `height` tall. */
function inputHandleAt(height: number): XYPosition {
  return { x: -HANDLE / 2, y: height / 2 - HANDLE / 2 };
}

/** Top left of the handle of the outcome in row `index` (right edge, centred on its row). */
function outcomeHandleAt(index: number): XYPosition {
  const { border, header, sub, outcomesBorder, outcomesPadding, outcome } = BLOCK_ROWS;
  const firstRow = border + header + sub + outcomesBorder + outcomesPadding;
  return {
    x: NODE_WIDTH - border + OUT_HANDLE_OFFSET - HANDLE / 2,
    y: firstRow + outcome * index + outcome / 2 - HANDLE / 2,
  };
}

/** The input handle and one output handle per outcome row, as React Flow takes them before measuring. */
export function blockHandles(outcomes: readonly { name: string }[]): NodeHandle[] {
  const handles: NodeHandle[] = [
    {
      id: 'in',
      type: 'target',
      position: Position.Left,
      ...inputHandleAt(blockSize(outcomes.length).height),
      width: HANDLE,
      height: HANDLE,
    },
  ];
  outcomes.forEach((o, i) => {
    handles.push({
      id: o.name,
      type: 'source',
      position: Position.Right,
      ...outcomeHandleAt(i),
      width: HANDLE,
      height: HANDLE,
    });
  });
  return handles;
}

/** Where a wire into a block `height` tall ends, relative to the block (as React Flow draws it). */
export function inputAnchor(height: number): XYPosition {
  const at = inputHandleAt(height);
  return { x: at.x, y: at.y + HANDLE / 2 };
}

/** Where the wire of the outcome in row `index` starts, relative to the block. */
export function outcomeAnchor(index: number): XYPosition {
  const at = outcomeHandleAt(index);
  return { x: at.x + HANDLE, y: at.y + HANDLE / 2 };
}

/**
 * What fits a compact block in its large type. Cut here rather than clipped by CSS: a clip per block
 * makes the browser's compositing work grow with every block in view, on every frame of a drag.
 */
const COMPACT_NAME_LENGTH = 14;
/** Far out the name's type is about twice as large, so fewer characters fit. */
const FAR_NAME_LENGTH = 8;
export function compactName(name: string, far = false): string {
  const length = far ? FAR_NAME_LENGTH : COMPACT_NAME_LENGTH;
  return name.length <= length ? name : `${name.slice(0, length - 1)}…`;
}
