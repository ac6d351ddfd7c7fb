import { describe, expect, it } from 'vitest';
import { block, flow, resources } from '../engine/test-support/fixtures.js';
import { end, run } from './test-support/run-block.js';

describe('checkHours', () => {
  const f = flow('h', 'inbound', 'hours', {
    hours: block('checkHours', { hours: 'business' }, { inHours: 'bye', outOfHours: 'bye', error: 'bye' }),
    bye: end(),
  });
  it('is inHours on a Monday at 10:00 New York time', () => {
    expect(run(f, { now: '2026-01-05T15:00:00Z' }).outcome('hours')).toBe('inHours');
  });
  it('is outOfHours on a Sunday', () => {
    expect(run(f, { now: '2026-01-04T15:00:00Z' }).outcome('hours')).toBe('outOfHours');
  });
  it('takes error for hours missing from resources', () => {
    const g = flow('h', 'inbound', 'hours', {
      hours: block('checkHours', { hours: 'nope' }, { inHours: 'bye', outOfHours: 'bye', error: 'bye' }),
      bye: end(),
    });
    expect(run(g).outcome('hours')).toBe('error');
  });

  it("without hours named, judges the working queue's own hours", () => {
    const r = resources();
    r.hours.weekend = {
      timeZone: 'America/New_York',
      weekly: [{ days: ['sat', 'sun'], open: '00:00', close: '24:00' }],
    };
    r.queues.support = { ...r.queues.support!, hours: 'weekend' };
    const g = flow('h', 'inbound', 'queue', {
      queue: block('setWorkingQueue', { queue: 'support' }, { success: 'hours', error: 'bye' }),
      hours: block('checkHours', {}, { inHours: 'bye', outOfHours: 'bye', error: 'bye' }),
      bye: end(),
    });
    // Sunday: closed by the business hours, open by the queue's own weekend hours.
    expect(run(g, { now: '2026-01-04T15:00:00Z', resources: r }).outcome('hours')).toBe('inHours');
    expect(run(g, { now: '2026-01-05T15:00:00Z', resources: r }).outcome('hours')).toBe('outOfHours');
  });
});
