import type { Position } from '@callflow/model';
import { ViewportPortal } from '@xyflow/react';
import type { FlowTraffic } from '../api/client';
import type { BlockNodeType } from '../canvas/BlockNode';
import { NODE_WIDTH } from '../canvas/flow-graph';

export interface TrafficLayerProps {
  traffic: FlowTraffic;
  nodes: readonly BlockNodeType[];
  dragPositions: Readonly<Record<string, Position>>;
}

/**
 * Over the blocks where callers hung up, a mark with how many: a layer of its own above the canvas, so
 * the blocks themselves stay as they are (their count of entries is in the Traffic tab's table).
 */
export function TrafficLayer({ traffic, nodes, dragPositions }: TrafficLayerProps) {
  return (
    <ViewportPortal>
      {nodes.map((node) => {
        const hungUp = traffic.blocks[node.id]?.hungUp ?? 0;
        if (hungUp === 0) return null;
        const at = dragPositions[node.id] ?? node.position;
        const width = node.measured?.width ?? node.width ?? NODE_WIDTH;
        return (
          <div
            key={node.id}
            className="traffic-hangups"
            data-block={node.id}
            style={{ transform: `translate(${at.x + width - 12}px, ${at.y - 14}px)` }}
            title={`${hungUp} ${hungUp === 1 ? 'caller' : 'callers'} hung up in this block`}
          >
            <span aria-hidden="true">✆✕</span> {hungUp} hung up
          </div>
        );
      })}
    </ViewportPortal>
  );
}
