import { countryLabel } from './country-names.js';
import {
  type DialNumberCheck,
  type DialNumberFailure,
  type DialNumberKind,
  type DialNumberOptions,
  MAX_DIAL_DIGITS,
  MAX_E164_DIGITS,
  MIN_DIAL_DIGITS,
  sanitizeDialNumber,
} from './dial-number.js';
import { nationalDestinationCode } from './number-info.js';
import {
  type CountryCode,
  isSupportedCountry,
  Metadata,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from './phone-library.js';

/** Short codes (411, 911, 112, SMS short codes) have at most this many digits. */
const MAX_SHORT_CODE_DIGITS = 6;
/** NANP: a 3-digit area code and a 7-digit number, neither starting with 0 or 1. */
const NANP_NATIONAL = /^[2-9]\d{2}[2-9]\d{6}$/;

const metadata = new Metadata();
const iddPatterns = new Map<string, RegExp>();

/**
 * The international (IDD) prefix of a region: `011` in the NANP (US, CA...), `00` in most other
 * places, and whatever libphonenumber knows for the rest (`0011` in Australia, `010` in Japan).
 */
function iddPattern(region: CountryCode): RegExp {
  let pattern = iddPatterns.get(region);
  if (!pattern) {
    metadata.selectNumberingPlan(region);
    const own = metadata.numberingPlan?.IDDPrefix() ?? '00';
    pattern = new RegExp(`^(?:${own}|${own === '011' ? '011' : '00'})`);
    iddPatterns.set(region, pattern);
  }
  return pattern;
}

function defaultIddPrefix(region: CountryCode): string {
  metadata.selectNumberingPlan(region);
  const plan = metadata.numberingPlan;
  // The IDD pattern when it is a plain prefix ("011"), else the preferred one ("0011" for Australia).
  for (const prefix of [plan?.IDDPrefix(), plan?.defaultIDDPrefix()]) {
    if (prefix && /^\d+$/.test(prefix)) return prefix;
  }
  return '00';
}

type Failure = Extract<DialNumberCheck, { ok: false }>;

/**
 * Checks a dial number the way an agent or a flow enters it (docs/domain.md#dial-numbers): the input is sanitised,
 * must hold 3 to 18 digits, and is read as E.164 (`+44...`), as IDD prefix + country + number
 * (`011 44...` from the NANP, `00 44...` elsewhere) or as a national number of `defaultRegion`.
 * Short codes, service codes and premium-rate numbers are `notDialable`; a country outside
 * `allowedCountries` is `countryNotAllowed`. Never throws.
 */
const CACHE_LIMIT = 512;
const cache = new Map<string, DialNumberCheck>();

/**
 * Checks a dial number (docs/domain.md#dial-numbers). Pure, and parsing with full metadata costs about 0.2 ms, so
 * recent answers are kept (lint sees the same numbers in many blocks, the runtime in many calls).
 */
export function checkDialNumber(input: string, options: DialNumberOptions = {}): DialNumberCheck {
  const key = `${input}\u0000${options.defaultRegion ?? ''}\u0000${options.allowedCountries?.join(',') ?? '*'}\u0000${options.allowedSpecialNumbers?.join(',') ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const result = Object.freeze(computeDialNumberCheck(input, options)) as DialNumberCheck;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

function computeDialNumberCheck(input: string, options: DialNumberOptions): DialNumberCheck {
  const result = strictDialNumberCheck(input, options);
  if (result.ok || result.reason !== 'notDialable' || !options.allowedSpecialNumbers?.length) return result;
  return allowedSpecialNumber(result, options) ?? result;
}

/**
 * A short code, service code or premium-rate number the account lists exactly in
 * `allowedSpecialNumbers`, as dialled (`e164` holds a short code as it is dialled: "911"). A premium
 * number still has to be in an allowed country.
 */
function allowedSpecialNumber(refused: Failure, options: DialNumberOptions): DialNumberCheck | undefined {
  const colon = refused.sanitized.indexOf(':');
  const dialPart = colon === -1 ? refused.sanitized : refused.sanitized.slice(0, colon);
  const postDial = colon === -1 ? undefined : refused.sanitized.slice(colon + 1);
  const listed = new Set(options.allowedSpecialNumbers!.map(sanitizeDialNumber));
  if (!listed.has(dialPart) && !(refused.e164 !== undefined && listed.has(refused.e164))) return undefined;
  const country = refused.country;
  if (country && options.allowedCountries && !options.allowedCountries.includes(country)) return undefined;
  return {
    ok: true,
    input: refused.input,
    sanitized: refused.sanitized,
    e164: refused.e164 ?? dialPart,
    kind: refused.kind ?? 'short',
    ...(country ? { country } : {}),
    ...(postDial ? { postDial } : {}),
  };
}

function strictDialNumberCheck(input: string, options: DialNumberOptions): DialNumberCheck {
  const sanitized = sanitizeDialNumber(input);
  // Letters are stripped like any other character; say so, or "1-800-FLOWERS" reads as a short code.
  const hint = /[A-Za-z]/.test(input)
    ? ' Letters are not dialled: write vanity numbers in digits, and an extension after ":" (+12025550143:12).'
    : '';
  const fail = (reason: DialNumberFailure, message: string, extra: Partial<Failure> = {}): Failure => ({
    ok: false,
    input,
    sanitized,
    reason,
    message: message + hint,
    ...extra,
  });

  const digitCount = sanitized.replace(/\D/g, '').length;
  if (digitCount < MIN_DIAL_DIGITS) {
    return fail(
      'tooShort',
      `"${input}" has ${digitCount} digit${digitCount === 1 ? '' : 's'}; a dial number has at least ${MIN_DIAL_DIGITS}.`,
    );
  }
  if (digitCount > MAX_DIAL_DIGITS) {
    return fail(
      'tooLong',
      `"${input}" has ${digitCount} digits; a dial number has at most ${MAX_DIAL_DIGITS}.`,
    );
  }

  const colon = sanitized.indexOf(':');
  // A single trailing "#" is the key that ends keyed-in digits, not part of the number.
  const dialPart = (colon === -1 ? sanitized : sanitized.slice(0, colon)).replace(/(\d)#$/, '$1');
  const postDial = colon === -1 ? undefined : sanitized.slice(colon + 1);
  if (dialPart.lastIndexOf('+') > 0 || postDial?.includes('+')) {
    return fail(
      'invalid',
      `"${input}" has a "+" that is not at the start; only the country code may follow "+".`,
    );
  }
  if (!/\d/.test(dialPart)) {
    return fail(
      'invalid',
      `"${input}" has no number before ":"; the digits after ":" are sent once the call is answered.`,
    );
  }
  if (/[*#]/.test(dialPart)) {
    return fail(
      'notDialable',
      `"${input}" is a service code (it holds * or #); a flow can only dial phone numbers. Put extensions after ":".`,
      { kind: 'short' },
    );
  }

  const region = (options.defaultRegion ?? 'US').toUpperCase();
  let international: string | undefined;
  let kind: DialNumberKind;
  if (dialPart.startsWith('+')) {
    international = dialPart;
    kind = 'e164';
  } else {
    const idd = isSupportedCountry(region) ? iddPattern(region).exec(dialPart) : null;
    if (idd) {
      international = `+${dialPart.slice(idd[0].length)}`;
      kind = 'idd';
    } else {
      kind = 'national';
    }
  }

  let parsed: PhoneNumber | undefined;
  if (international !== undefined) {
    const digits = international.slice(1);
    if (digits.length > MAX_E164_DIGITS) {
      return fail(
        'tooLong',
        `"${input}" has ${digits.length} digits after the country prefix; E.164 allows at most ${MAX_E164_DIGITS}.`,
      );
    }
    if (digits.startsWith('0')) {
      return fail(
        'invalid',
        `"${input}" reads as country code ${digits.slice(0, 3)}…, but country codes never start with 0.`,
      );
    }
    parsed = parsePhoneNumberFromString(international);
    if (!parsed) {
      return fail(
        'invalid',
        `"${input}" does not start with a known country code (+${digits.slice(0, 3)}…).`,
      );
    }
  } else {
    if (!isSupportedCountry(region)) {
      return fail(
        'invalid',
        `"${input}" is a national number, but the account region "${region}" is not a known region; write the number as +<country code><number>.`,
      );
    }
    parsed = parsePhoneNumberFromString(dialPart, region);
    if (!parsed?.isPossible() && dialPart.length <= MAX_SHORT_CODE_DIGITS) {
      return fail(
        'notDialable',
        `"${input}" is a short code (emergency, information or SMS service); a flow cannot transfer to it.`,
        { kind: 'short' },
      );
    }
    if (!parsed) {
      return fail('invalid', `"${input}" is not a phone number of ${countryLabel(region)}.`);
    }
  }
  const result = judge(parsed, kind, input, sanitized, postDial, options.allowedCountries, fail);
  if (!result.ok && kind === 'national' && /^0(?:0|11)/.test(dialPart)) {
    // Looks like an international prefix, but not the one of this region (00 from the US, 011 from France).
    result.message += ` To dial abroad from ${countryLabel(region)}, start with ${defaultIddPrefix(region as CountryCode)} or "+".`;
  }
  return result;
}

function judge(
  parsed: PhoneNumber,
  kind: DialNumberKind,
  input: string,
  sanitized: string,
  postDial: string | undefined,
  allowedCountries: readonly string[] | undefined,
  fail: (reason: DialNumberFailure, message: string, extra?: Partial<Failure>) => Failure,
): DialNumberCheck {
  const e164 = parsed.number;
  const country = parsed.country;
  const known = { e164, kind, ...(country ? { country } : {}) };
  if (parsed.countryCallingCode === '1' && !NANP_NATIONAL.test(parsed.nationalNumber)) {
    return fail(
      'invalid',
      `"${input}" is not a +1 number: it needs a 3-digit area code and a 7-digit number, neither starting with 0 or 1.`,
    );
  }
  if (!parsed.isPossible()) {
    const where = country ? countryLabel(country) : `country code +${parsed.countryCallingCode}`;
    return fail('invalid', `"${input}" does not have the right number of digits for ${where}.`);
  }
  if (parsed.getType() === 'PREMIUM_RATE') {
    return fail(
      'notDialable',
      `"${input}" is a premium-rate number; flows do not dial premium-rate numbers.`,
      known,
    );
  }
  if (allowedCountries) {
    const allowed = new Set(allowedCountries.map((c) => c.toUpperCase()));
    const candidates = country ? [country] : parsed.getPossibleCountries();
    if (candidates.length === 0) {
      return fail(
        'countryNotAllowed',
        `"${input}" is a non-geographic number (+${parsed.countryCallingCode}) that belongs to no country, so the country allowlist cannot admit it.`,
        known,
      );
    }
    const refused = candidates.filter((c) => !allowed.has(c));
    if (refused.length > 0) {
      const message = country
        ? `"${input}" is a number in ${countryLabel(country)}, which is not in the account's allowed countries; add ${country} to account.allowedCountries if calls there are intended.`
        : `"${input}" could be a number in ${refused.slice(0, 3).map(countryLabel).join(', ')}${refused.length > 3 ? ' or others' : ''}; it cannot be told apart, and not all of them are allowed countries.`;
      return fail('countryNotAllowed', message, known);
    }
  }
  const areaCode = nationalDestinationCode(parsed);
  return {
    ok: true,
    input,
    sanitized,
    e164,
    kind,
    ...(country ? { country } : {}),
    ...(areaCode ? { areaCode } : {}),
    ...(postDial ? { postDial } : {}),
  };
}
