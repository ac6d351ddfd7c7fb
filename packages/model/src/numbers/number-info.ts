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
