import { escapePointer } from '../problems.js';
import { isRecord, type Migration } from './migration.js';

/**
 * Version 0 (before the first release) kept blocks in an array of
 * `{ id, type, settings, transitions, position: { x, y } }` and named the first block `startBlock`.
 * Version 1 keys blocks by id (stable diffs, no duplicate ids), calls the wiring `next`, moves canvas
 * positions to a top-level `layout` (moving a box never touches the logic) and renames `startBlock`.
 */
export const blocksMap: Migration = {
  name: '0001-blocks-map',
  from: 0,
  to: 1,
  description:
    'Blocks become a map keyed by id; `transitions` becomes `next`; positions move to `layout`; `startBlock` becomes `start`.',
  up(doc) {
    const out: Record<string, unknown> = { ...doc };
    // A document holding both (half-edited by hand) keeps both, so the schema reports the leftover.
    if ('startBlock' in out && (!('start' in out) || out.start === out.startBlock)) {
      out.start = out.startBlock;
      delete out.startBlock;
    }
    if (!Array.isArray(doc.blocks)) return out;
    const blocks: Record<string, unknown> = {};
    const layout: Record<string, unknown> = isRecord(doc.layout) ? { ...doc.layout } : {};
    const ids = blockIds(doc.blocks);
    for (const [index, entry] of doc.blocks.entries()) {
      const id = ids[index]!;
      if (!isRecord(entry)) {
        blocks[id] = entry;
        continue;
      }
      const { id: _id, transitions, position, ...rest } = entry;
      const block: Record<string, unknown> = { ...rest };
      if (transitions !== undefined) block.next = transitions;
      blocks[id] = block;
      if (position !== undefined) layout[id] = position;
    }
    out.blocks = blocks;
    if (Object.keys(layout).length > 0) out.layout = layout;
    return out;
  },
  sourcePointer(pointer, before) {
    if (pointer === '/start' && !('start' in before) && 'startBlock' in before) return '/startBlock';
    if (!Array.isArray(before.blocks)) return pointer;
    const m = pointer.match(/^\/(blocks|layout)\/([^/]+)(\/.*)?$/);
    if (!m) return pointer;
    const [, section, escapedId, rest = ''] = m;
    const ids = blockIds(before.blocks).map(escapePointer);
    const index = ids.indexOf(escapedId!);
    if (index < 0) return section === 'layout' ? pointer : '/blocks';
    if (section === 'layout') return `/blocks/${index}/position${rest}`;
    return `/blocks/${index}${rest.replace(/^\/next(?=\/|$)/, '/transitions')}`;
  },
};

/**
 * The id each block gets: its own when it has a usable one, otherwise `block-<n>`; a repeated id gets a
 * `-2`, `-3`... suffix so that no block is lost (lint then reports what no longer connects).
 */
function blockIds(blocks: readonly unknown[]): string[] {
  const taken = new Set<string>();
  return blocks.map((entry, i) => {
    const own =
      isRecord(entry) && typeof entry.id === 'string' && entry.id !== '' ? entry.id : `block-${i + 1}`;
    let id = own;
    for (let n = 2; taken.has(id); n++) id = `${own}-${n}`;
    taken.add(id);
    return id;
  });
}
