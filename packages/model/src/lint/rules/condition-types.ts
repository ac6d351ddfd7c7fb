import { arr, obj, queueStatusVariableType } from '../../blocks/index.js';
import { checkConditionTypes } from '../../conditions.js';
import { type Problem, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * CF307: operators fit their variable's type and compared values have that type (Check variable; Check
 * queue status, whose conditions also name the queue's figures).
 */
export const conditionTypes: LintRule = (_flow, { graph }) => {
  const problems: Problem[] = [];
  for (const info of graph.list) {
    const typeOf =
      info.block.type === 'checkQueueStatus'
        ? queueStatusVariableType(graph.variableType)
        : info.block.type === 'checkVariable'
          ? graph.variableType
          : undefined;
    if (!typeOf) continue;
    arr(info.settings.rules).forEach((rule, i) => {
      const when = obj(rule)?.when;
      const base = `${info.pointer}/settings/rules/${i}/when`;
      for (const issue of checkConditionTypes(when, typeOf, base)) {
        problems.push(
          problem('CF307', `Block "${info.id}", rule ${i + 1}: ${issue.message}`, issue.path, {
            blockId: info.id,
          }),
        );
      }
    });
  }
  return problems;
};
