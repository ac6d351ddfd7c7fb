import { pointer, problem } from '../../problems.js';
import { didYouMean } from '../did-you-mean.js';
import type { LintRule } from '../rule.js';

/** CF201: every outcome leads to a block that exists. */
export const transitionTargets: LintRule = (_flow, { graph }) =>
  graph.list.flatMap((info) =>
    info.transitions
      .filter(([, target]) => !graph.blocks.has(target))
      .map(([outcome, target]) =>
        problem(
          'CF201',
          `Block "${info.id}" sends outcome "${outcome}" to "${target}", which is not a block of this flow; connect it to an existing block.${didYouMean(target, graph.blocks.keys())}`,
          pointer('blocks', info.id, 'next', outcome),
          { blockId: info.id },
        ),
      ),
  );
