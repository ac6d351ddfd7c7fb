import { problem } from '../../problems.js';
import type { LintRule } from '../rule.js';
import { stronglyConnectedComponents } from '../strongly-connected.js';

/**
 * CF205: a cycle of blocks in which no block waits for the caller, an agent, a timer or the network
 * would spin until the runtime's step cap ends the contact. A Loop block whose "complete" outcome
 * leaves the cycle bounds it, so such a cycle is fine.
 */
export const loopsNeverWait: LintRule = (_flow, { graph }) => {
  const successors = new Map<string, string[]>();
  for (const [id, edges] of graph.edges)
    successors.set(
      id,
      edges.map((e) => e.target),
    );
  const components = stronglyConnectedComponents(graph.blocks.keys(), (id) => successors.get(id) ?? []);

  const order = new Map([...graph.blocks.keys()].map((id, i) => [id, i]));
  const problems = [];
  for (const component of components) {
    const members = new Set(component);
    const first = component[component.length - 1]!;
    const isCycle = component.length > 1 || (successors.get(first) ?? []).includes(first);
    if (!isCycle) continue;
    const bounded = component.some((id) => {
      const info = graph.blocks.get(id)!;
      if (info.waits) return true;
      const complete = info.block.type === 'loopCounter' ? info.next.complete : undefined;
      return complete !== undefined && !members.has(complete);
    });
    if (bounded) continue;
    // Report on the block that comes first in the file, so the message is stable.
    const ordered = component.sort((a, b) => order.get(a)! - order.get(b)!);
    const head = ordered[0]!;
    problems.push(
      problem(
        'CF205',
        `Blocks ${ordered.map((id) => `"${id}"`).join(', ')} form a loop in which nothing waits for the caller or a timer, so a call would spin here; add a prompt, a menu or a Loop block that exits the loop.`,
        graph.blocks.get(head)!.pointer,
        { blockId: head },
      ),
    );
  }
  return problems;
};
