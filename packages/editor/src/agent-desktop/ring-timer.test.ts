import { describe, expect, it } from 'vitest';
import { clockOffset, ringSecondsLeft } from './ring-timer';

const T = Date.parse('2026-12-07T10:00:00Z');

describe('the ring timer on the service’s clock', () => {
  it('counts to ringsUntil on the service’s time, wherever the browser’s clock stands', () => {
    // The service's clock is 12 s ahead (a test clock skipped forward); the offer rings until T + 20 s.
    const offset = clockOffset(new Date(T + 12_000).toISOString(), T - 100, T + 100);
    expect(offset).toBe(12_000);
    expect(ringSecondsLeft(new Date(T + 20_000).toISOString(), offset, T)).toBe(8);
    expect(ringSecondsLeft(new Date(T + 20_000).toISOString(), offset, T + 3_500)).toBe(5);
  });

  it('never counts below zero, and takes the browser’s clock when the service gave none', () => {
    expect(ringSecondsLeft(new Date(T).toISOString(), 0, T + 5_000)).toBe(0);
    expect(clockOffset(undefined, T, T)).toBe(0);
    expect(clockOffset('not a time', T, T)).toBe(0);
  });
});
