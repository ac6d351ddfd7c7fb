/**
 * A number as an agent types it, checked with the model's dial-number rules (docs/domain.md#dial-numbers):
 * cleaned as typed (digits and + # * : only), 3 to 18 digits, a country of the account's allowlist.
 */
import { checkDialNumber, type DialNumberCheck, sanitizeDialNumber } from '@callflow/model';
import type { DesktopProfile } from './desktop-api';

export { sanitizeDialNumber as cleanDialInput };

export function checkAgentNumber(input: string, profile: DesktopProfile | null): DialNumberCheck {
  return checkDialNumber(input, {
    defaultRegion: profile?.defaultRegion ?? 'US',
    ...(profile?.allowedCountries ? { allowedCountries: profile.allowedCountries } : {}),
  });
}
