import type { HoursResource } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { mondayOf, weekView } from './week-view';

const hours: HoursResource = {
  timeZone: 'America/New_York',
  weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '18:00' }],
  holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }],
  overrides: [{ name: 'Black Friday', from: '2026-11-28T09:00', to: '2026-11-28T15:00', open: true }],
};

describe('weekView', () => {
  it('starts on the Monday of the chosen date', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
  });

  it('names the rule deciding each hour: overrides, then holidays, then the weekly hours', () => {
    const week = weekView(hours, '2026-11-25');
    const at = (date: string, time: string) =>
      week.find((d) => d.date === date)!.cells.find((c) => c.time === time)!;
    expect(at('2026-11-23', '08:00')).toMatchObject({ open: false, rule: 'closed' });
    expect(at('2026-11-23', '09:00')).toMatchObject({ open: true, rule: 'weekly' });
    expect(at('2026-11-23', '17:00')).toMatchObject({ open: true, rule: 'weekly' });
    expect(at('2026-11-23', '18:00')).toMatchObject({ open: false, rule: 'closed' });
    expect(at('2026-11-26', '10:00')).toMatchObject({ open: false, rule: 'holiday' });
    expect(at('2026-11-28', '09:00')).toMatchObject({ open: true, rule: 'override' });
    expect(at('2026-11-28', '15:00')).toMatchObject({ open: false, rule: 'closed' });
    expect(week.map((d) => d.cells.length)).toEqual([24, 24, 24, 24, 24, 24, 24]);
  });

  it('refuses an unknown time zone', () => {
    expect(() => weekView({ ...hours, timeZone: 'Mars/Olympus' }, '2026-11-25')).toThrow(RangeError);
  });
});
