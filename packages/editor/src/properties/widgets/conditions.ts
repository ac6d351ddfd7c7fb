/**
 * Words for structured conditions: operator labels and a one-line description. The edits themselves
 * are in `condition-edits.ts`.
 */
import { CONDITION_OPERATORS, type ConditionOperator } from '@callflow/model';

export type Comparison = { variable: string; operator: ConditionOperator; value?: unknown };
export type Join = 'all' | 'any';

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: 'equals',
  notEquals: 'does not equal',
  greaterThan: 'is greater than',
  greaterThanOrEqual: 'is at least',
  lessThan: 'is less than',
  lessThanOrEqual: 'is at most',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
  in: 'is one of',
};

export const UNARY_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['isEmpty', 'isNotEmpty']);

export function isComparison(value: unknown): value is Comparison {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return typeof c.variable === 'string' && CONDITION_OPERATORS.includes(c.operator as ConditionOperator);
}

export function cleanComparison(row: Comparison): Comparison {
  const out: Comparison = { variable: row.variable, operator: row.operator };
  if (!UNARY_OPERATORS.has(row.operator)) out.value = row.value ?? { value: '' };
  return out;
}

export function describeCondition(when: unknown): string {
  const c = (when ?? {}) as Record<string, unknown>;
  if (isComparison(c)) {
    const value = c.value as { value?: unknown; variable?: string } | undefined;
    const operand = value === undefined ? '' : (value.variable ?? JSON.stringify(value.value ?? null));
    return `${c.variable} ${OPERATOR_LABELS[c.operator]}${operand ? ` ${operand}` : ''}`;
  }
  if (Array.isArray(c.all)) return `(${c.all.map(describeCondition).join(' and ')})`;
  if (Array.isArray(c.any)) return `(${c.any.map(describeCondition).join(' or ')})`;
  if (c.not !== undefined) return `not ${describeCondition(c.not)}`;
  return '(empty)';
}
