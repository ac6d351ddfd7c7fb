import { describe, expect, it } from 'vitest';
import { checkConditionTypes, conditionVariables, isIsoDateTime, literalFitsType } from './conditions.js';
import type { VariableType } from './flow.js';

const types: Record<string, VariableType> = {
  tier: 'string',
  vip: 'boolean',
  attempts: 'integer',
  balance: 'decimal',
  since: 'dateTime',
  profile: 'json',
  tags: 'json',
  $queuePosition: 'integer',
};
const typeOf = (name: string) => types[name];

describe('conditionVariables', () => {
  it('lists every variable read, once, through all / any / not and variable operands', () => {
    expect(
      conditionVariables({
        all: [
          { variable: 'tier', operator: 'equals', value: { value: 'gold' } },
          { any: [{ not: { variable: 'vip', operator: 'equals', value: { value: true } } }] },
          { variable: 'balance', operator: 'greaterThan', value: { variable: 'attempts' } },
          { variable: 'tier', operator: 'isNotEmpty' },
        ],
      }),
    ).toEqual(['tier', 'vip', 'balance', 'attempts']);
  });

  it('returns nothing for malformed input', () => {
    expect(conditionVariables(null)).toEqual([]);
    expect(conditionVariables({ all: 'x' })).toEqual([]);
  });
});

describe('checkConditionTypes', () => {
  it.each([
    // [condition, path of the issue or null when fine]
    [{ variable: 'vip', operator: 'greaterThan', value: { value: 1 } }, '/operator'],
    [{ variable: 'tier', operator: 'lessThan', value: { value: 'b' } }, '/operator'],
    [{ variable: 'attempts', operator: 'contains', value: { value: 1 } }, '/operator'],
    [{ variable: 'profile', operator: 'startsWith', value: { value: 'x' } }, '/operator'],
    [{ variable: 'attempts', operator: 'equals', value: { value: '3' } }, '/value/value'],
    [{ variable: 'attempts', operator: 'equals', value: { value: 2.5 } }, '/value/value'],
    [{ variable: 'vip', operator: 'equals', value: { value: 'true' } }, '/value/value'],
    [{ variable: 'since', operator: 'greaterThan', value: { value: '2026-13-01' } }, '/value/value'],
    [{ variable: 'tier', operator: 'in', value: { value: 'gold' } }, '/value/value'],
    [{ variable: 'tier', operator: 'in', value: { value: ['gold', 3] } }, '/value/value/1'],
    [{ variable: 'tier', operator: 'equals', value: { variable: 'attempts' } }, '/value/variable'],
    [{ variable: 'tier', operator: 'isEmpty', value: { value: '' } }, '/value'],
    [{ variable: 'tier', operator: 'equals' }, ''],
    [{ variable: 'tier', operator: 'equals', value: { value: 'gold' } }, null],
    [{ variable: 'tier', operator: 'contains', value: { value: 'ol' } }, null],
    [{ variable: 'profile', operator: 'contains', value: { value: { plan: 'basic' } } }, null],
    [{ variable: 'attempts', operator: 'greaterThanOrEqual', value: { value: 3 } }, null],
    [{ variable: 'balance', operator: 'lessThan', value: { variable: 'attempts' } }, null],
    [{ variable: 'since', operator: 'lessThan', value: { value: '2026-05-01T09:00:00Z' } }, null],
    [{ variable: 'since', operator: 'lessThan', value: { variable: '$now' } }, null],
    [{ variable: 'tier', operator: 'in', value: { value: ['gold', 'silver'] } }, null],
    [{ variable: 'tier', operator: 'in', value: { variable: 'tags' } }, null],
    [{ variable: '$queuePosition', operator: 'lessThan', value: { value: 5 } }, null],
    [{ variable: 'vip', operator: 'isNotEmpty' }, null],
    [{ variable: 'unknown', operator: 'greaterThan', value: { value: 'x' } }, null],
  ])('%j -> %s', (condition, path) => {
    const issues = checkConditionTypes(condition, typeOf);
    if (path === null) expect(issues).toEqual([]);
    else expect(issues.map((i) => i.path)).toEqual([path]);
  });

  it('reports issues nested in all / any / not with their full path', () => {
    const issues = checkConditionTypes(
      { all: [{ any: [{ not: { variable: 'vip', operator: 'greaterThan', value: { value: 1 } } }] }] },
      typeOf,
      '/rules/0/when',
    );
    expect(issues.map((i) => i.path)).toEqual(['/rules/0/when/all/0/any/0/not/operator']);
    expect(issues[0]!.message).toContain('"greaterThan" cannot be used on "vip"');
  });
});

describe('literalFitsType and isIsoDateTime', () => {
  it.each([
    ['2026-05-01T09:00:00Z', true],
    ['2026-05-01T09:00Z', true],
    ['2026-05-01T09:00:00.123+02:00', true],
    ['2026-05-01', false],
    ['2026-05-01 09:00:00Z', false],
    ['2026-02-30T09:00:00Z', false],
    ['2024-02-29T09:00:00Z', true],
    ['2026-05-01T24:00:00Z', false],
    ['2026-13-01T09:00:00Z', false],
    ['yesterday', false],
  ])('%s is an ISO 8601 date-time: %s', (value, expected) => {
    expect(isIsoDateTime(value)).toBe(expected);
  });

  it.each([
    ['x', 'string', true],
    [1, 'string', false],
    [3, 'integer', true],
    [3.5, 'integer', false],
    [3.5, 'decimal', true],
    [true, 'boolean', true],
    ['true', 'boolean', false],
    [{ a: 1 }, 'json', true],
    [null, 'integer', true],
  ] as const)('%j fits %s: %s', (value, type, expected) => {
    expect(literalFitsType(value as never, type)).toBe(expected);
  });
});
