import { Panel, type ReactFlowState, useReactFlow, useStore } from '@xyflow/react';
import { type PointerEvent, useMemo, useRef } from 'react';
import type { BlockNodeType } from './BlockNode';
import { blocksPath, union, viewBox } from './large-minimap';

const WIDTH = 200;
const HEIGHT = 150;
const transformOf = (s: ReactFlowState) => s.transform;
const widthOf = (s: ReactFlowState) => s.width;
const heightOf = (s: ReactFlowState) => s.height;

/**
 * The mini map of a large flow. React Flow's own keeps one store subscription per block, each run on
 * every frame of a drag (a thousand selectors per frame, the largest part of a drag's cost in a
 * 1,000-block flow): this one draws every block as one path, built when the blocks change (a drop, not
 * each frame of a drag), and follows only the view. A click or a drag on it moves the view there.
 */
export function LargeFlowMiniMap({ nodes }: { nodes: readonly BlockNodeType[] }) {
  const rf = useReactFlow();
  const transform = useStore(transformOf);
  const paneWidth = useStore(widthOf);
  const paneHeight = useStore(heightOf);
  const blocks = useMemo(
    () =>
      blocksPath(
        nodes.map((n) => ({
          x: n.position.x,
          y: n.position.y,
          width: n.measured?.width ?? n.width ?? 0,
          height: n.measured?.height ?? 0,
        })),
      ),
    [nodes],
  );
  const view = viewBox(transform, paneWidth, paneHeight);
  const shown = blocks.bounds ? union(blocks.bounds, view) : view;
  // Keep the map's aspect: the flow's box is fitted into WIDTH x HEIGHT with a margin.
  const scale = Math.max(shown.width / WIDTH, shown.height / HEIGHT) * 1.05 || 1;
  const box = {
    x: shown.x + shown.width / 2 - (WIDTH * scale) / 2,
    y: shown.y + shown.height / 2 - (HEIGHT * scale) / 2,
    width: WIDTH * scale,
    height: HEIGHT * scale,
  };
  const svg = useRef<SVGSVGElement>(null);
  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const rect = svg.current?.getBoundingClientRect();
    if (!rect) return;
    const x = box.x + ((event.clientX - rect.left) / rect.width) * box.width;
    const y = box.y + ((event.clientY - rect.top) / rect.height) * box.height;
    void rf.setCenter(x, y, { zoom: transform[2] });
  };
  return (
    <Panel position="bottom-right" className="large-minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-label="Mini map"
        data-blocks={blocks.count}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
        }}
      >
        <path className="large-minimap-blocks" d={blocks.d} />
        <rect
          className="large-minimap-view"
          x={view.x}
          y={view.y}
          width={view.width}
          height={view.height}
          strokeWidth={2 * scale}
        />
      </svg>
    </Panel>
  );
}
