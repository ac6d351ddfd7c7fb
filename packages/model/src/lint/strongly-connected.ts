/**
 * Strongly connected components (Tarjan) of a graph whose nodes are 0..n-1, iterative so that a long
 * chain of blocks cannot overflow the stack. Linear in nodes + edges. Components come out in reverse
 * topological order.
 */
export function stronglyConnectedComponents(successors: readonly (readonly number[])[]): number[][] {
  const n = successors.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  let counter = 0;

  const open = (node: number) => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    frameNode.push(node);
    frameEdge.push(0);
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    open(root);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const node = frameNode[top]!;
      const next = successors[node]!;
      const i = frameEdge[top]!;
      if (i < next.length) {
        frameEdge[top] = i + 1;
        const target = next[i]!;
        if (index[target] === -1) open(target);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      frameNode.pop();
      frameEdge.pop();
      if (top > 0) {
        const parent = frameNode[top - 1]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
