import type { Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { connect } from '../flow/flow-edits';
import { buildNodes, emptyNodeCache, type NodeInputs, withDragPositions } from './flow-nodes';

const flow: Flow = {
  formatVersion: 1,
  id: 'f',
  name: 'F',
  type: 'inbound',
  start: 'a',
  blocks: {
    a: { type: 'playPrompt', settings: { prompt: { text: 'x' } } },
    b: { type: 'playPrompt', settings: { prompt: { text: 'y' } } },
    c: { type: 'disconnect', settings: {} },
  },
  layout: { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 600, y: 0 } },
};

const inputs: NodeInputs = {
  selection: [],
  problemsByBlock: new Map(),
  measured: new Map(),
};

describe('canvas nodes', () => {
  it('reuses the node objects of blocks an edit did not touch', () => {
    const first = buildNodes(flow, emptyNodeCache(), inputs);
    const edited = connect(flow, 'a', 'success', 'b');
    const second = buildNodes(edited, first.cache, inputs);
    expect(second.nodes[0]).not.toBe(first.nodes[0]);
    expect(second.nodes[0]?.data.outcomes.find((o) => o.name === 'success')?.target).toBe('b');
    expect(second.nodes[1]).toBe(first.nodes[1]);
    expect(second.nodes[2]).toBe(first.nodes[2]);
  });

  it('builds a node anew when it is selected or measured', () => {
    const first = buildNodes(flow, emptyNodeCache(), inputs);
    const selected = buildNodes(flow, first.cache, { ...inputs, selection: ['b'] });
    expect(selected.nodes[1]).not.toBe(first.nodes[1]);
    expect(selected.nodes[1]?.selected).toBe(true);
    const measured = buildNodes(flow, selected.cache, {
      ...inputs,
      selection: ['b'],
      measured: new Map([['a', { width: 240, height: 90 }]]),
    });
    expect(measured.nodes[0]?.measured).toEqual({ width: 240, height: 90 });
    expect(measured.nodes[1]).toBe(selected.nodes[1]);
  });

  it('moves only the dragged blocks, keeping every other node object', () => {
    const built = buildNodes(flow, emptyNodeCache(), inputs).nodes;
    expect(withDragPositions(built, {})).toBe(built);
    const dragged = withDragPositions(built, { c: { x: 1, y: 2 } });
    expect(dragged[2]?.position).toEqual({ x: 1, y: 2 });
    expect(dragged[0]).toBe(built[0]);
    expect(dragged[1]).toBe(built[1]);
  });

  it('knows the size and handles of every block before React Flow renders it', () => {
    const [a, , c] = buildNodes(connect(flow, 'a', 'success', 'b'), emptyNodeCache(), inputs).nodes;
    const outcomes = a?.data.outcomes.length ?? 0;
    expect(outcomes).toBeGreaterThan(0);
    expect(a?.measured?.height).toBeGreaterThan(c?.measured?.height ?? 0);
    expect(a?.handles?.filter((h) => h.type === 'source').map((h) => h.id)).toEqual(
      a?.data.outcomes.map((o) => o.name),
    );
    expect(a?.handles?.find((h) => h.id === 'in')?.type).toBe('target');
    // Once React Flow has measured a block, its measurements stand.
    const measured = buildNodes(flow, emptyNodeCache(), {
      ...inputs,
      measured: new Map([['a', { width: 240, height: 90 }]]),
    }).nodes[0];
    expect(measured?.measured).toEqual({ width: 240, height: 90 });
    expect(measured?.handles).toBeUndefined();
  });

  it('marks the start block and its problems, and rebuilds a view when its problems change', () => {
    const first = buildNodes(flow, emptyNodeCache(), inputs);
    expect(first.nodes[0]?.data.isStart).toBe(true);
    const problem = {
      code: 'CF204',
      severity: 'warning' as const,
      message: 'unreachable',
      path: '/blocks/c',
      blockId: 'c',
    };
    const withProblem = buildNodes(flow, first.cache, {
      ...inputs,
      problemsByBlock: new Map([['c', [problem]]]),
    });
    expect(withProblem.nodes[2]?.data.warnings).toBe(1);
    expect(withProblem.nodes[1]).toBe(first.nodes[1]);
  });

  it('gives every block its handles again when the canvas leaves compact blocks', () => {
    const measured = new Map([['a', { width: 240, height: 90 }]]);
    const compact = buildNodes(flow, emptyNodeCache(), { ...inputs, measured, compact: true });
    expect(compact.nodes[0]?.handles).toBeUndefined();
    const full = buildNodes(flow, compact.cache, { ...inputs, measured, compact: false });
    expect(full.nodes[0]).not.toBe(compact.nodes[0]);
    expect(full.nodes[0]?.handles?.map((h) => h.id)).toContain('in');
    const unchanged = buildNodes(flow, full.cache, { ...inputs, measured, compact: false });
    expect(unchanged.nodes[0]).toBe(full.nodes[0]);
  });
});
