import type { JsonValue } from '@callflow/model';
import type { ContactSnapshot, Frame, Timer } from '../types.js';

/**
 * The stored form of a contact snapshot. A snapshot is saved and restored on every event, and as a
 * plain JSON object it was about 600 bytes, mostly key names and fields still at their defaults: that
 * text was most of the cost of an event. Format 2 is a JSON array: the fields every contact has, by
 * position; frames and timers as arrays; a frame's flow and version left out when they are the contact's
 * own; every other field in one trailing object, and only when it differs from a blank contact's value.
 * Reading fills the defaults back in, so the engine always works on the full object (format 1 in memory).
 * Format 1 text (a plain object, written before) is still read as it is.
 */
const STORED_FORMAT = 2;

/** Fields stored by position (the rest go into the trailing object). */
type Positional =
  | 'format'
  | 'contactId'
  | 'kind'
  | 'flowId'
  | 'version'
  | 'status'
  | 'startedAt'
  | 'dialedNumber'
  | 'callerNumber'
  | 'stack'
  | 'timers'
  | 'seq'
  | 'steps'
  | 'traceCount'
  | 'keysFor';

/**
 * Every other field, each named once in `restOf`; this list makes the compiler say when a new snapshot
 * field is missing there (the record must name each field the positions do not hold).
 */
const REST_FIELDS = {
  versions: true,
  endReason: true,
  variables: true,
  variableVersions: true,
  system: true,
  loops: true,
  queue: true,
  whisper: true,
  queueFlow: true,
  routing: true,
  outboundCallerId: true,
  recording: true,
  inConsult: true,
  callbackPrompt: true,
  callback: true,
  transfer: true,
  consultLeg: true,
  seen: true,
  sameBlock: true,
  trace: true,
  secrets: true,
  secureCopies: true,
} as const satisfies Record<Exclude<keyof ContactSnapshot, Positional>, true>;

type StoredFrame = [string, string | null, number | null, string, number, JsonValue, JsonValue?];

export function encodeSnapshot(s: ContactSnapshot): string {
  const frames: StoredFrame[] = [];
  for (const f of s.stack) {
    const frame: StoredFrame = [
      f.kind,
      f.flowId === s.flowId ? null : f.flowId,
      f.version === s.version ? null : f.version,
      f.block,
      f.steps,
      (f.wait as unknown as JsonValue) ?? 0,
    ];
    if (f.vars !== undefined) frame.push(f.vars);
    frames.push(frame);
  }
  const timers: (string | number)[] = [];
  for (const t of s.timers) timers.push(t.id, t.at, t.event);
  return JSON.stringify([
    STORED_FORMAT,
    s.contactId,
    s.kind,
    s.flowId,
    s.version,
    s.status,
    s.startedAt,
    s.dialedNumber,
    s.callerNumber ?? 0,
    frames,
    timers,
    s.seq,
    s.steps,
    s.traceCount,
    s.keysFor ?? 0,
    restOf(s) ?? 0,
  ]);
}

/**
 * The fields not stored by position that differ from a blank contact's; undefined when none do. Each
 * field is read by name: walking the snapshot's keys through a set of positional names, then reading
 * each by a computed key, was about a tenth of an event's cost (docs/performance.md).
 */
function restOf(s: ContactSnapshot): Partial<Record<keyof typeof REST_FIELDS, unknown>> | undefined {
  const rest: Partial<Record<keyof typeof REST_FIELDS, unknown>> = {};
  let any = false;
  if (!isEmptyObject(s.versions)) any = put(rest, 'versions', s.versions);
  if (s.endReason !== undefined) any = put(rest, 'endReason', s.endReason);
  if (!isEmptyObject(s.variables)) any = put(rest, 'variables', s.variables);
  if (!isEmptyObject(s.variableVersions)) any = put(rest, 'variableVersions', s.variableVersions);
  if (!isEmptyObject(s.system)) any = put(rest, 'system', s.system);
  if (!isEmptyObject(s.loops)) any = put(rest, 'loops', s.loops);
  if (s.queue !== undefined) any = put(rest, 'queue', s.queue);
  if (!isEmptyObject(s.whisper)) any = put(rest, 'whisper', s.whisper);
  if (s.queueFlow !== undefined) any = put(rest, 'queueFlow', s.queueFlow);
  if (s.routing !== undefined) any = put(rest, 'routing', s.routing);
  if (s.outboundCallerId !== undefined) any = put(rest, 'outboundCallerId', s.outboundCallerId);
  const r = s.recording;
  if (r !== undefined && !(r.state === 'off' && r.who === 'both' && Object.keys(r).length === 2))
    any = put(rest, 'recording', r);
  if (s.inConsult !== undefined && s.inConsult !== false) any = put(rest, 'inConsult', s.inConsult);
  if (s.callbackPrompt !== undefined) any = put(rest, 'callbackPrompt', s.callbackPrompt);
  if (s.callback !== undefined) any = put(rest, 'callback', s.callback);
  if (s.transfer !== undefined) any = put(rest, 'transfer', s.transfer);
  if (s.consultLeg !== undefined) any = put(rest, 'consultLeg', s.consultLeg);
  if (!isEmptyArray(s.seen)) any = put(rest, 'seen', s.seen);
  const b = s.sameBlock;
  if (b !== undefined && !(b.key === '' && b.count === 0 && Object.keys(b).length === 2))
    any = put(rest, 'sameBlock', b);
  if (!isEmptyArray(s.trace)) any = put(rest, 'trace', s.trace);
  if (s.secrets !== undefined) any = put(rest, 'secrets', s.secrets);
  if (s.secureCopies !== undefined) any = put(rest, 'secureCopies', s.secureCopies);
  return any ? rest : undefined;
}

function put<K extends keyof typeof REST_FIELDS>(
  rest: Partial<Record<keyof typeof REST_FIELDS, unknown>>,
  key: K,
  value: unknown,
): true {
  rest[key] = value;
  return true;
}

/** An empty array, or a value left out (reading gives a blank contact's empty array back). */
function isEmptyArray(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

/** An empty plain object, or a value left out (reading gives a blank contact's empty object back). */
function isEmptyObject(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const _ in value) return false;
  return true;
}

/** Reads format 2 (an array) or format 1 (a plain object); undefined when the text is neither. */
export function decodeSnapshot(text: string): ContactSnapshot | undefined {
  const value = JSON.parse(text) as unknown;
  if (Array.isArray(value)) return value[0] === STORED_FORMAT ? fromArray(value) : undefined;
  const old = value as Record<string, unknown> | null;
  if (old?.format !== 1 || typeof old.contactId !== 'string' || !Array.isArray(old.stack)) return undefined;
  return old as unknown as ContactSnapshot;
}

function fromArray(a: unknown[]): ContactSnapshot | undefined {
  const [, contactId, kind, flowId, version, status, startedAt, dialedNumber, caller, frames, timers] = a;
  if (typeof contactId !== 'string' || !Array.isArray(frames) || !Array.isArray(timers)) return undefined;
  const s = {
    format: 1,
    contactId,
    kind,
    flowId,
    version,
    versions: {},
    status,
    startedAt,
    dialedNumber,
    stack: (frames as StoredFrame[]).map((f) => toFrame(f, flowId as string, version as number)),
    variables: {},
    variableVersions: {},
    system: {},
    loops: {},
    whisper: {},
    recording: { state: 'off', who: 'both' },
    inConsult: false,
    timers: toTimers(timers as (string | number)[]),
    seen: [],
    seq: a[11],
    steps: a[12],
    sameBlock: { key: '', count: 0 },
    trace: [],
    traceCount: a[13],
  } as ContactSnapshot;
  if (caller !== 0) s.callerNumber = caller as string;
  if (a[14] !== 0) s.keysFor = a[14] as string;
  const rest = a[15];
  if (rest !== 0) Object.assign(s, rest);
  return s;
}

function toFrame(f: StoredFrame, flowId: string, version: number): Frame {
  const frame: Frame = {
    kind: f[0] as Frame['kind'],
    flowId: f[1] ?? flowId,
    version: f[2] ?? version,
    block: f[3],
    steps: f[4],
  };
  if (f[5] !== 0) frame.wait = f[5] as unknown as Frame['wait'];
  if (f.length > 6) frame.vars = f[6] as Record<string, JsonValue>;
  return frame;
}

function toTimers(flat: (string | number)[]): Timer[] {
  const timers: Timer[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const timer = { id: flat[i], at: flat[i + 1] } as Timer;
    // A timer written without its event (JSON gives null for it inside an array) reads back without one.
    if (flat[i + 2] !== null) timer.event = flat[i + 2] as string;
    timers.push(timer);
  }
  return timers;
}
