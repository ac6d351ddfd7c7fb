import type { Resources } from '../resources.js';
import { sanitizeDialNumber } from './dial-number.js';

/**
 * Whether `value` is one of the account's numbers: either a number name from resources (`"main"`) or
 * the number itself, in any punctuation (`"+1 (202) 555-0100"` matches `"+12025550100"`).
 */
export function isAccountNumber(resources: Pick<Resources, 'numbers'>, value: string): boolean {
  if (Object.hasOwn(resources.numbers, value)) return true;
  const wanted = sanitizeDialNumber(value);
  if (wanted === '') return false;
  return Object.values(resources.numbers).some((n) => sanitizeDialNumber(n.number) === wanted);
}
