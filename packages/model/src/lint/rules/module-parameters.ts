import { obj } from '../../blocks/index.js';
import { literalFitsType, TYPE_NAMES } from '../../conditions.js';
import type { JsonValue, ModuleInterface, ParameterDeclaration } from '../../flow.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { BlockInfo } from '../flow-graph.js';
import type { LintRule } from '../rule.js';

/**
 * CF308: an Invoke module block gives every required input of the module and only declared inputs and
 * outputs; a Return block sets only declared outputs and every required one. CF307: a literal input
 * has the declared type. Invocations are checked only when the flows are given.
 */
export const moduleParameters: LintRule = (flow, { graph, flows }) => {
  const problems: Problem[] = [];
  for (const info of graph.list) {
    if (info.block.type === 'invokeModule' && flows) {
      const moduleId = info.settings.module;
      const target = typeof moduleId === 'string' ? flows.get(moduleId) : undefined;
      // A missing or wrong-type module is CF304/CF305; without an interface there is nothing to check.
      if (target?.type === 'module' && target.module) {
        problems.push(...checkInvocation(info, moduleId as string, target.module));
      }
    }
    if (info.block.type === 'return' && flow.type === 'module') {
      problems.push(...checkReturn(info, flow.module));
    }
  }
  return problems;
};

function params(
  declared: Record<string, ParameterDeclaration> | undefined,
): Map<string, ParameterDeclaration> {
  return new Map(Object.entries(obj(declared) ?? {}) as [string, ParameterDeclaration][]);
}

function checkInvocation(info: BlockInfo, moduleId: string, module: ModuleInterface): Problem[] {
  const problems: Problem[] = [];
  const inputs = params(module.inputs);
  const outputs = params(module.outputs);
  const given = obj(info.settings.inputs) ?? {};
  const at = (...segments: string[]) => `${info.pointer}${pointer('settings', ...segments)}`;
  const missing = [...inputs].filter(([name, p]) => p.required === true && !Object.hasOwn(given, name));
  if (missing.length > 0) {
    problems.push(
      problem(
        'CF308',
        `Block "${info.id}" invokes module "${moduleId}" without its required input${missing.length > 1 ? 's' : ''} ${missing.map(([n]) => `"${n}"`).join(', ')}; give ${missing.length > 1 ? 'them' : 'it'} a value.`,
        info.settings.inputs === undefined ? at() : at('inputs'),
        { blockId: info.id },
      ),
    );
  }
  for (const [name, operand] of Object.entries(given)) {
    const declared = inputs.get(name);
    if (!declared) {
      problems.push(
        problem(
          'CF308',
          `Block "${info.id}" gives input "${name}", which module "${moduleId}" does not declare; remove it or use one of: ${[...inputs.keys()].join(', ') || '(no inputs)'}.`,
          at('inputs', name),
          { blockId: info.id },
        ),
      );
      continue;
    }
    const literal = obj(operand);
    if (literal && 'value' in literal && !literalFitsType(literal.value as JsonValue, declared.type)) {
      problems.push(
        problem(
          'CF307',
          `Block "${info.id}" gives input "${name}" of module "${moduleId}" the value ${JSON.stringify(literal.value)}, which is not a ${TYPE_NAMES[declared.type]}.`,
          at('inputs', name, 'value'),
          { blockId: info.id },
        ),
      );
    }
  }
  for (const name of Object.keys(obj(info.settings.outputs) ?? {})) {
    if (outputs.has(name)) continue;
    problems.push(
      problem(
        'CF308',
        `Block "${info.id}" reads output "${name}", which module "${moduleId}" does not declare; remove it or use one of: ${[...outputs.keys()].join(', ') || '(no outputs)'}.`,
        at('outputs', name),
        { blockId: info.id },
      ),
    );
  }
  return problems;
}

function checkReturn(info: BlockInfo, module: ModuleInterface | undefined): Problem[] {
  const problems: Problem[] = [];
  const outputs = params(module?.outputs);
  const given = obj(info.settings.outputs) ?? {};
  for (const name of Object.keys(given)) {
    if (outputs.has(name)) continue;
    problems.push(
      problem(
        'CF308',
        `Return block "${info.id}" sets output "${name}", which this module does not declare; declare it under "module.outputs" or remove it.`,
        `${info.pointer}${pointer('settings', 'outputs', name)}`,
        { blockId: info.id },
      ),
    );
  }
  const missing = [...outputs].filter(([name, p]) => p.required === true && !Object.hasOwn(given, name));
  if (missing.length > 0) {
    problems.push(
      problem(
        'CF308',
        `Return block "${info.id}" does not set the required output${missing.length > 1 ? 's' : ''} ${missing.map(([n]) => `"${n}"`).join(', ')}; give ${missing.length > 1 ? 'them' : 'it'} a value.`,
        `${info.pointer}${pointer('settings', ...(info.settings.outputs === undefined ? [] : ['outputs']))}`,
        { blockId: info.id },
      ),
    );
  }
  return problems;
}
