import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo, useContext, useEffect, useRef } from 'react';
import { useSimulationStore } from '../simulator/simulation-store';
import { useEditorStore } from '../store/flow-store';
import { untestedOutcomes, useTestsStore } from '../tests-panel/tests-store';
import { blockSize, compactName } from './block-geometry';
import type { BlockView } from './flow-graph';
import type { DiffMark } from './review-nodes';
import { useRemeasureNode } from './use-remeasure-node';
import { CompactBlocksContext, FarZoomContext } from './zoom';

export type BlockNodeType = Node<BlockView & Record<string, unknown>, 'block'>;

/**
 * One block on the canvas: what it is, what it does, and one labelled handle per outcome. Zoomed out
 * below readable text it is drawn compact: its outline, its state and its name, at the same size, and
 * without handles (the overview layer draws its wires), so a whole large flow in view stays cheap.
 */
function BlockNodeComponent({ id, data, selected }: NodeProps<BlockNodeType>) {
  const compact = useContext(CompactBlocksContext);
  const far = useContext(FarZoomContext);
  const run = useSimulationStore((s) =>
    s.activeBlockId === id ? 'active' : s.visitedBlockIds.includes(id) ? 'visited' : undefined,
  );
  // The latest whole test run's coverage of this flow: outcomes no scenario took are shaded.
  const flowId = useEditorStore((s) => s.flow?.id);
  const untested = useTestsStore((s) => untestedOutcomes(s, flowId));
  const active = run === 'active';
  const visited = run === 'visited';
  const remeasure = useRemeasureNode();
  // Handles that appear (leaving the compact drawing) or change (new or removed outcomes) must be
  // measured again, or edges attach to stale positions. (Not on mount: React Flow measures new nodes
  // itself, and 1,000 extra measurements would crawl.)
  const handlesKey = compact ? '' : data.outcomes.map((o) => o.name).join('\u0000');
  const measuredKey = useRef(handlesKey);
  useEffect(() => {
    if (measuredKey.current === handlesKey) return;
    measuredKey.current = handlesKey;
    if (!compact) remeasure(id);
  }, [id, handlesKey, compact, remeasure]);

  const classes = ['block-node'];
  if (compact) classes.push('is-compact');
  if (selected) classes.push('is-selected');
  if (data.errors > 0) classes.push('has-errors');
  else if (data.warnings > 0) classes.push('has-warnings');
  if (active) classes.push('is-active');
  else if (visited) classes.push('is-visited');
  if (data.isStart) classes.push('is-start');
  const diff = data.diff as DiffMark | undefined;
  if (diff) classes.push(`is-${diff}`);
  const state = {
    className: classes.join(' '),
    'data-testid': `node-${id}`,
    'data-diff': diff,
    'data-start': data.isStart ? 'true' : undefined,
    'data-active': active ? 'true' : undefined,
    'data-visited': visited ? 'true' : undefined,
  };

  if (compact) {
    return (
      <div {...state} style={{ height: blockSize(data.outcomes.length).height }}>
        <span className={far ? 'block-node-compact-name is-far' : 'block-node-compact-name'}>
          {compactName(data.label ?? id, far)}
        </span>
      </div>
    );
  }

  const problemsTitle = data.messages.join('\n');
  return (
    <div {...state}>
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        className="block-handle-in"
        data-testid={`handle-${id}-in`}
        aria-label={`Into ${id}`}
      />
      {diff && (
        <span className={`block-node-diff is-${diff}`} title={`${diff} since the version compared`}>
          {diff === 'added' ? 'Added' : diff === 'removed' ? 'Removed' : 'Changed'}
        </span>
      )}
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
            <li
              key={o.name}
              className={outcomeClass(o.broken, untested?.has(`${id}\u0000${o.name}`))}
              data-tested={untested ? String(!untested.has(`${id}\u0000${o.name}`)) : undefined}
              title={untested?.has(`${id}\u0000${o.name}`) ? `No scenario takes ${o.label}` : undefined}
            >
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

function outcomeClass(broken: boolean | undefined, untested: boolean | undefined): string | undefined {
  const classes = [broken ? 'is-broken' : '', untested ? 'is-untested' : ''].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

export const BlockNode = memo(BlockNodeComponent);
