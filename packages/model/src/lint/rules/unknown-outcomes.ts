import type { Problem } from '../../problems.js';
import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF203: a transition for an outcome the block never produces (a terminal block produces none). */
export const unknownOutcomes: LintRule = (_flow, { graph }) => {
  const problems: Problem[] = [];
  for (const info of graph.list) {
    if (!info.definition) continue;
    for (const [outcome] of info.transitions) {
      if (info.outcomes.some((o) => o.name === outcome)) continue;
      const offered = info.outcomes.map((o) => `"${o.name}"`).join(', ');
      problems.push(
        problem(
          'CF203',
          offered === ''
            ? `Block "${info.id}" (${info.definition.title}) ends the flow and has no outcomes; remove its "${outcome}" transition.`
            : `Block "${info.id}" (${info.definition.title}) never produces outcome "${outcome}"; remove the transition or use one of ${offered}.`,
          pointer('blocks', info.id, 'next', outcome),
          { blockId: info.id },
        ),
      );
    }
  }
  return problems;
};
