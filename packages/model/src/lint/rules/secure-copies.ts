import { obj } from '../../blocks/index.js';
import type { Flow } from '../../flow.js';
import { type Problem, pointer, problem } from '../../problems.js';
import type { BlockInfo } from '../flow-graph.js';
import type { LintRule } from '../rule.js';

/** A module's outputs that a Return block sets from one of its secure variables (see `summarizeFlow`). */
export function secureOutputsOf(flow: Flow): string[] {
  if (flow.type !== 'module') return [];
  const variables = obj(flow.variables) ?? {};
  const secure = (name: unknown) =>
    typeof name === 'string' && Object.hasOwn(variables, name) && obj(variables[name])?.secure === true;
  const out = new Set<string>();
  for (const raw of Object.values(obj(flow.blocks) ?? {})) {
    const block = obj(raw);
    if (block?.type !== 'return') continue;
    for (const [output, operand] of Object.entries(obj(obj(block.settings)?.outputs) ?? {})) {
      if (secure(obj(operand)?.variable)) out.add(output);
    }
  }
  return [...out];
}

/**
 * CF412: a secure value copied into a variable agents see (agent viewable, not secure) would show the
 * PIN on the desktop: a Set variables assignment from a secure variable, or an Invoke module output
 * that the module returns from one of its secure variables. Make the target secure, or copy something
 * else. (The runtime masks such copies anyway; this says so where the flow is written.)
 */
export const secureCopies: LintRule = (flow, { graph, flows }) => {
  const variables = obj(flow.variables) ?? {};
  const declaration = (name: unknown) =>
    typeof name === 'string' && Object.hasOwn(variables, name) ? obj(variables[name]) : undefined;
  const isSecure = (name: unknown) => declaration(name)?.secure === true;
  const isShown = (name: unknown) => {
    const d = declaration(name);
    return d !== undefined && d.secure !== true && d.agentViewable === true;
  };
  const problems: Problem[] = [];
  const report = (info: BlockInfo, target: string, from: string, at: string) =>
    problems.push(
      problem(
        'CF412',
        `Block "${info.id}" copies ${from} into "${target}", which agents see: the secure value would show on the desktop. Mark "${target}" secure, or copy something else.`,
        at,
        { blockId: info.id },
      ),
    );
  for (const info of graph.list) {
    if (info.block.type === 'setVariables') {
      const assignments = Array.isArray(info.settings.assignments) ? info.settings.assignments : [];
      assignments.forEach((raw, i) => {
        const assignment = obj(raw);
        const source = obj(assignment?.value)?.variable;
        if (isSecure(source) && isShown(assignment?.variable)) {
          const at = `${info.pointer}${pointer('settings', 'assignments', i, 'value')}`;
          report(info, assignment?.variable as string, `secure variable "${source}"`, at);
        }
      });
    }
    if (info.block.type === 'invokeModule' && flows) {
      const moduleId = info.settings.module;
      const secureOutputs = typeof moduleId === 'string' ? flows.get(moduleId)?.secureOutputs : undefined;
      for (const [output, target] of Object.entries(obj(info.settings.outputs) ?? {})) {
        if (!secureOutputs?.includes(output) || !isShown(target)) continue;
        const at = `${info.pointer}${pointer('settings', 'outputs', output)}`;
        report(info, target as string, `output "${output}" of module "${moduleId}", a secure value,`, at);
      }
    }
  }
  return problems;
};
