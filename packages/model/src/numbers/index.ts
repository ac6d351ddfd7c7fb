/** Dial-number helpers (DOMAIN.md §2). Placeholder signatures; built on libphonenumber-js. */
export type DialNumberKind = 'e164' | 'national' | 'idd' | 'short';

export type DialNumberCheck =
  | {
      ok: true;
      input: string;
      sanitized: string;
      e164: string;
      country?: string;
      areaCode?: string;
      kind: DialNumberKind;
    }
  | {
      ok: false;
      input: string;
      sanitized: string;
      reason: 'tooShort' | 'tooLong' | 'invalid' | 'countryNotAllowed' | 'notDialable';
      message: string;
    };

export interface DialNumberOptions {
  /** Region used to read national numbers ("US"). */
  defaultRegion?: string;
  /** When given, numbers outside these countries are refused with reason "countryNotAllowed". */
  allowedCountries?: readonly string[];
}

/** Strips every character other than digits and + # * : (what an agent may paste in). */
export function sanitizeDialNumber(input: string): string {
  return input.replace(/[^0-9+#*:]/g, '');
}
