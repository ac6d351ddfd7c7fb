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
