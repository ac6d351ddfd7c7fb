import type { ContactSnapshot } from '../types.js';

/** A snapshot with nothing in it yet: the shape every contact kind starts from. */
export function blankSnapshot(
  kind: ContactSnapshot['kind'],
  contactId: string,
  flowId: string,
  version: number,
  now: number,
  dialedNumber: string,
  callerNumber?: string,
): ContactSnapshot {
  const s: ContactSnapshot = {
    format: 1,
    contactId,
    kind,
    flowId,
    version,
    versions: {},
    status: 'running',
    startedAt: now,
    dialedNumber,
    stack: [],
    variables: {},
    variableVersions: {},
    system: {},
    loops: {},
    whisper: {},
    recording: { state: 'off', who: 'both' },
    inConsult: false,
    timers: [],
    seen: [],
    seq: 0,
    steps: 0,
    sameBlock: { key: '', count: 0 },
    trace: [],
    traceCount: 0,
  };
  if (callerNumber !== undefined) s.callerNumber = callerNumber;
  return s;
}
