/**
 * Undo history over whole flow documents. Documents are immutable and share unchanged parts, so a
 * long history stays cheap. Consecutive edits with the same `coalesce` key (typing in one field)
 * become one undo step.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key of the last edit, for coalescing. */
  lastKey?: string;
}

export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function record<T>(history: History<T>, next: T, coalesce?: string): History<T> {
  if (next === history.present) return history;
  if (coalesce !== undefined && coalesce === history.lastKey) {
    return { past: history.past, present: next, future: [], lastKey: coalesce };
  }
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  const out: History<T> = { past, present: next, future: [] };
  if (coalesce !== undefined) out.lastKey = coalesce;
  return out;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future };
}
