import { problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF204: no path from the start block reaches the block (skipped when the start is missing, CF200). */
export const unreachableBlocks: LintRule = (flow, { graph }) => {
  if (graph.reachable.size === 0) return [];
  return graph.list
    .filter((info) => !graph.reachable.has(info.id))
    .map((info) =>
      problem(
        'CF204',
        `Block "${info.id}" cannot be reached from the start block "${flow.start}"; connect an outcome to it, or delete it.`,
        info.pointer,
        { blockId: info.id },
      ),
    );
};
