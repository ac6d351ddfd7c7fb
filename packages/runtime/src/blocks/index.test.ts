import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCK_TYPES } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { BEHAVIOURS, behaviourFor } from './index.js';

describe('the behaviour registry', () => {
  it('files each behaviour under its own block type', () => {
    for (const type of BLOCK_TYPES) expect(BEHAVIOURS[type].type).toBe(type);
    expect(Object.keys(BEHAVIOURS).sort()).toEqual([...BLOCK_TYPES].sort());
  });

  it('has no behaviour for a name that is no block type, even one every object inherits', () => {
    expect(behaviourFor('toString')).toBeUndefined();
    expect(behaviourFor('menu')?.type).toBe('menu');
  });

  it('has a test file of its own for every block behaviour (blocks/<block>.test.ts)', () => {
    const kebab = (type: string) => type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const missing = BLOCK_TYPES.filter(
      (type) => !existsSync(join(import.meta.dirname, `${kebab(type)}.test.ts`)),
    );
    expect(missing).toEqual([]);
  });
});
