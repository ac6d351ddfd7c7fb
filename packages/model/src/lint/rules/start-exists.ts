import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF200: `start` names a block of the flow. */
export const startExists: LintRule = (flow, { graph }) => {
  if (typeof flow.start === 'string' && graph.blocks.has(flow.start)) return [];
  const named = typeof flow.start === 'string' && flow.start !== '' ? `"${flow.start}"` : 'nothing';
  return [
    problem(
      'CF200',
      `The flow starts at ${named}, which is not a block of this flow; set "start" to the id of the first block.`,
      pointer('start'),
    ),
  ];
};
