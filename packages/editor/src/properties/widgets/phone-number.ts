/**
 * What the phone-number field shows while an admin types (docs/domain.md#dial-numbers): characters an agent may not
 * dial are stripped, the number is checked against the account's region and country allowlist, and a
 * valid number is offered in E.164 (the form saved).
 */
import {
  accountDialOptions,
  checkDialNumber,
  type DialNumberCheck,
  formatNumberForDisplay,
  type Resources,
} from '@callflow/model';

export interface PhoneNumberFeedback {
  /** The text kept in the field: the input without characters that cannot be dialled. */
  sanitized: string;
  /** Characters removed from what was typed or pasted, if any. */
  stripped: boolean;
  check: DialNumberCheck;
  /** The value to save once the field is left: E.164 (+ `:extension`), or the sanitized text. */
  normalized: string;
  /** A line the admin reads under the field. */
  message: string;
}

export function phoneNumberFeedback(input: string, resources: Resources | null): PhoneNumberFeedback {
  const options = accountDialOptions(resources?.account);
  // An account that lists no country yet: the number is checked without the allowlist.
  if (!options.allowedCountries?.length) delete options.allowedCountries;
  const check = checkDialNumber(input, options);
  const sanitized = check.sanitized;
  const stripped = sanitized !== input;
  if (check.ok) {
    const normalized = check.postDial ? `${check.e164}:${check.postDial}` : check.e164;
    const country = check.country ? ` · ${check.country}` : '';
    return {
      sanitized,
      stripped,
      check,
      normalized,
      message: `${display(check.e164)}${country} · dialled as ${normalized}`,
    };
  }
  return { sanitized, stripped, check, normalized: sanitized, message: check.message };
}

function display(e164: string): string {
  try {
    return formatNumberForDisplay(e164) || e164;
  } catch {
    return e164;
  }
}
