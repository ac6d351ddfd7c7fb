import { percentShares } from '../../blocks/index.js';
import { type Problem, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** Sums are compared to this precision, so that 33.3 + 33.3 + 33.4 is 100. */
const EPSILON = 1e-9;

/** CF210 and CF211: Distribute by percentage's shares add up to 100 and name distinct outcomes. */
export const percentSharesRule: LintRule = (_flow, { graph }) => {
  const problems: Problem[] = [];
  for (const info of graph.list) {
    if (info.block.type !== 'distributeByPercentage') continue;
    const shares = percentShares(info.settings);
    const total = shares.reduce((sum, share) => sum + share.percent, 0);
    if (Math.abs(total - 100) > EPSILON) {
      problems.push(
        problem(
          'CF210',
          `Block "${info.id}": the shares add up to ${Number(total.toFixed(6))}%, not 100%; change the percentages so that every contact gets an outcome.`,
          `${info.pointer}/settings/shares`,
          { blockId: info.id },
        ),
      );
    }
    const seen = new Set<string>();
    shares.forEach((share, i) => {
      if (seen.has(share.outcome)) {
        problems.push(
          problem(
            'CF211',
            `Block "${info.id}": share ${i + 1} names outcome "${share.outcome}" again; give each share its own outcome, or merge the two shares.`,
            `${info.pointer}/settings/shares/${i}/outcome`,
            { blockId: info.id },
          ),
        );
      }
      seen.add(share.outcome);
    });
  }
  return problems;
};
