import { describe, expect, it } from 'vitest';
import { offerPage } from './offer-pages';

const offers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, at: 1000 - i }));

describe('the offer stack', () => {
  it('shows every offer, earliest first, without a page label while five or fewer wait', () => {
    const page = offerPage(offers(3), 0, (o) => o.at);
    expect(page.shown.map((o) => o.id)).toEqual(['c3', 'c2', 'c1']);
    expect(page.label).toBeNull();
    expect(offerPage(offers(5), 0, (o) => o.at).label).toBeNull();
  });

  it('says "1-5 of N" past five, and pages through the rest', () => {
    const first = offerPage(offers(7), 0, (o) => o.at);
    expect(first.label).toBe('1-5 of 7');
    expect(first.shown.map((o) => o.id)).toEqual(['c7', 'c6', 'c5', 'c4', 'c3']);
    const second = offerPage(offers(7), 1, (o) => o.at);
    expect(second.label).toBe('6-7 of 7');
    expect(second.shown.map((o) => o.id)).toEqual(['c2', 'c1']);
    // A page past the end (offers were taken meanwhile) shows the last one.
    expect(offerPage(offers(7), 9, (o) => o.at).label).toBe('6-7 of 7');
  });

  it('keeps offers made at the same time in the order they came', () => {
    const same = [
      { id: 'a', at: 5 },
      { id: 'b', at: 5 },
      { id: 'c', at: 1 },
    ];
    expect(offerPage(same, 0, (o) => o.at).shown.map((o) => o.id)).toEqual(['c', 'a', 'b']);
  });
});
