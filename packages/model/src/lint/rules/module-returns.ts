import { problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF602: a module flow reaches a Return block, or it could never hand back to the invoking flow. */
export const moduleReturns: LintRule = (flow, { graph }) => {
  if (flow.type !== 'module' || graph.reachable.size === 0) return [];
  const returns = graph.list.filter((info) => info.block.type === 'return');
  if (returns.some((info) => graph.reachable.has(info.id))) return [];
  const unreachable = returns[0];
  if (unreachable) {
    return [
      problem(
        'CF602',
        `Module "${flow.id}" never returns: Return block "${unreachable.id}" cannot be reached from "${flow.start}"; connect a path to it.`,
        unreachable.pointer,
        { blockId: unreachable.id },
      ),
    ];
  }
  return [
    problem(
      'CF602',
      `Module "${flow.id}" has no Return block, so it can never hand back to the flow that invokes it; add a Return block and connect it.`,
      '/blocks',
    ),
  ];
};
