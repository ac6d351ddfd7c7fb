/** Dial-number types and sanitising (DOMAIN.md §2). */

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

/** An agent-entered dial number has 3 to 18 digits. */
export const MIN_DIAL_DIGITS = 3;
export const MAX_DIAL_DIGITS = 18;
/** E.164: at most 15 digits after the `+`. */
export const MAX_E164_DIGITS = 15;

/** Strips every character other than digits and + # * : (what an agent may paste in). */
export function sanitizeDialNumber(input: string): string {
  return input.replace(/[^0-9+#*:]/g, '');
}
