import { type PhoneNumber, parsePhoneNumberFromString } from './phone-library.js';

function parseE164(e164: string): PhoneNumber | undefined {
  return e164.startsWith('+') ? parsePhoneNumberFromString(e164) : undefined;
}

/**
 * The area code (NANP) or national destination code of a parsed number. For the NANP it is the first 3
 * digits; elsewhere, as libphonenumber does it, the first group of the international format
 * (`+44 20 7946 0958` -> `20`). Numbers formatted as a single block have none.
 */
export function nationalDestinationCode(parsed: PhoneNumber): string | undefined {
  if (parsed.countryCallingCode === '1') return parsed.nationalNumber.slice(0, 3);
  const groups = parsed
    .formatInternational()
    .split(/[^0-9]+/)
    .filter(Boolean);
  // groups[0] is the country code; with fewer than three groups there is no separate code.
  return groups.length >= 3 ? groups[1] : undefined;
}

/** The ISO 3166 region of an E.164 number ("US", "GB"), or undefined when it cannot be told. */
export function regionOfNumber(e164: string): string | undefined {
  return parseE164(e164)?.country;
}

/**
 * The area code of an E.164 number: the NANP area code for +1 numbers, the national destination code
 * elsewhere. The "same area code" caller-ID strategy compares these.
 */
export function areaCodeOf(e164: string): string | undefined {
  const parsed = parseE164(e164);
  return parsed ? nationalDestinationCode(parsed) : undefined;
}

/** Where a number is: its country calling code and its area code within that country's numbering plan. */
export interface NumberArea {
  /** "33" for France, "1" for the whole NANP (US, Canada...: their area codes never repeat). */
  countryCode: string;
  areaCode: string;
  /** Equal for two numbers exactly when both country and area match ("+33 2"). */
  key: string;
  /** For people: "2 (FR)", or "+882 16" for a number of no country. */
  label: string;
}

/**
 * The area of an E.164 number, for the "same area code" caller-ID strategy. An area code alone means
 * nothing across countries (+33 2, +61 2 and +32 2 are Rennes, Sydney and Brussels), so the key holds
 * the country calling code too. Undefined when the number has no area code.
 */
export function areaOf(e164: string): NumberArea | undefined {
  const parsed = parseE164(e164);
  const areaCode = parsed ? nationalDestinationCode(parsed) : undefined;
  if (!parsed || areaCode === undefined) return undefined;
  const countryCode = parsed.countryCallingCode;
  return {
    countryCode,
    areaCode,
    key: `+${countryCode} ${areaCode}`,
    label: parsed.country !== undefined ? `${areaCode} (${parsed.country})` : `+${countryCode} ${areaCode}`,
  };
}

/**
 * How a number is shown to people: national format for numbers of `region` (`(202) 555-0143`),
 * international otherwise (`+44 20 7946 0958`). Anything that does not parse is returned unchanged.
 */
export function formatNumberForDisplay(e164: string, options: { region?: string } = {}): string {
  const parsed = parseE164(e164);
  if (!parsed) return e164;
  const region = options.region?.toUpperCase();
  return region !== undefined && parsed.country === region
    ? parsed.formatNational()
    : parsed.formatInternational();
}
