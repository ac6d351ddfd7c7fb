/**
 * Structured conditions (Check variable rules): their types, the variables they read, and the static
 * type check lint runs over them (CF307). Conditions are data, never code; evaluating them is the
 * runtime's job.
 */
import { obj } from './blocks/common.js';
import type { JsonValue, Operand, VariableType } from './flow.js';
import { CONDITION_OPERATORS, type ConditionOperator } from './schema/defs.js';

export interface Comparison {
  variable: string;
  operator: ConditionOperator;
  /** Absent only for isEmpty / isNotEmpty. */
  value?: Operand;
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

/** The variable types each operator can compare. */
const OPERATOR_TYPES: Record<ConditionOperator, readonly VariableType[] | 'any'> = {
  equals: 'any',
  notEquals: 'any',
  greaterThan: ['integer', 'decimal', 'dateTime'],
  greaterThanOrEqual: ['integer', 'decimal', 'dateTime'],
  lessThan: ['integer', 'decimal', 'dateTime'],
  lessThanOrEqual: ['integer', 'decimal', 'dateTime'],
  contains: ['string', 'json'],
  startsWith: ['string'],
  endsWith: ['string'],
  isEmpty: 'any',
  isNotEmpty: 'any',
  in: 'any',
};

const OPERATORS_WITHOUT_VALUE: ReadonlySet<string> = new Set(['isEmpty', 'isNotEmpty']);

/** Every variable a condition reads, each once, in the order they appear. */
export function conditionVariables(condition: unknown): string[] {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    const c = obj(node);
    if (!c) return;
    for (const key of ['all', 'any'] as const) {
      if (Array.isArray(c[key])) for (const child of c[key]) visit(child);
    }
    if (c.not !== undefined) visit(c.not);
    if (typeof c.variable === 'string') seen.add(c.variable);
    const operand = obj(c.value);
    if (typeof operand?.variable === 'string') seen.add(operand.variable);
  };
  visit(condition);
  return [...seen];
}

// ISO 8601 date and time with a zone (Z or ±hh:mm); seconds and fractions optional.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A real calendar date-time in ISO 8601 with a zone ("2026-05-01T09:00:00Z"); Feb 30 is not one. */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second = 0, zoneHour = 0, zoneMinute = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! <= 23 &&
    minute! <= 59 &&
    second <= 59 &&
    zoneHour <= 23 &&
    zoneMinute <= 59
  );
}

/** Whether a literal can be held by a variable of this type (null is "no value" and always fits). */
export function literalFitsType(value: JsonValue | undefined, type: VariableType): boolean {
  if (value === null || value === undefined) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value);
    case 'dateTime':
      return typeof value === 'string' && isIsoDateTime(value);
    case 'json':
      return true;
  }
}

/** Whether a variable of type `from` can be compared with / copied to one of type `to`. */
export function typesCompatible(from: VariableType, to: VariableType): boolean {
  if (from === to || to === 'json' || from === 'json') return true;
  const numeric = (t: VariableType) => t === 'integer' || t === 'decimal';
  return numeric(from) && numeric(to);
}

export const TYPE_NAMES: Record<VariableType, string> = {
  string: 'text',
  boolean: 'true/false',
  integer: 'whole number',
  decimal: 'number',
  dateTime: 'date-time (ISO 8601, e.g. 2026-05-01T09:00:00Z)',
  json: 'JSON',
};

export interface ConditionTypeIssue {
  /** JSON pointer relative to the condition. */
  path: string;
  message: string;
}

/**
 * Checks that each comparison's operator fits its variable's type and that its value has that type.
 * `typeOf` returns the type of a variable (flow variable, module input, system variable) or undefined
 * when the name is unknown; unknown names are reported elsewhere (CF306), so they are skipped here.
 */
export function checkConditionTypes(
  condition: unknown,
  typeOf: (name: string) => VariableType | undefined,
  path = '',
): ConditionTypeIssue[] {
  const issues: ConditionTypeIssue[] = [];
  const visit = (node: unknown, at: string): void => {
    const c = obj(node);
    if (!c) return;
    for (const key of ['all', 'any'] as const) {
      const children = c[key];
      if (Array.isArray(children)) {
        for (const [i, child] of children.entries()) visit(child, `${at}/${key}/${i}`);
      }
    }
    if (c.not !== undefined) visit(c.not, `${at}/not`);
    if (typeof c.variable === 'string' && typeof c.operator === 'string') {
      checkComparison(c, at, typeOf, issues);
    }
  };
  visit(condition, path);
  return issues;
}

function checkComparison(
  c: Record<string, unknown>,
  at: string,
  typeOf: (name: string) => VariableType | undefined,
  issues: ConditionTypeIssue[],
): void {
  const name = c.variable as string;
  const operator = c.operator as string;
  const type = typeOf(name);
  if (type === undefined || !(CONDITION_OPERATORS as readonly string[]).includes(operator)) return;
  const fits = OPERATOR_TYPES[operator as ConditionOperator];
  if (fits !== 'any' && !fits.includes(type)) {
    issues.push({
      path: `${at}/operator`,
      message: `"${operator}" cannot be used on "${name}", a ${TYPE_NAMES[type]} variable; it works on ${fits.map((t) => TYPE_NAMES[t].split(' (')[0]).join(', ')} variables.`,
    });
    return;
  }
  const operand = obj(c.value);
  if (OPERATORS_WITHOUT_VALUE.has(operator)) {
    if (operand) issues.push({ path: `${at}/value`, message: `"${operator}" takes no value; remove it.` });
    return;
  }
  if (!operand) {
    issues.push({ path: at, message: `"${operator}" on "${name}" needs a value to compare with.` });
    return;
  }
  if (typeof operand.variable === 'string') {
    const other = typeOf(operand.variable);
    const expected =
      operator === 'in' ? 'json' : operator === 'contains' && type === 'json' ? undefined : type;
    if (other !== undefined && expected !== undefined && !typesCompatible(other, expected)) {
      issues.push({
        path: `${at}/value/variable`,
        message: `"${name}" (${TYPE_NAMES[type].split(' (')[0]}) is compared with "${operand.variable}" (${TYPE_NAMES[other].split(' (')[0]}); compare variables of the same type.`,
      });
    }
    return;
  }
  const literal = operand.value as JsonValue | undefined;
  if (operator === 'in') {
    if (!Array.isArray(literal)) {
      issues.push({
        path: `${at}/value/value`,
        message: `"in" needs a list of values, e.g. ["gold", "silver"].`,
      });
      return;
    }
    const bad = literal.findIndex((item) => !literalFitsType(item, type));
    if (bad !== -1) {
      issues.push({
        path: `${at}/value/value/${bad}`,
        message: `${JSON.stringify(literal[bad])} is not a ${TYPE_NAMES[type]}, the type of "${name}".`,
      });
    }
    return;
  }
  if (operator === 'contains' && type === 'json') return;
  if (!literalFitsType(literal, type)) {
    issues.push({
      path: `${at}/value/value`,
      message: `${JSON.stringify(literal)} is not a ${TYPE_NAMES[type]}, the type of "${name}".`,
    });
  }
}
