import { describe, expect, it } from 'vitest';
import { buildEdges, takenWires } from './flow-edges';

const wires = [
  { id: 'a::success', source: 'a', outcome: 'success', target: 'b' },
  { id: 'a::error', source: 'a', outcome: 'error', target: 'c' },
];

describe('canvas edges', () => {
  it('wires each outcome handle to the input of its target', () => {
    const { edges } = buildEdges(wires, new Set(), new Map());
    expect(edges[0]).toMatchObject({ source: 'a', sourceHandle: 'success', target: 'b', targetHandle: 'in' });
  });

  it('reuses the edge objects of wires an edit did not touch', () => {
    const first = buildEdges(wires, new Set(), new Map());
    const rewired = buildEdges([wires[0]!, { ...wires[1]!, target: 'b' }], new Set(), first.cache);
    expect(rewired.edges[0]).toBe(first.edges[0]);
    expect(rewired.edges[1]).not.toBe(first.edges[1]);
    expect(rewired.edges[1]?.target).toBe('b');
    const selected = buildEdges(wires, new Set(['a::error']), first.cache);
    expect(selected.edges[0]).toBe(first.edges[0]);
    expect(selected.edges[1]?.selected).toBe(true);
  });

  it('marks the wires a simulated call went along, and only those', () => {
    const taken = takenWires(wires, ['a', 'c']);
    expect([...taken]).toEqual(['a::error']);
    const first = buildEdges(wires, new Set(), new Map());
    const marked = buildEdges(wires, new Set(), first.cache, taken);
    expect(marked.edges[0]).toBe(first.edges[0]);
    expect(marked.edges[1]?.className).toBe('is-taken');
    expect(takenWires(wires, ['a'])).toEqual(new Set());
  });
});
