import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF206: the block type is not allowed in this type of flow. */
export const flowTypeBlocks: LintRule = (flow, { graph }) =>
  graph.list
    .filter((info) => info.definition && !info.definition.flowTypes.includes(flow.type))
    .map((info) =>
      problem(
        'CF206',
        `Block "${info.id}" is a ${info.definition!.title} block, which cannot be used in a ${flow.type} flow (only in ${info.definition!.flowTypes.join(', ')} flows); remove it or change the flow type.`,
        pointer('blocks', info.id, 'type'),
        { blockId: info.id },
      ),
    );
