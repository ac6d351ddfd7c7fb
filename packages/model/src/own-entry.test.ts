import { describe, expect, it } from 'vitest';
import { ownEntry } from './own-entry.js';

describe('ownEntry', () => {
  const queues: Record<string, { agentGroup: string }> = JSON.parse('{"billing":{"agentGroup":"b"}}');

  it('finds an own entry', () => {
    expect(ownEntry(queues, 'billing')).toEqual({ agentGroup: 'b' });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'does not answer %s with a member of Object.prototype',
    (name) => {
      expect(ownEntry(queues, name)).toBeUndefined();
    },
  );

  it('finds an entry literally named __proto__ when the file declares one', () => {
    const odd: Record<string, number> = JSON.parse('{"__proto__": 1}');
    expect(ownEntry(odd, '__proto__')).toBe(1);
    expect(ownEntry(undefined, 'x')).toBeUndefined();
  });
});
