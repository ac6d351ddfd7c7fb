import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES, isBlockType } from './block-types.js';
import { BLOCK_CATALOG, BLOCKS, blockDefinition } from './blocks/index.js';

describe('the block types', () => {
  it('file each definition under its own type, in palette order', () => {
    for (const [key, definition] of Object.entries(BLOCK_CATALOG)) expect(definition.type).toBe(key);
    expect(BLOCKS.map((b) => b.type)).toEqual([...BLOCK_TYPES]);
  });

  it('know no type outside the list, even one inherited by every object', () => {
    expect(isBlockType('toString')).toBe(false);
    expect(blockDefinition('constructor')).toBeUndefined();
    expect(blockDefinition('menu')?.title).toMatch(/Menu/);
  });
});
