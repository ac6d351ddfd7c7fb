import { type Problem, pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * CF604: a module invokes itself, directly or through other modules (followed through the `invokes`
 * lists of the flow summaries, when given).
 */
export const moduleRecursion: LintRule = (flow, { graph, flows }) => {
  if (flow.type !== 'module') return [];
  const problems: Problem[] = [];
  const chainBack = new Map<string, string[] | null>();
  // The chain of module ids from `start` back to this module, or null; memoised, each module visited once.
  const chainFrom = (start: string): string[] | null => {
    const parent = new Map<string, string>();
    const queue = [start];
    const seen = new Set([start]);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const next of flows?.get(current)?.invokes ?? []) {
        if (next === flow.id) {
          const chain = [current];
          while (parent.has(chain[0]!)) chain.unshift(parent.get(chain[0]!)!);
          return chain;
        }
        if (!seen.has(next)) {
          seen.add(next);
          parent.set(next, current);
          queue.push(next);
        }
      }
    }
    return null;
  };
  for (const info of graph.list) {
    if (info.block.type !== 'invokeModule') continue;
    const target = info.settings.module;
    if (typeof target !== 'string') continue;
    let chain: string[] | null;
    if (target === flow.id) chain = [];
    else {
      if (!chainBack.has(target)) chainBack.set(target, chainFrom(target));
      chain = chainBack.get(target)!;
    }
    if (chain === null) continue;
    const route = [flow.id, ...chain, flow.id].map((id) => `"${id}"`).join(' → ');
    problems.push(
      problem(
        'CF604',
        chain.length === 0
          ? `Block "${info.id}" makes module "${flow.id}" invoke itself; a module cannot call itself. Use a Loop block to repeat steps.`
          : `Block "${info.id}" invokes module "${target}", which leads back to this module (${route}); modules cannot call themselves, even through others.`,
        `${info.pointer}${pointer('settings', 'module')}`,
        { blockId: info.id },
      ),
    );
  }
  return problems;
};
