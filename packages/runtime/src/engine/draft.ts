import type { ContactSnapshot } from '../types.js';

/**
 * A working copy of a snapshot that the engine may change while the caller's copy stays as it was
 * (step() is pure). Only the objects the engine changes in place are copied; everything else (variable
 * values, trace entries, waits, timers) is replaced rather than mutated, so sharing it is safe and a
 * step costs a few small copies instead of a deep clone.
 */
export function draft(s: ContactSnapshot): ContactSnapshot {
  const copy: ContactSnapshot = {
    ...s,
    stack: s.stack.map((frame) => ({ ...frame })),
    system: { ...s.system },
    loops: { ...s.loops },
    whisper: { ...s.whisper },
    recording: { ...s.recording },
    sameBlock: { ...s.sameBlock },
  };
  if (s.queue) copy.queue = { ...s.queue };
  if (s.callback) copy.callback = { ...s.callback };
  return copy;
}
