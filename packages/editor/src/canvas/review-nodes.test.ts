import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffFlows, type Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { buildNodes, emptyNodeCache } from './flow-nodes';
import { withReviewMarks } from './review-nodes';

const sample = JSON.parse(
  readFileSync(join(__dirname, '../../../../flows/sales-inbound.flow.json'), 'utf8'),
) as Flow;
const nodesOf = (flow: Flow) =>
  buildNodes(flow, emptyNodeCache(), { selection: [], problemsByBlock: new Map(), measured: new Map() })
    .nodes;

describe('review marks on the canvas', () => {
  it('marks added and changed blocks, brings removed ones back as ghosts, and leaves moved ones alone', () => {
    const draft = structuredClone(sample);
    delete draft.blocks.goodbye;
    draft.blocks['after-hours']!.next = { success: 'hang-up', error: 'hang-up' };
    draft.blocks.extra = { type: 'disconnect', settings: {} };
    draft.layout!.welcome = { x: 999, y: 999 };
    const nodes = withReviewMarks(nodesOf(draft), diffFlows(sample, draft), sample);
    const mark = (id: string) =>
      (nodes.find((n) => n.id === id)?.data as { diff?: string } | undefined)?.diff;
    expect(mark('extra')).toBe('added');
    expect(mark('after-hours')).toBe('changed');
    expect(mark('welcome')).toBeUndefined();
    const ghost = nodes.find((n) => n.id === 'goodbye')!;
    expect(mark('goodbye')).toBe('removed');
    expect(ghost.position).toEqual(sample.layout!.goodbye);
    expect([ghost.selectable, ghost.draggable, ghost.connectable]).toEqual([false, false, false]);
  });

  it('returns the same node objects when nothing changed', () => {
    const nodes = nodesOf(sample);
    const marked = withReviewMarks(nodes, diffFlows(sample, sample), sample);
    for (const [i, node] of marked.entries()) expect(node).toBe(nodes[i]);
  });
});
