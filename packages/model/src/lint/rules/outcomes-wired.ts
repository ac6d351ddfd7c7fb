import type { Problem } from '../../problems.js';
import { problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * CF202: every required outcome (errors included) leads somewhere.
 * CF207: an optional outcome left unwired disconnects the contact when it happens (warning).
 */
export const outcomesWired: LintRule = (_flow, { graph }) => {
  const problems: Problem[] = [];
  for (const info of graph.list) {
    if (!info.definition || info.definition.terminal) continue;
    for (const spec of info.outcomes) {
      if (spec.name === '' || info.next[spec.name] !== undefined) continue;
      const where = info.block.next !== undefined ? `${info.pointer}/next` : info.pointer;
      problems.push(
        spec.required
          ? problem(
              'CF202',
              `Block "${info.id}" has no next block for outcome "${spec.name}" (${spec.label}); connect it, so that the contact has somewhere to go.`,
              where,
              { blockId: info.id, data: { outcome: spec.name } },
            )
          : problem(
              'CF207',
              `Block "${info.id}" leaves optional outcome "${spec.name}" (${spec.label}) unconnected; when it happens the call is disconnected. Connect it if that is not intended.`,
              where,
              { blockId: info.id, data: { outcome: spec.name } },
            ),
      );
    }
  }
  return problems;
};
