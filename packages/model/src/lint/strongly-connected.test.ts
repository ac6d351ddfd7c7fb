import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from './strongly-connected.js';

const sorted = (components: number[][]) =>
  components.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);

describe('stronglyConnectedComponents', () => {
  it('finds cycles, self-loops and single nodes', () => {
    // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 3, 4 alone, 5 -> 4
    const components = stronglyConnectedComponents([[1], [2], [0, 3], [3], [], [4]]);
    expect(sorted(components)).toEqual([[0, 1, 2], [3], [4], [5]]);
  });

  it('returns components in reverse topological order', () => {
    const components = stronglyConnectedComponents([[1], [2], []]);
    expect(components).toEqual([[2], [1], [0]]);
  });

  it('handles a chain of 100,000 nodes without recursion', () => {
    const n = 100_000;
    const successors = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const components = stronglyConnectedComponents(successors);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
