import type { ConditionOperator } from '@callflow/model';
import { dequal } from 'dequal';

type Lookup = (name: string) => unknown;

/**
 * Evaluates a structured condition (`$defs/condition` of the flow schema: a comparison of a variable
 * with an operand, or `all` / `any` / `not` of conditions) against the contact's variables.
 * Comparisons are typed: numbers (and numeric text) compare as numbers, booleans as booleans,
 * ISO 8601 date-times as instants, anything else as text. A missing variable equals nothing and is empty. Settings that are not a valid condition (the
 * validator refuses them first) evaluate to false rather than throwing in the middle of a call.
 */
export function evaluateCondition(condition: unknown, lookup: Lookup): boolean {
  if (condition === null || typeof condition !== 'object') return false;
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return c.all.every((child) => evaluateCondition(child, lookup));
  if (Array.isArray(c.any)) return c.any.some((child) => evaluateCondition(child, lookup));
  if (c.not !== undefined) return !evaluateCondition(c.not, lookup);
  if (typeof c.variable !== 'string' || typeof c.operator !== 'string') return false;
  return compare(c.operator, lookup(c.variable), operandValue(c.value, lookup));
}

function operandValue(operand: unknown, lookup: Lookup): unknown {
  if (operand === null || typeof operand !== 'object') return undefined;
  const o = operand as Record<string, unknown>;
  if (typeof o.variable === 'string') return lookup(o.variable);
  return o.value;
}

function compare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator as ConditionOperator) {
    case 'equals':
      return equal(left, right);
    case 'notEquals':
      return !equal(left, right);
    case 'greaterThan':
      return order(left, right, (d) => d > 0);
    case 'greaterThanOrEqual':
      return order(left, right, (d) => d >= 0);
    case 'lessThan':
      return order(left, right, (d) => d < 0);
    case 'lessThanOrEqual':
      return order(left, right, (d) => d <= 0);
    case 'contains':
      if (Array.isArray(left)) return left.some((item) => equal(item, right));
      return isText(left, right) && left.includes(text(right));
    case 'startsWith':
      return isText(left, right) && left.startsWith(text(right));
    case 'endsWith':
      return isText(left, right) && left.endsWith(text(right));
    case 'isEmpty':
      return isEmpty(left);
    case 'isNotEmpty':
      return !isEmpty(left);
    case 'in':
      return listOf(right).some((item) => equal(left, item));
    default:
      return false;
  }
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** `in` takes a list literal, or a comma-separated text ("gold, platinum") as admins often write it. */
function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',').map((item) => item.trim());
  return [];
}

function isText(left: unknown, right: unknown): left is string {
  return typeof left === 'string' && (typeof right === 'string' || typeof right === 'number');
}

function text(value: unknown): string {
  return String(value);
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/i;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function asInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** The difference left - right in the pair's common type, or undefined when they do not compare. */
function difference(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' || typeof right === 'number') {
    const l = asNumber(left);
    const r = asNumber(right);
    return l === undefined || r === undefined ? undefined : l - r;
  }
  const l = asInstant(left);
  const r = asInstant(right);
  if (l !== undefined && r !== undefined) return l - r;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return undefined;
}

function equal(left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return false;
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    const l = asBoolean(left);
    return l !== undefined && l === asBoolean(right);
  }
  if (left === null || right === null) return left === right;
  // JSON values (a CRM answer, a literal in the flow) are equal by content: key order does not count.
  if (typeof left === 'object' || typeof right === 'object') return dequal(left, right);
  return difference(left, right) === 0;
}

function order(left: unknown, right: unknown, holds: (d: number) => boolean): boolean {
  if (left === undefined || left === null || right === undefined || right === null) return false;
  const d = difference(left, right);
  return d !== undefined && holds(d);
}
