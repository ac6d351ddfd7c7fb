import type { ReferenceKind } from '../../block-definition.js';
import { ownEntry } from '../../own-entry.js';
import { type Problem, type ProblemCode, problem } from '../../problems.js';
import type { Resources } from '../../resources.js';
import { didYouMean } from '../did-you-mean.js';
import { referencePointer } from '../reference-pointer.js';
import type { LintRule } from '../rule.js';

const RESOURCE_KINDS: Partial<
  Record<ReferenceKind, { code: ProblemCode; section: keyof Resources; what: string }>
> = {
  queue: { code: 'CF300', section: 'queues', what: 'queue' },
  number: { code: 'CF301', section: 'numbers', what: 'phone number' },
  prompt: { code: 'CF302', section: 'prompts', what: 'prompt' },
  hours: { code: 'CF303', section: 'hours', what: 'hours of operation' },
  agentGroup: { code: 'CF310', section: 'agentGroups', what: 'agent group' },
};

/**
 * CF300-CF303, CF310: names of queues, numbers, prompts, hours and agent groups exist in the resources
 * file. CF605: a referenced queue's agent group exists, or nobody can take its calls.
 * Only when resources are given.
 */
export const resourceReferences: LintRule = (_flow, { graph, resources }) => {
  if (!resources) return [];
  const problems: Problem[] = [];
  for (const info of graph.list) {
    for (const reference of info.references) {
      const kind = RESOURCE_KINDS[reference.kind];
      if (!kind) continue;
      const section = (resources[kind.section] ?? {}) as Record<string, unknown>;
      const at = referencePointer(info, reference);
      if (!Object.hasOwn(section, reference.name)) {
        problems.push(
          problem(
            kind.code,
            `Block "${info.id}" uses ${kind.what} "${reference.name}", which is not in the resources file; add it under "${kind.section}" or pick an existing one.${didYouMean(reference.name, Object.keys(section))}`,
            at,
            { blockId: info.id },
          ),
        );
        continue;
      }
      if (reference.kind === 'queue') {
        const group = ownEntry(resources.queues, reference.name)?.agentGroup;
        if (group === undefined || !Object.hasOwn(resources.agentGroups ?? {}, group)) {
          problems.push(
            problem(
              'CF605',
              `Block "${info.id}" uses queue "${reference.name}", whose agent group "${group ?? ''}" is not in the resources file, so no agent can take its calls; add the group under "agentGroups" or fix the queue's "agentGroup".`,
              at,
              { blockId: info.id },
            ),
          );
        }
      }
    }
  }
  return problems;
};
