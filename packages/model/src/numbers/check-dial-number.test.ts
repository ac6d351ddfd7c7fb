import { describe, expect, it } from 'vitest';
import { checkDialNumber } from './check-dial-number.js';
import { sanitizeDialNumber } from './dial-number.js';

describe('sanitizeDialNumber', () => {
  it.each([
    ['+1 (202) 555-0143', '+12025550143'],
    ['202.555.0143 ext', '2025550143'],
    ['+44 20 7946 0958', '+442079460958'],
    ['*67 202-555-0143', '*672025550143'],
    ['+1 202 555 0143 : 1234#', '+12025550143:1234#'],
    ['\u200e+33 1 42 68 53 00', '+33142685300'],
  ])('%s -> %s', (input, expected) => {
    expect(sanitizeDialNumber(input)).toBe(expected);
  });
});

describe('checkDialNumber: accepted shapes', () => {
  it.each([
    // input, region, e164, kind, country, area code
    ['+12015532447', 'US', '+12015532447', 'e164', 'US', '201'],
    ['+1 (202) 555-0143', 'US', '+12025550143', 'e164', 'US', '202'],
    ['+1 415 555 0132', 'GB', '+14155550132', 'e164', 'US', '415'],
    ['(212) 555-0100', 'US', '+12125550100', 'national', 'US', '212'],
    ['1-212-555-0100', 'US', '+12125550100', 'national', 'US', '212'],
    ['416-555-0123', 'CA', '+14165550123', 'national', 'CA', '416'],
    ['+1 800 555 0199', 'US', '+18005550199', 'e164', 'US', '800'],
    ['+44 20 7946 0958', 'US', '+442079460958', 'e164', 'GB', '20'],
    ['020 7946 0958', 'GB', '+442079460958', 'national', 'GB', '20'],
    ['011 44 20 7946 0958', 'US', '+442079460958', 'idd', 'GB', '20'],
    ['011 44 20 7946 0958', 'CA', '+442079460958', 'idd', 'GB', '20'],
    ['00 44 20 7946 0958', 'FR', '+442079460958', 'idd', 'GB', '20'],
    ['0011 44 20 7946 0958', 'AU', '+442079460958', 'idd', 'GB', '20'],
    ['010 44 20 7946 0958', 'JP', '+442079460958', 'idd', 'GB', '20'],
    ['00 1 202 555 0143', 'DE', '+12025550143', 'idd', 'US', '202'],
    ['+33 1 42 68 53 00', 'US', '+33142685300', 'e164', 'FR', '1'],
    ['06 12 34 56 78', 'FR', '+33612345678', 'national', 'FR', '6'],
    ['+49 30 123456', 'US', '+4930123456', 'e164', 'DE', '30'],
    ['+61 2 9123 4567', 'US', '+61291234567', 'e164', 'AU', '2'],
    ['011 61 2 9123 4567', 'US', '+61291234567', 'idd', 'AU', '2'],
    ['+81 90-1234-5678', 'US', '+819012345678', 'e164', 'JP', '90'],
    ['+1 876 234 5678', 'US', '+18762345678', 'e164', 'JM', '876'],
  ])('%s (region %s) -> %s', (input, region, e164, kind, country, areaCode) => {
    const result = checkDialNumber(input, { defaultRegion: region });
    expect(result).toMatchObject({ ok: true, e164, kind, country, areaCode });
  });

  it('accepts the IDD shape of the domain notes (011 61 ...) even where the country cannot be pinned', () => {
    const result = checkDialNumber('01161123456789', { defaultRegion: 'US' });
    expect(result).toMatchObject({ ok: true, e164: '+61123456789', kind: 'idd' });
    expect(result.ok && result.country).toBeUndefined();
  });

  it('keeps digits after ":" as post-dial tones (an extension)', () => {
    expect(checkDialNumber('+1 202 555 0143:4321#')).toMatchObject({
      ok: true,
      e164: '+12025550143',
      postDial: '4321#',
    });
  });

  it('reads national numbers in US when no region is given', () => {
    expect(checkDialNumber('202-555-0143')).toMatchObject({ ok: true, e164: '+12025550143', country: 'US' });
  });
});

describe('checkDialNumber: fictional 555-01xx numbers across the NANP', () => {
  const areas = [
    ['201', 'US'],
    ['212', 'US'],
    ['213', 'US'],
    ['312', 'US'],
    ['415', 'US'],
    ['617', 'US'],
    ['713', 'US'],
    ['808', 'US'],
    ['416', 'CA'],
    ['604', 'CA'],
    ['514', 'CA'],
  ] as const;
  const cases = areas.flatMap(([area, country]) =>
    ['0100', '0142', '0199'].map((line) => ({ area, country, line })),
  );

  it.each(cases)(
    '($area) 555-$line is a $country number in every written form',
    ({ area, country, line }) => {
      const e164 = `+1${area}555${line}`;
      for (const written of [
        `+1 (${area}) 555-${line}`,
        `${area}.555.${line}`,
        `1-${area}-555-${line}`,
        `00 1 ${area} 555 ${line}`,
      ]) {
        const region = written.startsWith('00') ? 'GB' : 'US';
        expect(
          checkDialNumber(written, { defaultRegion: region, allowedCountries: [country] }),
        ).toMatchObject({
          ok: true,
          e164,
          country,
          areaCode: area,
        });
      }
    },
  );
});

describe('checkDialNumber: refused', () => {
  it.each([
    ['12', 'US', 'tooShort'],
    ['', 'US', 'tooShort'],
    ['call me', 'US', 'tooShort'],
    ['+1234567890123456789', 'US', 'tooLong'],
    ['+1234567890123456', 'US', 'tooLong'], // 16 digits: over E.164
    ['+0441234567', 'US', 'invalid'], // country codes never start with 0
    ['+999 1234 5678', 'US', 'invalid'], // no such country code
    ['+1 123 555 0143', 'US', 'invalid'], // area code starts with 1
    ['+1 202 055 0143', 'US', 'invalid'], // exchange starts with 0
    ['+1 202 555 014', 'US', 'invalid'], // one digit short
    ['555-0143', 'US', 'invalid'], // local number without its area code
    ['12+025550143', 'US', 'invalid'],
    ['+44 20 7946', 'US', 'invalid'],
    ['2079460958123', 'GB', 'invalid'],
    ['0201234567', 'XX', 'invalid'], // unknown account region
    ['911', 'US', 'notDialable'],
    ['411', 'US', 'notDialable'],
    ['999', 'GB', 'notDialable'],
    ['112', 'DE', 'notDialable'],
    ['*67 202 555 0143', 'US', 'notDialable'],
    ['#31#2025550143', 'US', 'notDialable'],
    ['+1 900 555 0123', 'US', 'notDialable'], // premium rate
    ['09098790123', 'GB', 'notDialable'], // premium rate
  ])('%s (region %s) -> %s', (input, region, reason) => {
    const result = checkDialNumber(input, { defaultRegion: region });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(reason);
    expect(!result.ok && result.message).toContain(`"${input}"`);
  });

  it.each(['1-800-FLOWERS', '+1 202 555 0143 ext. 12'])(
    'explains that letters are not dialled: %s',
    (input) => {
      const result = checkDialNumber(input, { defaultRegion: 'US' });
      expect(!result.ok && result.message).toContain('Letters are not dialled');
    },
  );

  it.each([
    ['0044 20 7946 0958', 'US', 'start with 011 or "+"'],
    ['011 44 20 7946 0958', 'GB', 'start with 00 or "+"'],
    ['011 44 20 7946 0958', 'AU', 'start with 0011 or "+"'],
  ])("%s in %s names the region's international prefix", (input, region, hint) => {
    const result = checkDialNumber(input, { defaultRegion: region });
    expect(!result.ok && result.message).toContain(hint);
  });

  it('refuses a number with nothing before ":"', () => {
    expect(checkDialNumber('::123')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('drops the "#" that ends keyed-in digits, but not a "#" inside the number', () => {
    expect(checkDialNumber('2025550143#')).toMatchObject({ ok: true, e164: '+12025550143' });
    expect(checkDialNumber('202#5550143')).toMatchObject({ ok: false, reason: 'notDialable' });
    expect(checkDialNumber('#31#2025550143#')).toMatchObject({ ok: false, reason: 'notDialable' });
  });

  it('never throws on odd input', () => {
    for (const input of [
      '+',
      '::::',
      '+:123',
      '0000000',
      '+000',
      '00',
      '011',
      '1'.repeat(18),
      '+'.repeat(20),
    ]) {
      expect(() => checkDialNumber(input, { defaultRegion: 'US' })).not.toThrow();
    }
  });
});

describe('checkDialNumber: country allowlist', () => {
  const allowedCountries = ['US', 'CA'];

  it.each([
    ['+12025550143', true],
    ['+14165550123', true],
    ['+442079460958', false],
    ['+18762345678', false], // Jamaica shares +1: the classic toll-fraud destination
    ['011 44 20 7946 0958', false],
  ])('%s allowed: %s', (input, allowed) => {
    const result = checkDialNumber(input, { defaultRegion: 'US', allowedCountries });
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.reason).toBe('countryNotAllowed');
  });

  it('names the country and the setting to change', () => {
    const result = checkDialNumber('+442079460958', { allowedCountries });
    expect(!result.ok && result.message).toMatch(/United Kingdom \(GB\).*account\.allowedCountries/);
    expect(result).toMatchObject({ country: 'GB', e164: '+442079460958' });
  });

  it('refuses a number whose country cannot be told when any candidate is not allowed', () => {
    const result = checkDialNumber('+1 999 555 1234', { allowedCountries });
    expect(result).toMatchObject({ ok: false, reason: 'countryNotAllowed' });
  });

  it('refuses non-geographic numbers under an allowlist, accepts them without one', () => {
    expect(checkDialNumber('+883 510 012 345', { allowedCountries })).toMatchObject({
      ok: false,
      reason: 'countryNotAllowed',
    });
    expect(checkDialNumber('+883 510 012 345')).toMatchObject({ ok: true, e164: '+883510012345' });
  });

  it('an empty allowlist allows no country', () => {
    expect(checkDialNumber('+12025550143', { allowedCountries: [] })).toMatchObject({
      ok: false,
      reason: 'countryNotAllowed',
    });
  });

  it('compares countries case-insensitively', () => {
    expect(checkDialNumber('+442079460958', { allowedCountries: ['gb'] }).ok).toBe(true);
  });
});

describe('checkDialNumber: special numbers the account allows', () => {
  const allowedCountries = ['US', 'CA'];
  it('dials an emergency or short code listed exactly, as it is written', () => {
    const result = checkDialNumber('911', { allowedCountries, allowedSpecialNumbers: ['911'] });
    expect(result).toMatchObject({ ok: true, e164: '911', kind: 'short' });
  });

  it('dials a listed premium number, written either way, in an allowed country', () => {
    for (const written of ['+1 900 555 0123', '(900) 555-0123']) {
      expect(
        checkDialNumber(written, {
          defaultRegion: 'US',
          allowedCountries,
          allowedSpecialNumbers: ['+19005550123'],
        }),
      ).toMatchObject({ ok: true, e164: '+19005550123', country: 'US' });
    }
  });

  it('allows nothing else: another short code, another premium number, a listed number abroad', () => {
    const allowedSpecialNumbers = ['911', '+19005550123'];
    for (const number of ['912', '411', '112', '+1 900 555 0124']) {
      expect(checkDialNumber(number, { allowedCountries, allowedSpecialNumbers })).toMatchObject({
        ok: false,
        reason: 'notDialable',
      });
    }
    expect(
      checkDialNumber('+19005550123', { allowedCountries: ['CA'], allowedSpecialNumbers }),
    ).toMatchObject({
      ok: false,
    });
    expect(checkDialNumber('911', { allowedCountries })).toMatchObject({ ok: false, reason: 'notDialable' });
  });
});
