import { describe, expect, it } from 'vitest';
import { emptyResources } from '../resources.js';
import { isAccountNumber } from './account-numbers.js';
import { areaCodeOf, areaOf, formatNumberForDisplay, regionOfNumber } from './number-info.js';

describe('regionOfNumber', () => {
  it.each([
    ['+12025550143', 'US'],
    ['+14165550123', 'CA'],
    ['+18762345678', 'JM'],
    ['+442079460958', 'GB'],
    ['+33142685300', 'FR'],
    ['+819012345678', 'JP'],
    ['+19995551234', undefined],
    ['2025550143', undefined],
    ['not a number', undefined],
  ])('%s -> %s', (e164, region) => {
    expect(regionOfNumber(e164)).toBe(region);
  });
});

describe('areaCodeOf', () => {
  it.each([
    ['+12025550143', '202'],
    ['+12125550100', '212'],
    ['+14165550123', '416'],
    ['+442079460958', '20'],
    ['+441614960000', '161'],
    ['+4930123456', '30'],
    ['+4989123456', '89'],
    ['+61291234567', '2'],
    ['+819012345678', '90'],
    ['', undefined],
    ['+0', undefined],
  ])('%s -> %s', (e164, areaCode) => {
    expect(areaCodeOf(e164)).toBe(areaCode);
  });
});

describe('areaOf', () => {
  it('keys on the country as well as the area code: +33 2, +61 2 and +32 2 are three places', () => {
    const rennes = areaOf('+33299123456');
    const sydney = areaOf('+61293744000');
    const brussels = areaOf('+3225551212');
    expect([rennes?.areaCode, sydney?.areaCode, brussels?.areaCode]).toEqual(['2', '2', '2']);
    expect([rennes?.key, sydney?.key, brussels?.key]).toEqual(['+33 2', '+61 2', '+32 2']);
    expect([rennes?.label, sydney?.label, brussels?.label]).toEqual(['2 (FR)', '2 (AU)', '2 (BE)']);
    expect(areaOf('+33298000000')?.key).toBe(rennes?.key);
  });

  it('treats the NANP as one plan: a Canadian and a US number never share an area code', () => {
    expect(areaOf('+14165550123')).toMatchObject({ countryCode: '1', areaCode: '416', key: '+1 416' });
    expect(areaOf('+12125550100')?.key).toBe('+1 212');
  });

  it('has none for a number without an area code', () => {
    expect(areaOf('')).toBeUndefined();
    expect(areaOf('2025550143')).toBeUndefined();
  });
});

describe('formatNumberForDisplay', () => {
  it.each([
    ['+12025550143', 'US', '(202) 555-0143'],
    ['+12025550143', 'GB', '+1 202 555 0143'],
    ['+12025550143', undefined, '+1 202 555 0143'],
    ['+442079460958', 'GB', '020 7946 0958'],
    ['+442079460958', 'us', '+44 20 7946 0958'],
    ['main', 'US', 'main'],
  ])('%s in %s -> %s', (e164, region, shown) => {
    expect(formatNumberForDisplay(e164, region === undefined ? {} : { region })).toBe(shown);
  });
});

describe('isAccountNumber', () => {
  const resources = {
    ...emptyResources(),
    numbers: {
      main: { number: '+12025550100', displayName: 'Main' },
      sales: { number: '+12025550101', displayName: 'Sales' },
    },
  };

  it.each([
    ['main', true],
    ['sales', true],
    ['+12025550100', true],
    ['+1 (202) 555-0101', true],
    ['+12025550199', false],
    ['support', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isAccountNumber(resources, value)).toBe(expected);
  });
});
