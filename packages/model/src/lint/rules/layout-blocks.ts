import { obj } from '../../blocks/index.js';
import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/** CF208: a canvas position for a block that does not exist (left behind by a rename or delete). */
export const layoutBlocks: LintRule = (flow, { graph }) =>
  Object.keys(obj(flow.layout) ?? {})
    .filter((id) => !graph.blocks.has(id))
    .map((id) =>
      problem(
        'CF208',
        `The layout has a position for "${id}", which is not a block of this flow; it is ignored and can be deleted.`,
        pointer('layout', id),
        { blockId: id },
      ),
    );
