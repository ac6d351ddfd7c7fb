import type { Problem } from '../../problems.js';
import { problem } from '../../problems.js';
import type { LintRule } from '../rule.js';
import { stronglyConnectedComponents } from '../strongly-connected.js';

/**
 * CF205: a cycle of blocks in which no block waits for the caller, an agent, a timer or the network
 * would spin until the runtime's step cap ends the contact. A Loop block whose "complete" outcome
 * leaves the cycle bounds it, so such a cycle is fine.
 */
export const loopsNeverWait: LintRule = (_flow, { graph }) => {
  const position = new Map<string, number>();
  graph.list.forEach((info, i) => {
    position.set(info.id, i);
  });
  const successors = graph.list.map((info) =>
    (graph.edges.get(info.id) ?? []).map((e) => position.get(e.target)!),
  );

  const problems: Problem[] = [];
  for (const component of stronglyConnectedComponents(successors)) {
    const first = component[0]!;
    if (component.length === 1 && !successors[first]!.includes(first)) continue;
    const members = new Set(component);
    const bounded = component.some((i) => {
      const info = graph.list[i]!;
      if (info.waits) return true;
      const complete = info.block.type === 'loopCounter' ? info.next.complete : undefined;
      return complete !== undefined && !members.has(position.get(complete) ?? -1);
    });
    if (bounded) continue;
    // Report on the block that comes first in the file, so the message is stable.
    const ordered = component.sort((a, b) => a - b).map((i) => graph.list[i]!);
    const head = ordered[0]!;
    problems.push(
      problem(
        'CF205',
        `Blocks ${ordered.map((info) => `"${info.id}"`).join(', ')} form a loop in which nothing waits for the caller or a timer, so a call would spin here; add a prompt, a menu or a Loop block that exits the loop.`,
        head.pointer,
        { blockId: head.id },
      ),
    );
  }
  return problems;
};
