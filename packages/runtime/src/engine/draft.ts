import type { ContactSnapshot, Frame } from '../types.js';

/**
 * A working copy of a snapshot that the engine may change while the caller's copy stays as it was
 * (step() is pure). Only the objects the engine changes in place are copied; everything else (variable
 * values, trace entries, waits, timers) is replaced rather than mutated, so sharing it is safe and a
 * step costs a few small copies instead of a deep clone.
 *
 * The copy is written out field by field rather than with object spread: snapshots come in many shapes
 * (optional fields, JSON from anywhere), and spreading them made V8 take its slow generic path; this was
 * the largest cost of a step once the XState transitions were memoised (docs/runtime.md).
 */
export function draft(s: ContactSnapshot): ContactSnapshot {
  const copy: ContactSnapshot = {
    format: s.format,
    contactId: s.contactId,
    kind: s.kind,
    flowId: s.flowId,
    version: s.version,
    versions: s.versions,
    status: s.status,
    startedAt: s.startedAt,
    dialedNumber: s.dialedNumber,
    stack: s.stack.map(copyFrame),
    variables: s.variables,
    variableVersions: s.variableVersions,
    system: { ...s.system },
    loops: { ...s.loops },
    whisper: { ...s.whisper },
    recording: { ...s.recording },
    inConsult: s.inConsult,
    timers: s.timers,
    seen: s.seen,
    seq: s.seq,
    steps: s.steps,
    sameBlock: { key: s.sameBlock.key, count: s.sameBlock.count },
    trace: s.trace,
    traceCount: s.traceCount,
  };
  if (s.endReason !== undefined) copy.endReason = s.endReason;
  if (s.callerNumber !== undefined) copy.callerNumber = s.callerNumber;
  if (s.queue !== undefined) copy.queue = { ...s.queue };
  if (s.outboundCallerId !== undefined) copy.outboundCallerId = s.outboundCallerId;
  if (s.callback !== undefined) copy.callback = { ...s.callback };
  if (s.transfer !== undefined) copy.transfer = s.transfer;
  if (s.consultLeg !== undefined) copy.consultLeg = s.consultLeg;
  if (s.callbackPrompt !== undefined) copy.callbackPrompt = s.callbackPrompt;
  if (s.secrets !== undefined) copy.secrets = s.secrets;
  if (s.keysFor !== undefined) copy.keysFor = s.keysFor;
  if (s.secureCopies !== undefined) copy.secureCopies = s.secureCopies;
  if (s.queueFlow !== undefined) copy.queueFlow = s.queueFlow;
  if (s.routing !== undefined) copy.routing = s.routing;
  return copy;
}

function copyFrame(f: Frame): Frame {
  const frame: Frame = { kind: f.kind, flowId: f.flowId, version: f.version, block: f.block, steps: f.steps };
  if (f.wait !== undefined) frame.wait = f.wait;
  if (f.vars !== undefined) frame.vars = f.vars;
  return frame;
}
