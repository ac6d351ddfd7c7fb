import { describe, expect, it } from 'vitest';
import { emptyResources } from '../resources.js';
import { isAccountNumber } from './account-numbers.js';
import { areaCodeOf, formatNumberForDisplay, regionOfNumber } from './number-info.js';

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
