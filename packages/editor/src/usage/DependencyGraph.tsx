import type { ElkNode } from 'elkjs/lib/elk-api';
import { useEffect, useState } from 'react';
import { type DependencyGraphModel, elkGraphOf, NODE_HEIGHT } from './dependency-graph';
import type { GraphLayoutResponse } from './graph-layout.worker';
import GraphLayoutWorker from './graph-layout.worker?worker';
import { openFlowAt } from './open-at-block';

/** ELK in a worker: the picture never holds up the designer. */
function layOut(graph: ElkNode): Promise<ElkNode> {
  return new Promise((resolve, reject) => {
    const worker = new GraphLayoutWorker();
    worker.onmessage = (event: MessageEvent<GraphLayoutResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.graph);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ graph });
  });
}

/** The open flow among the flows that use it and those it needs; a flow's box opens it. */
export function DependencyGraph({ model }: { model: DependencyGraphModel }) {
  const [laidOut, setLaidOut] = useState<ElkNode | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setLaidOut(null);
    layOut(elkGraphOf(model)).then(
      (graph) => current && setLaidOut(graph),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [model]);
  if (error) return <p className="field-error">The picture could not be drawn: {error}</p>;
  if (!laidOut) return <p className="muted">Drawing…</p>;
  const width = Math.ceil(laidOut.width ?? 0) + 2;
  const height = Math.ceil(laidOut.height ?? 0) + 2;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const viaOf = new Map(model.edges.map((e) => [e.id, e.via]));
  return (
    <svg
      className="dependency-graph"
      role="img"
      aria-label="Dependency graph"
      viewBox={`-1 -1 ${width} ${height}`}
      width={width}
      height={height}
    >
      <defs>
        <marker
          id="dependency-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      {(laidOut.edges ?? []).map((edge) =>
        ('sections' in edge ? (edge.sections ?? []) : []).map((section) => {
          const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
          return (
            <path
              key={`${edge.id}-${section.id}`}
              className="dependency-edge"
              data-edge={edge.id}
              d={points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ')}
              markerEnd="url(#dependency-arrow)"
            >
              <title>{viaOf.get(edge.id)}</title>
            </path>
          );
        }),
      )}
      {(laidOut.children ?? []).map((child) => {
        const node = byId.get(child.id);
        if (!node) return null;
        const x = child.x ?? 0;
        const y = child.y ?? 0;
        const open = node.flowId && node.role !== 'root' ? () => void openFlowAt(node.flowId!) : undefined;
        return (
          <g
            key={child.id}
            className={`dependency-node is-${node.role}${node.state === 'live' || node.state?.startsWith('live') ? ' is-live' : ''}`}
            data-node={node.id}
            transform={`translate(${x},${y})`}
            {...(open
              ? {
                  role: 'button',
                  tabIndex: 0,
                  'aria-label': `Open ${node.label}`,
                  onClick: open,
                  onKeyDown: (e: React.KeyboardEvent) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      open();
                    }
                  },
                }
              : {})}
          >
            <rect width={child.width} height={NODE_HEIGHT} rx={6} />
            <text x={8} y={node.state ? 16 : 24}>
              {node.label}
            </text>
            {node.state && (
              <text x={8} y={32} className="dependency-state">
                {node.state}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
