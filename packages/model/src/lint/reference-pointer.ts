import type { Reference } from '../block-definition.js';
import type { BlockInfo } from './flow-graph.js';

/** The absolute JSON pointer of a reference made by a block's settings. */
export function referencePointer(info: BlockInfo, reference: Reference): string {
  return `${info.pointer}/settings${reference.path}`;
}
