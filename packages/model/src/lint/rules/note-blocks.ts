import { obj } from '../../blocks/index.js';
import { pointer, problem } from '../../problems.js';
import type { LintRule } from '../rule.js';

/**
 * CF220: a note attached to a block that does not exist (a hand edit or a merge left it behind; the
 * designer detaches notes when it deletes their block). The note is shown where its offset puts it.
 */
export const noteBlocks: LintRule = (flow, { graph }) =>
  Object.entries(obj(flow.notes) ?? {}).flatMap(([id, note]) => {
    const block = obj(note)?.block;
    if (typeof block !== 'string' || graph.blocks.has(block)) return [];
    return [
      problem(
        'CF220',
        `Note "${id}" is attached to "${block}", which is not a block of this flow; attach it to a block or remove "block".`,
        pointer('notes', id, 'block'),
      ),
    ];
  });
