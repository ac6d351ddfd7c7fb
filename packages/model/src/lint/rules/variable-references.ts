import { type Problem, problem } from '../../problems.js';
import { systemVariable } from '../../system-variables.js';
import { didYouMean } from '../did-you-mean.js';
import { referencePointer } from '../reference-pointer.js';
import type { LintRule } from '../rule.js';

/**
 * CF306: every variable a block reads or writes is declared in `variables`, is an input of this module,
 * or (read only) is a system variable. CF309: system variables cannot be written.
 */
export const variableReferences: LintRule = (flow, { graph }) => {
  const problems: Problem[] = [];
  const knownNames = (): string[] => [
    ...Object.keys(flow.variables ?? {}),
    ...(flow.type === 'module' ? Object.keys(flow.module?.inputs ?? {}) : []),
  ];
  for (const info of graph.list) {
    for (const reference of info.references) {
      if (reference.kind !== 'variable' && reference.kind !== 'writableVariable') continue;
      const name = reference.name;
      const at = referencePointer(info, reference);
      if (name.startsWith('$')) {
        if (reference.kind === 'writableVariable') {
          problems.push(
            problem(
              'CF309',
              `Block "${info.id}" writes to "${name}", a system variable that flows can only read; store the value in a flow variable instead.`,
              at,
              { blockId: info.id },
            ),
          );
        } else if (!systemVariable(name)) {
          problems.push(
            problem(
              'CF306',
              `Block "${info.id}" reads "${name}", which is not a system variable (names starting with $ are reserved for them); declare a flow variable without the $ or use a system variable.`,
              at,
              { blockId: info.id },
            ),
          );
        }
      } else if (graph.variableType(name) === undefined) {
        const where = flow.type === 'module' ? '"variables" or the module inputs' : '"variables"';
        problems.push(
          problem(
            'CF306',
            `Block "${info.id}" uses variable "${name}", which is not declared; add it to ${where}.${didYouMean(name, knownNames())}`,
            at,
            { blockId: info.id },
          ),
        );
      }
    }
  }
  return problems;
};
