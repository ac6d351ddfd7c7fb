/**
 * The structured-condition editor's view of a condition: "all of" or "any of" a list of comparisons
 * (`variable operator value`). Deeper nesting (`not`, groups in groups) is kept intact and shown as
 * text; it is edited in the JSON view.
 */
import { CONDITION_OPERATORS, type ConditionOperator } from '@callflow/model';

export type Comparison = { variable: string; operator: ConditionOperator; value?: unknown };
export type Join = 'all' | 'any';

export interface ConditionRows {
  join: Join;
  rows: Comparison[];
  /** False when the condition has a shape the row editor cannot show without losing parts of it. */
  editable: boolean;
}

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

function isComparison(value: unknown): value is Comparison {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return typeof c.variable === 'string' && CONDITION_OPERATORS.includes(c.operator as ConditionOperator);
}

export function conditionRows(when: unknown): ConditionRows {
  if (isComparison(when)) return { join: 'all', rows: [when], editable: true };
  const c = (when ?? {}) as Record<string, unknown>;
  for (const join of ['all', 'any'] as const) {
    const list = c[join];
    if (Array.isArray(list) && Object.keys(c).length === 1) {
      return list.every(isComparison)
        ? { join, rows: list as Comparison[], editable: true }
        : { join, rows: [], editable: false };
    }
  }
  return { join: 'all', rows: [], editable: Object.keys(c).length === 0 };
}

/** One comparison stays a plain comparison; several become `{ all }` / `{ any }`. */
export function conditionFromRows(join: Join, rows: readonly Comparison[]): Record<string, unknown> {
  const cleaned = rows.map(cleanComparison);
  if (cleaned.length === 1) return cleaned[0]!;
  return { [join]: cleaned };
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
