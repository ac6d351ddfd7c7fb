import { emptyResources, type Flow } from '@callflow/model';
import { describe, expect, it } from 'vitest';
import { callSetupProblem, defaultCallSetup, wallClock, zonedTimeToEpoch } from './call-setup';

const flow: Flow = {
  formatVersion: 1,
  id: 'main-line',
  name: 'Main line',
  type: 'inbound',
  start: 'bye',
  blocks: { bye: { type: 'disconnect', settings: {} } },
};

describe('call start time', () => {
  it('reads the wall clock in the business hours zone, winter and summer', () => {
    expect(new Date(zonedTimeToEpoch('2026-01-05T09:00', 'America/New_York')!).toISOString()).toBe(
      '2026-01-05T14:00:00.000Z',
    );
    expect(new Date(zonedTimeToEpoch('2026-07-06T09:00', 'America/New_York')!).toISOString()).toBe(
      '2026-07-06T13:00:00.000Z',
    );
    expect(new Date(zonedTimeToEpoch('2026-07-06T09:00', 'UTC')!).toISOString()).toBe(
      '2026-07-06T09:00:00.000Z',
    );
  });

  it('round-trips through the wall clock, across the autumn DST change', () => {
    for (const local of ['2026-11-01T00:30', '2026-11-01T03:15', '2026-03-08T12:00']) {
      expect(wallClock(new Date(zonedTimeToEpoch(local, 'America/New_York')!), 'America/New_York')).toBe(
        local,
      );
    }
  });

  // Each zone's 2026 changes: a wall time in the spring gap, and one shown twice in autumn.
  const at = (local: string, zone: string) => new Date(zonedTimeToEpoch(local, zone)!).toISOString();
  it.each([
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z', '2026-03-08T03:30'],
    ['America/Chicago', '2026-03-08T02:30', '2026-03-08T08:30:00.000Z', '2026-03-08T03:30'],
    ['America/Denver', '2026-03-08T02:00', '2026-03-08T09:00:00.000Z', '2026-03-08T03:00'],
    ['Europe/Paris', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z', '2026-03-29T03:30'],
    ['Europe/London', '2026-03-29T01:59', '2026-03-29T01:59:00.000Z', '2026-03-29T02:59'],
    ['Australia/Sydney', '2026-10-04T02:30', '2026-10-03T16:30:00.000Z', '2026-10-04T03:30'],
    ['Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:45:00.000Z', '2026-10-04T02:45'],
  ])('%s spring: skipped %s resolves after the jump', (zone, local, instant, readBack) => {
    expect(at(local, zone)).toBe(instant);
    expect(wallClock(new Date(instant), zone)).toBe(readBack);
    expect(readBack > local).toBe(true);
  });

  it.each([
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    ['America/Chicago', '2026-11-01T01:30', '2026-11-01T06:30:00.000Z'],
    ['Europe/Paris', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['Australia/Sydney', '2026-04-05T02:30', '2026-04-04T15:30:00.000Z'],
  ])('%s autumn: %s, shown twice, is the first of the two instants', (zone, local, instant) => {
    expect(at(local, zone)).toBe(instant);
    expect(wallClock(new Date(instant), zone)).toBe(local);
    // The second showing is exactly one hour later.
    expect(wallClock(new Date(Date.parse(instant) + 3_600_000), zone)).toBe(local);
  });

  it('round-trips every quarter hour of the change days in several zones', () => {
    const days: [string, string][] = [
      ['America/New_York', '2026-03-08'],
      ['America/Chicago', '2026-11-01'],
      ['Europe/Paris', '2026-03-29'],
      ['Australia/Sydney', '2026-10-04'],
    ];
    for (const [zone, day] of days) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
        const mm = String(minutes % 60).padStart(2, '0');
        const local = `${day}T${hh}:${mm}`;
        const shown = wallClock(new Date(zonedTimeToEpoch(local, zone)!), zone);
        // Only a skipped time reads back differently, and then always later.
        expect(shown >= local, `${zone} ${local} read back as ${shown}`).toBe(true);
      }
    }
  });

  it('refuses a malformed time', () => {
    expect(zonedTimeToEpoch('tomorrow at nine', 'UTC')).toBeUndefined();
  });
});

describe('default call', () => {
  it('dials the principal number, in the first business hours zone', () => {
    const resources = emptyResources();
    resources.account.principalNumber = 'main';
    resources.numbers.other = { number: '+12125550999', displayName: 'Other' };
    resources.numbers.main = { number: '+12125550100', displayName: 'Main' };
    resources.hours.office = { timeZone: 'Europe/Paris', weekly: [] };
    const setup = defaultCallSetup(resources, new Date('2026-01-05T08:00:00Z'));
    expect(setup).toMatchObject({
      to: '+12125550100',
      timeZone: 'Europe/Paris',
      localStart: '2026-01-05T09:00',
    });
  });

  it('works without resources', () => {
    const setup = defaultCallSetup(null, new Date('2026-01-05T08:00:00Z'));
    expect(setup.timeZone).toBe('UTC');
    expect(callSetupProblem(setup, flow)).toBeUndefined();
  });
});

describe('call setup problems', () => {
  const ok = defaultCallSetup(null, new Date('2026-01-05T08:00:00Z'));
  it('explains what to fix', () => {
    expect(callSetupProblem({ ...ok, from: '2025550123' }, flow)).toMatch(/caller number must be E\.164/);
    expect(callSetupProblem({ ...ok, to: '' }, flow)).toMatch(/dialled number/);
    expect(callSetupProblem({ ...ok, localStart: '' }, flow)).toMatch(/date and time/);
    expect(callSetupProblem(ok, { ...flow, type: 'module' })).toMatch(/Only inbound flows take calls/);
    expect(callSetupProblem(ok, { ...flow, start: 'missing' })).toMatch(/start block "missing"/);
  });
});
