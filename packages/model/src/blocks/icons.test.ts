import { describe, expect, it } from 'vitest';
import { BLOCKS } from './index.js';

describe('block icons', () => {
  it('are single symbols from the Basic Multilingual Plane, which common UI fonts carry (emoji are not)', () => {
    for (const block of BLOCKS) {
      expect([...block.icon], block.type).toHaveLength(1);
      expect(block.icon.codePointAt(0), block.type).toBeLessThan(0x10000);
    }
  });
});
