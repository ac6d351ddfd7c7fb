import type { Flow, Resources } from '@callflow/model';
import { localTime } from '@callflow/runtime';

/** What the admin fills in before placing a simulated call. */
export interface CallSetup {
  /** The caller's number (ANI), E.164. */
  from: string;
  /** The number dialled (DNIS), E.164. */
  to: string;
  /** Wall-clock start of the call, "YYYY-MM-DDTHH:MM", in {@link CallSetup.timeZone}. */
  localStart: string;
  /** IANA zone the start time is read in: the business hours' zone, so "Monday 08:59" means what it says. */
  timeZone: string;
}

const SAMPLE_CALLER = '+12025550123';

/**
 * A first call that works out of the box: a US caller dialling the account's principal number, now, in
 * the time zone of the first business hours the resources define (UTC without any).
 */
export function defaultCallSetup(resources: Resources | null, now: Date): CallSetup {
  const principal = resources?.numbers[resources.account.principalNumber]?.number;
  const firstNumber = Object.values(resources?.numbers ?? {})[0]?.number;
  const timeZone = Object.values(resources?.hours ?? {})[0]?.timeZone ?? 'UTC';
  return {
    from: SAMPLE_CALLER,
    to: principal ?? firstNumber ?? '+12125550100',
    localStart: wallClock(now, timeZone),
    timeZone,
  };
}

/** "YYYY-MM-DDTHH:MM" as the clocks of `timeZone` show instant `at` (the runtime's reading of hours). */
export function wallClock(at: Date, timeZone: string): string {
  const local = localTime(timeZone, at);
  return `${local.date}T${local.time}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const DAY_MS = 86_400_000;

/**
 * The instant at which the clocks of `timeZone` show `local` ("YYYY-MM-DDTHH:MM"), disambiguated as
 * Temporal's "compatible" mode and java.time do: a wall time shown twice (autumn) is the earlier instant;
 * a wall time skipped by a spring jump is read with the offset from before the jump, which lands as far
 * after the jump as the time was into the gap (02:30 on a New York spring-forward day is 03:30 EDT).
 * Undefined for malformed input.
 */
export function zonedTimeToEpoch(local: string, timeZone: string): number | undefined {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return undefined;
  // Minute-aligned instants only (asUtc and the candidates are): localTime reads to the minute.
  const offsetAt = (instant: number) => Date.parse(`${wallClock(new Date(instant), timeZone)}:00Z`) - instant;
  // Zones change offset at most once around a given day: the offsets a day before and a day after are
  // the two this wall time can mean.
  const before = offsetAt(asUtc - DAY_MS);
  const after = offsetAt(asUtc + DAY_MS);
  const shows = (instant: number) => wallClock(new Date(instant), timeZone) === local;
  const candidates = [asUtc - before, asUtc - after].filter(shows).sort((a, b) => a - b);
  return candidates[0] ?? asUtc - before;
}

/**
 * The problem with a setup, in words an admin can act on; undefined when the call can be placed. A call
 * on the service runs on the service's clock: `time: false` leaves the start time out.
 */
export function callSetupProblem(
  setup: CallSetup,
  flow: Flow,
  options: { time: boolean } = { time: true },
): string | undefined {
  if (flow.type !== 'inbound') {
    return `Only inbound flows take calls; "${flow.name}" is a ${flow.type} flow. Simulate the inbound flow that leads here.`;
  }
  if (!/^\+[1-9]\d{6,14}$/.test(setup.from.trim()))
    return 'The caller number must be E.164, like +12025550123.';
  if (!/^\+[1-9]\d{6,14}$/.test(setup.to.trim()))
    return 'The dialled number must be E.164, like +12125550100.';
  if (options.time && zonedTimeToEpoch(setup.localStart, setup.timeZone) === undefined)
    return 'Pick a date and time for the call.';
  if (!flow.blocks[flow.start]) return `The start block "${flow.start}" does not exist.`;
  return undefined;
}
