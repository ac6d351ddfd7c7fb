/** Dial-number types and sanitising (docs/domain.md#dial-numbers). */

export type DialNumberKind = 'e164' | 'national' | 'idd' | 'short';

export type DialNumberFailure = 'tooShort' | 'tooLong' | 'invalid' | 'countryNotAllowed' | 'notDialable';

export type DialNumberCheck =
  | {
      ok: true;
      input: string;
      sanitized: string;
      e164: string;
      country?: string;
      areaCode?: string;
      kind: DialNumberKind;
      /** Digits after the first `:`, sent as tones once the call is answered (an extension). */
      postDial?: string;
    }
  | {
      ok: false;
      input: string;
      sanitized: string;
      reason: DialNumberFailure;
      message: string;
      /** Known once the number was read: the E.164 form and its country (for countryNotAllowed, notDialable). */
      e164?: string;
      country?: string;
      kind?: DialNumberKind;
    };

export interface DialNumberOptions {
  /** Region used to read national numbers ("US"). */
  defaultRegion?: string;
  /** When given, numbers outside these countries are refused with reason "countryNotAllowed". */
  allowedCountries?: readonly string[];
  /**
   * Short codes, service codes and premium-rate numbers that are dialled anyway, each exactly as
   * written there (after sanitising): `account.allowedSpecialNumbers`.
   */
  allowedSpecialNumbers?: readonly string[];
}

/**
 * A checked number as it is stored (`$callbackNumber`, a callback request): E.164, then ":" and the
 * digits sent once the call is answered when it has an extension (`+13125550199:12#`).
 */
export function dialString(check: { e164: string; postDial?: string }): string {
  return check.postDial ? `${check.e164}:${check.postDial}` : check.e164;
}

/** The number to dial and the digits to send once answered, read back from a stored dial string. */
export function splitDialString(stored: string): { to: string; sendDigits?: string } {
  const colon = stored.indexOf(':');
  if (colon === -1) return { to: stored };
  const sendDigits = stored.slice(colon + 1);
  return sendDigits ? { to: stored.slice(0, colon), sendDigits } : { to: stored.slice(0, colon) };
}

/** An agent-entered dial number has 3 to 18 digits. */
export const MIN_DIAL_DIGITS = 3;
export const MAX_DIAL_DIGITS = 18;
/** E.164: at most 15 digits after the `+`. */
export const MAX_E164_DIGITS = 15;

/** Strips every character other than digits and + # * : (what an agent may paste in). */
export function sanitizeDialNumber(input: string): string {
  return input.replace(/[^0-9+#*:]/g, '');
}
