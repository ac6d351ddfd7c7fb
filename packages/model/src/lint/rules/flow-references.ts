import { type Problem, problem } from '../../problems.js';
import { didYouMean } from '../did-you-mean.js';
import { referencePointer } from '../reference-pointer.js';
import type { LintRule } from '../rule.js';

/** CF304: a referenced flow exists; CF305: and has a type that fits. Only when the flows are given. */
export const flowReferences: LintRule = (_flow, { graph, flows }) => {
  if (!flows) return [];
  const problems: Problem[] = [];
  for (const info of graph.list) {
    for (const reference of info.references) {
      if (reference.kind !== 'flow') continue;
      const at = referencePointer(info, reference);
      const target = flows.get(reference.name);
      if (!target) {
        problems.push(
          problem(
            'CF304',
            `Block "${info.id}" uses flow "${reference.name}", which does not exist; create it or pick an existing flow.${didYouMean(reference.name, flows.keys())}`,
            at,
            { blockId: info.id },
          ),
        );
      } else if (reference.flowTypes && !reference.flowTypes.includes(target.type)) {
        problems.push(
          problem(
            'CF305',
            `Block "${info.id}" uses flow "${reference.name}", which is a ${target.type} flow; it needs a ${reference.flowTypes.join(' or ')} flow here.`,
            at,
            { blockId: info.id },
          ),
        );
      }
    }
  }
  return problems;
};
