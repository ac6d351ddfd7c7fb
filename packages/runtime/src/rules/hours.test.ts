import type { HoursResource } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { isOpen, localTime } from './hours.js';

const newYork: HoursResource = {
  timeZone: 'America/New_York',
  weekly: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' },
    { days: ['sat'], open: '10:00', close: '14:00' },
  ],
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
  overrides: [
    { name: 'Storm closure', from: '2026-03-10T12:00', to: '2026-03-11T00:00', open: false },
    { name: 'Christmas hotline', from: '2026-12-25T10:00', to: '2026-12-25T12:00', open: true },
  ],
};

const at = (iso: string) => isOpen(newYork, new Date(iso));

describe('isOpen', () => {
  it('is open inside weekly hours and closed outside, by the local wall clock', () => {
    expect(at('2026-03-09T14:00:00Z')).toMatchObject({ open: true, rule: 'weekly' }); // Mon 10:00 EDT
    expect(at('2026-03-09T21:00:00Z')).toMatchObject({ open: false, rule: 'closed' }); // Mon 17:00 EDT
    expect(at('2026-03-09T20:59:00Z')).toMatchObject({ open: true, rule: 'weekly' }); // Mon 16:59
    expect(at('2026-03-08T16:00:00Z')).toMatchObject({ open: false, rule: 'closed' }); // Sun 12:00
    expect(at('2026-03-07T16:00:00Z')).toMatchObject({ open: true, rule: 'weekly' }); // Sat 11:00 EST
  });

  it('follows daylight saving time: 09:00 local is 14:00Z in winter and 13:00Z in summer', () => {
    expect(at('2026-01-05T13:30:00Z')).toMatchObject({ open: false }); // Mon 08:30 EST
    expect(at('2026-01-05T14:00:00Z')).toMatchObject({ open: true }); // Mon 09:00 EST
    expect(at('2026-07-06T13:00:00Z')).toMatchObject({ open: true }); // Mon 09:00 EDT
    expect(at('2026-07-06T12:59:00Z')).toMatchObject({ open: false }); // Mon 08:59 EDT
    // The Monday after the spring change (8 March 2026): 09:00 EDT = 13:00Z.
    expect(at('2026-03-09T13:00:00Z')).toMatchObject({ open: true });
  });

  it('judges both passes of the repeated hour at the end of daylight saving time by the wall clock', () => {
    const night: HoursResource = {
      timeZone: 'America/New_York',
      weekly: [],
      overrides: [{ name: 'Maintenance line', from: '2026-11-01T01:00', to: '2026-11-01T02:00', open: true }],
    };
    expect(isOpen(night, new Date('2026-11-01T05:30:00Z'))).toMatchObject({ open: true }); // 01:30 EDT
    expect(isOpen(night, new Date('2026-11-01T06:30:00Z'))).toMatchObject({ open: true }); // 01:30 EST
    expect(isOpen(night, new Date('2026-11-01T07:00:00Z'))).toMatchObject({ open: false }); // 02:00 EST
  });

  it('follows southern-hemisphere daylight saving time (Sydney)', () => {
    const sydney: HoursResource = {
      timeZone: 'Australia/Sydney',
      weekly: [{ days: ['mon'], open: '09:00', close: '17:00' }],
    };
    // January is summer (UTC+11): 09:00 local is 22:00Z on Sunday; July is winter (UTC+10): 23:00Z.
    expect(isOpen(sydney, new Date('2026-01-11T22:00:00Z'))).toMatchObject({ open: true });
    expect(isOpen(sydney, new Date('2026-07-05T22:30:00Z'))).toMatchObject({ open: false });
    expect(isOpen(sydney, new Date('2026-07-05T23:00:00Z'))).toMatchObject({ open: true });
  });

  it('closes on a holiday even inside weekly hours', () => {
    const result = at('2026-12-25T15:00:00Z'); // Fri 10:00 EST... inside the hotline override
    expect(result).toMatchObject({ open: true, rule: 'override' });
    expect(at('2026-12-25T18:00:00Z')).toMatchObject({ open: false, rule: 'holiday' }); // Fri 13:00
    expect(at('2026-12-25T18:00:00Z').detail).toContain('Christmas');
  });

  it('lets an override win over weekly hours, in both directions', () => {
    expect(at('2026-03-10T17:00:00Z')).toMatchObject({ open: false, rule: 'override' }); // Tue 13:00
    expect(at('2026-03-10T17:00:00Z').detail).toContain('Storm closure');
    expect(at('2026-03-10T15:00:00Z')).toMatchObject({ open: true, rule: 'weekly' }); // Tue 11:00, before it
  });

  it('judges the holiday by the local date, not the UTC date', () => {
    // 26 Dec 02:00Z is still 25 Dec 21:00 in New York.
    expect(at('2026-12-26T02:00:00Z')).toMatchObject({ rule: 'holiday' });
  });

  it('handles hours that run past midnight', () => {
    const night: HoursResource = {
      timeZone: 'Europe/London',
      weekly: [{ days: ['fri'], open: '22:00', close: '02:00' }],
    };
    expect(isOpen(night, new Date('2026-01-09T23:00:00Z'))).toMatchObject({ open: true }); // Fri 23:00
    expect(isOpen(night, new Date('2026-01-10T01:30:00Z'))).toMatchObject({ open: true }); // Sat 01:30
    expect(isOpen(night, new Date('2026-01-10T02:00:00Z'))).toMatchObject({ open: false }); // Sat 02:00
    expect(isOpen(night, new Date('2026-01-09T01:00:00Z'))).toMatchObject({ open: false }); // Fri 01:00
  });

  it('treats 24:00 as the end of the day', () => {
    const allDay: HoursResource = {
      timeZone: 'UTC',
      weekly: [{ days: ['mon'], open: '00:00', close: '24:00' }],
    };
    expect(isOpen(allDay, new Date('2026-03-09T23:59:00Z'))).toMatchObject({ open: true });
    expect(isOpen(allDay, new Date('2026-03-10T00:00:00Z'))).toMatchObject({ open: false });
  });

  it('refuses an unknown time zone with a RangeError (the resources validator refuses it first)', () => {
    expect(() => isOpen({ timeZone: 'Mars/Olympus', weekly: [] }, new Date())).toThrow(RangeError);
  });

  it('says which local time it judged', () => {
    expect(at('2026-03-09T14:00:00Z').detail).toBe(
      'open mon,tue,wed,thu,fri 09:00-17:00 at mon 2026-03-09 10:00 America/New_York',
    );
  });
});

describe('localTime', () => {
  it('reads the wall clock of any IANA zone', () => {
    expect(localTime('Asia/Kolkata', new Date('2026-06-01T20:00:00Z'))).toEqual({
      date: '2026-06-02',
      time: '01:30',
      weekday: 'tue',
    });
    expect(localTime('UTC', new Date('2026-06-01T00:00:00Z'))).toEqual({
      date: '2026-06-01',
      time: '00:00',
      weekday: 'mon',
    });
  });
});
