import { MAX_JSON_VARIABLE_BYTES } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { coerceValue } from './coerce.js';

const ok = (value: unknown) => ({ ok: true, value });

describe('coerceValue', () => {
  it('keeps text up to 256 characters and refuses longer text without cutting it', () => {
    expect(coerceValue('string', 'x'.repeat(256))).toEqual(ok('x'.repeat(256)));
    const long = coerceValue('string', 'x'.repeat(257));
    expect(long).toEqual({ ok: false, reason: '257 characters; a variable holds at most 256' });
    expect(coerceValue('string', 42)).toEqual(ok('42'));
    expect(coerceValue('string', false)).toEqual(ok('false'));
    expect(coerceValue('string', { a: 1 })).toMatchObject({ ok: false, reason: 'object is not text' });
    expect(coerceValue('string', null)).toMatchObject({ ok: false });
  });

  it('reads booleans from true/false words and 1/0', () => {
    expect(coerceValue('boolean', 'TRUE')).toEqual(ok(true));
    expect(coerceValue('boolean', '0')).toEqual(ok(false));
    expect(coerceValue('boolean', 1)).toEqual(ok(true));
    expect(coerceValue('boolean', 'yes')).toMatchObject({ ok: false, reason: '"yes" is not true or false' });
  });

  it('parses integers exactly and refuses fractions, text and unsafe sizes', () => {
    expect(coerceValue('integer', '42')).toEqual(ok(42));
    expect(coerceValue('integer', ' -7 ')).toEqual(ok(-7));
    expect(coerceValue('integer', '007')).toEqual(ok(7));
    expect(coerceValue('integer', 3)).toEqual(ok(3));
    expect(coerceValue('integer', '4.5')).toMatchObject({ ok: false });
    expect(coerceValue('integer', 4.5)).toMatchObject({ ok: false, reason: '4.5 is not a whole number' });
    expect(coerceValue('integer', '')).toMatchObject({ ok: false });
    expect(coerceValue('integer', '0x10')).toMatchObject({ ok: false });
    expect(coerceValue('integer', '9007199254740993')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too large/),
    });
  });

  it('parses decimals and refuses NaN, Infinity and words', () => {
    expect(coerceValue('decimal', '12.50')).toEqual(ok(12.5));
    expect(coerceValue('decimal', '.5')).toEqual(ok(0.5));
    expect(coerceValue('decimal', '1e3')).toEqual(ok(1000));
    expect(coerceValue('decimal', Number.NaN)).toMatchObject({ ok: false });
    expect(coerceValue('decimal', Number.POSITIVE_INFINITY)).toMatchObject({ ok: false });
    expect(coerceValue('decimal', 'Infinity')).toMatchObject({ ok: false });
    expect(coerceValue('decimal', '12,5')).toMatchObject({ ok: false });
  });

  it('accepts ISO 8601 date-times with an offset only, and real dates only', () => {
    expect(coerceValue('dateTime', '2026-03-01T09:30:00Z')).toEqual(ok('2026-03-01T09:30:00Z'));
    expect(coerceValue('dateTime', '2026-03-01T09:30-05:00')).toEqual(ok('2026-03-01T09:30-05:00'));
    expect(coerceValue('dateTime', '2026-03-01T09:30:00.123+01:00')).toMatchObject({ ok: true });
    expect(coerceValue('dateTime', new Date('2026-03-01T09:30:00Z'))).toEqual(ok('2026-03-01T09:30:00.000Z'));
    expect(coerceValue('dateTime', '2026-03-01T09:30:00')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/offset/),
    });
    expect(coerceValue('dateTime', '2028-02-29T00:00:00Z')).toMatchObject({ ok: true });
    expect(coerceValue('dateTime', '2026-02-29T00:00:00Z')).toMatchObject({ ok: false });
    expect(coerceValue('dateTime', '2026-02-30T09:30:00Z')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a real date/),
    });
    expect(coerceValue('dateTime', '2026-03-01T24:30:00Z')).toMatchObject({ ok: false });
    expect(coerceValue('dateTime', 'March 1st')).toMatchObject({ ok: false });
    expect(coerceValue('dateTime', 1772357400000)).toMatchObject({ ok: false });
  });

  it('keeps JSON within the size cap and refuses what JSON cannot hold', () => {
    expect(coerceValue('json', { items: [1, 'two', null] })).toEqual(ok({ items: [1, 'two', null] }));
    expect(coerceValue('json', 'text')).toEqual(ok('text'));
    const big = { text: 'é'.repeat(MAX_JSON_VARIABLE_BYTES / 2) };
    expect(coerceValue('json', big)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/bytes of JSON/),
    });
    expect(coerceValue('json', { n: Number.NaN })).toMatchObject({ ok: false });
    expect(coerceValue('json', { d: new Date() })).toMatchObject({ ok: false });
    expect(coerceValue('json', undefined)).toMatchObject({ ok: false });
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(coerceValue('json', loop)).toMatchObject({ ok: false });
  });
});
