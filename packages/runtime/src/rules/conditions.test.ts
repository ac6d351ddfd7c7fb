import { CONDITION_OPERATORS } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './conditions.js';

const vars: Record<string, unknown> = {
  tier: 'gold',
  count: 3,
  countText: '3',
  amount: 12.5,
  vip: true,
  vipText: 'true',
  digits: '007',
  since: '2026-03-01T10:00:00Z',
  tags: ['a', 'b'],
  empty: '',
  none: null,
  obj: {},
  threshold: 5,
};
const lookup = (name: string) => vars[name];
const check = (variable: string, operator: string, value?: unknown) =>
  evaluateCondition({ variable, operator, ...(value !== undefined ? { value: { value } } : {}) }, lookup);

describe('evaluateCondition operators', () => {
  const cases: [string, string, unknown, boolean][] = [
    ['equals', 'tier', 'gold', true],
    ['equals', 'tier', 'Gold', false],
    ['equals', 'count', 3, true],
    ['equals', 'countText', 3, true],
    ['equals', 'digits', '7', false],
    ['equals', 'vip', 'true', true],
    ['equals', 'vipText', true, true],
    ['equals', 'since', '2026-03-01T11:00:00+01:00', true],
    ['equals', 'missing', 'x', false],
    ['notEquals', 'tier', 'silver', true],
    ['notEquals', 'missing', 'x', true],
    ['greaterThan', 'count', 2, true],
    ['greaterThan', 'countText', 20, false],
    ['greaterThan', 'since', '2026-02-28T23:59:59Z', true],
    ['greaterThan', 'tier', 2, false],
    ['greaterThanOrEqual', 'amount', 12.5, true],
    ['lessThan', 'amount', '13', true],
    ['lessThan', 'missing', 1, false],
    ['lessThanOrEqual', 'count', 3, true],
    ['lessThanOrEqual', 'count', 2.99, false],
    ['contains', 'tier', 'ol', true],
    ['contains', 'tags', 'b', true],
    ['contains', 'tags', 'c', false],
    ['startsWith', 'digits', '00', true],
    ['endsWith', 'tier', 'ld', true],
    ['endsWith', 'count', '3', false],
    ['isEmpty', 'empty', undefined, true],
    ['isEmpty', 'none', undefined, true],
    ['isEmpty', 'missing', undefined, true],
    ['isEmpty', 'obj', undefined, true],
    ['isEmpty', 'tier', undefined, false],
    ['isNotEmpty', 'tags', undefined, true],
    ['in', 'tier', ['silver', 'gold'], true],
    ['in', 'tier', 'silver, gold', true],
    ['in', 'count', [1, 2], false],
    ['in', 'countText', [3], true],
  ];
  it.each(cases)('%s %s %j -> %s', (operator, variable, value, expected) => {
    expect(check(variable, operator, value)).toBe(expected);
  });

  it('covers every operator of the catalog', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(CONDITION_OPERATORS));
  });
});

describe('evaluateCondition structure', () => {
  it('compares with another variable', () => {
    expect(
      evaluateCondition(
        { variable: 'count', operator: 'lessThan', value: { variable: 'threshold' } },
        lookup,
      ),
    ).toBe(true);
  });

  it('combines with all, any and not', () => {
    const gold = { variable: 'tier', operator: 'equals', value: { value: 'gold' } };
    const many = { variable: 'count', operator: 'greaterThan', value: { value: 10 } };
    expect(evaluateCondition({ all: [gold, many] }, lookup)).toBe(false);
    expect(evaluateCondition({ any: [gold, many] }, lookup)).toBe(true);
    expect(evaluateCondition({ not: many }, lookup)).toBe(true);
    expect(evaluateCondition({ all: [gold, { not: { any: [many] } }] }, lookup)).toBe(true);
  });

  it('compares JSON values by content, whatever the order of their keys', () => {
    const crm: Record<string, unknown> = { answer: { b: 2, a: 1, nested: { y: [1, { q: 1, p: 2 }], x: 0 } } };
    const read = (name: string) => crm[name];
    const literal = { a: 1, nested: { x: 0, y: [1, { p: 2, q: 1 }] }, b: 2 };
    const cond = (operator: string, value: unknown) => ({ variable: 'answer', operator, value: { value } });
    expect(evaluateCondition(cond('equals', literal), read)).toBe(true);
    expect(evaluateCondition(cond('notEquals', literal), read)).toBe(false);
    expect(evaluateCondition(cond('in', [{ z: 1 }, literal]), read)).toBe(true);
    // Order inside arrays still matters, and a different value is still different.
    expect(
      evaluateCondition(cond('equals', { ...literal, nested: { x: 0, y: [{ p: 2, q: 1 }, 1] } }), read),
    ).toBe(false);
    expect(evaluateCondition(cond('equals', { ...literal, b: 3 }), read)).toBe(false);
    const list = (name: string) => (name === 'items' ? [{ sku: 'x', qty: 1 }] : undefined);
    expect(
      evaluateCondition(
        { variable: 'items', operator: 'contains', value: { value: { qty: 1, sku: 'x' } } },
        list,
      ),
    ).toBe(true);
  });

  it('treats malformed conditions and unknown operators as false instead of throwing', () => {
    expect(evaluateCondition(null, lookup)).toBe(false);
    expect(
      evaluateCondition({ variable: 'tier', operator: 'matchesRegex', value: { value: '.*' } }, lookup),
    ).toBe(false);
    expect(evaluateCondition({ operator: 'equals' }, lookup)).toBe(false);
  });
});
