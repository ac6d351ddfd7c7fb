import type { Account, Resources } from '../resources.js';
import { type DialNumberOptions, sanitizeDialNumber } from './dial-number.js';

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

/**
 * The dial-number options of an account: its region, its allowed countries and the special numbers it
 * permits. Lint, the runtime, the service and the designer all check numbers with these.
 */
export function accountDialOptions(account: Partial<Account> | undefined): DialNumberOptions {
  return {
    defaultRegion: account?.defaultRegion ?? 'US',
    ...(account?.allowedCountries ? { allowedCountries: account.allowedCountries } : {}),
    ...(account?.allowedSpecialNumbers?.length
      ? { allowedSpecialNumbers: account.allowedSpecialNumbers }
      : {}),
  };
}
