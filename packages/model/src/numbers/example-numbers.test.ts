// Every region's example mobile number from libphonenumber's metadata, written the three ways an agent
// may type it, must be read back to the same E.164 number and region.
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { checkDialNumber } from './check-dial-number.js';

const cases = getCountries()
  .map((region) => ({ region, example: getExampleNumber(region, examples) }))
  .filter((c) => c.example !== undefined)
  .map(({ region, example }) => ({
    region,
    e164: example!.number as string,
    international: example!.formatInternational(),
    national: example!.formatNational(),
  }));

describe('libphonenumber example numbers of every region', () => {
  it('covers most of the world', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases)('$region: $international', ({ region, e164, international, national }) => {
    const asE164 = checkDialNumber(international, { defaultRegion: 'US' });
    expect(asE164).toMatchObject({ ok: true, e164, kind: 'e164' });
    expect(checkDialNumber(`011 ${e164.slice(1)}`, { defaultRegion: 'US' })).toMatchObject({
      ok: true,
      e164,
    });
    expect(checkDialNumber(national, { defaultRegion: region })).toMatchObject({ ok: true, e164 });
    // Territories sharing a plan (CC, CX with AU; IM with GB) are read as the plan's main country.
    const country = asE164.ok ? asE164.country : undefined;
    expect(country).toBeDefined();
    expect(checkDialNumber(international, { allowedCountries: [country!] }).ok).toBe(true);
    expect(checkDialNumber(international, { allowedCountries: ['AQ'] })).toMatchObject({
      ok: false,
      reason: 'countryNotAllowed',
    });
  });
});
