import { obj } from '../../blocks/index.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * CF410: names that collide. In a module, a variable may not share its name with a module input (both
 * are read by the same name). Names that differ only in letter case are refused everywhere: agents and
 * reports cannot tell "tier" from "Tier".
 */
export const nameClashes: LintRule = (flow) => {
  const problems: Problem[] = [];
  const declarations: { name: string; path: string; what: string }[] = [];
  for (const name of Object.keys(obj(flow.variables) ?? {})) {
    declarations.push({ name, path: pointer('variables', name), what: 'variable' });
  }
  if (flow.type === 'module') {
    for (const name of Object.keys(obj(flow.module?.inputs) ?? {})) {
      declarations.push({ name, path: pointer('module', 'inputs', name), what: 'module input' });
    }
  }
  const byFoldedName = new Map<string, { name: string; what: string }>();
  for (const declaration of declarations) {
    const folded = declaration.name.toLowerCase();
    const earlier = byFoldedName.get(folded);
    if (!earlier) {
      byFoldedName.set(folded, declaration);
      continue;
    }
    const same = earlier.name === declaration.name;
    problems.push(
      problem(
        'CF410',
        same
          ? `The ${declaration.what} "${declaration.name}" has the same name as a ${earlier.what}; rename one of them.`
          : `The ${declaration.what} "${declaration.name}" differs from the ${earlier.what} "${earlier.name}" only in letter case; rename one of them.`,
        declaration.path,
      ),
    );
  }
  return problems;
};
