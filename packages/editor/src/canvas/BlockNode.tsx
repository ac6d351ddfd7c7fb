import { Handle, type Node, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { useSimulationStore } from '../simulator/simulation-store';
import type { BlockView } from './flow-graph';

export type BlockNodeType = Node<BlockView & Record<string, unknown>, 'block'>;

/** One block on the canvas: what it is, what it does, and one labelled handle per outcome. */
function BlockNodeComponent({ id, data, selected }: NodeProps<BlockNodeType>) {
  const active = useSimulationStore((s) => s.activeBlockId === id);
  const visited = useSimulationStore((s) => s.visitedBlockIds.includes(id));
  const updateNodeInternals = useUpdateNodeInternals();
  const outcomeKey = data.outcomes.map((o) => o.name).join('\u0000');
  // New or removed outcome handles must be measured again, or edges attach to stale positions.
  // (Not on mount: React Flow measures new nodes itself, and 1,000 extra measurements would crawl.)
  const measuredKey = useRef(outcomeKey);
  useEffect(() => {
    if (measuredKey.current === outcomeKey) return;
    measuredKey.current = outcomeKey;
    updateNodeInternals(id);
  }, [id, outcomeKey, updateNodeInternals]);

  const classes = ['block-node'];
  if (selected) classes.push('is-selected');
  if (data.errors > 0) classes.push('has-errors');
  else if (data.warnings > 0) classes.push('has-warnings');
  if (active) classes.push('is-active');
  else if (visited) classes.push('is-visited');

  const problemsTitle = data.messages.join('\n');
  return (
    <div
      className={classes.join(' ')}
      data-testid={`node-${id}`}
      data-start={data.isStart ? 'true' : undefined}
      data-active={active ? 'true' : undefined}
      data-visited={visited ? 'true' : undefined}
    >
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        className="block-handle-in"
        data-testid={`handle-${id}-in`}
        aria-label={`Into ${id}`}
      />
      <header className="block-node-header">
        <span className="block-node-icon" aria-hidden="true">
          {data.icon}
        </span>
        <span className="block-node-title">{data.label ?? data.title}</span>
        {data.isStart && (
          <span className="block-node-start" title="The flow starts here">
            Start
          </span>
        )}
        {data.errors + data.warnings > 0 && (
          <span
            className={data.errors > 0 ? 'block-node-badge is-error' : 'block-node-badge is-warning'}
            data-testid={`node-problems-${id}`}
            title={problemsTitle}
            role="img"
            aria-label={`${data.errors} errors, ${data.warnings} warnings: ${problemsTitle}`}
          >
            {data.errors > 0 ? data.errors : data.warnings}
          </span>
        )}
      </header>
      <div className="block-node-sub" title={data.summary}>
        <code className="block-node-id">{id}</code>
        {data.summary && <span className="block-node-summary"> · {data.summary}</span>}
      </div>
      {data.outcomes.length > 0 && (
        <ul className="block-node-outcomes">
          {data.outcomes.map((o) => (
            <li key={o.name} className={o.broken ? 'is-broken' : undefined}>
              <span className="block-node-outcome-label">{o.label}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={o.name}
                className={o.broken ? 'block-handle-out is-broken' : 'block-handle-out'}
                data-testid={`handle-${id}-${o.name}`}
                data-unwired={o.target === undefined && o.required ? 'true' : undefined}
                aria-label={`Outcome ${o.label} of ${id}${o.target ? ` goes to ${o.target}` : ' is not wired'}`}
                title={o.target ? `${o.label} → ${o.target}` : `${o.label}: drag to a block to wire it`}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const BlockNode = memo(BlockNodeComponent);
