import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF209: an outcome leads straight back to its own block. */
export const selfLoops: LintRule = (_flow, { graph }) =>
  graph.list.flatMap((info) =>
    info.transitions
      .filter(([, target]) => target === info.id)
      .map(([outcome]) =>
        problem(
          'CF209',
          `Block "${info.id}" sends outcome "${outcome}" back to itself; use a Loop block to repeat a bounded number of times, or connect it elsewhere.`,
          pointer('blocks', info.id, 'next', outcome),
          { blockId: info.id },
        ),
      ),
  );
