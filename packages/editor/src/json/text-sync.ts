/**
 * Two-way sync between the flow document and the JSON text. Canvas edits become one minimal text
 * replacement (so Monaco keeps the cursor and its undo stack); text edits apply to the flow only when
 * the text parses and matches the schema, so a half-typed document never breaks the canvas.
 */
import type { Flow, Problem } from '@callflow/model';
import { schemaProblems } from '../flow-checks';

export interface TextReplacement {
  /** 0-based offsets into the old text. */
  start: number;
  end: number;
  text: string;
}

/** The smallest single replacement turning `before` into `after` (null when they are equal). */
export function minimalReplacement(before: string, after: string): TextReplacement | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

export type TextApplication =
  | { ok: true; flow: Flow }
  | { ok: false; reason: 'id'; message: string }
  | { ok: false; reason: 'parse'; message: string; line?: number; column?: number }
  | { ok: false; reason: 'schema'; problems: Problem[] };

/**
 * Reads edited JSON text as a flow, or says why it cannot be applied yet. The flow id is the file's
 * name on the server, so the text may not change it (a copy under a new id is New flow or Import).
 */
export function readFlowText(text: string, currentId?: string): TextApplication {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const failure: TextApplication = { ok: false, reason: 'parse', message };
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset).split('\n');
      failure.line = before.length;
      failure.column = before.at(-1)!.length + 1;
    }
    return failure;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'parse', message: 'The document must be a JSON object.' };
  }
  const problems = schemaProblems(value).filter((p) => p.severity === 'error');
  if (problems.length > 0) return { ok: false, reason: 'schema', problems };
  const flow = value as Flow;
  if (typeof flow.blocks !== 'object' || flow.blocks === null || typeof flow.id !== 'string') {
    return { ok: false, reason: 'parse', message: 'A flow needs at least an id and blocks.' };
  }
  if (currentId !== undefined && flow.id !== currentId) {
    return {
      ok: false,
      reason: 'id',
      message: `The id stays "${currentId}" here; to copy the flow under a new id, export it and import the edited file.`,
    };
  }
  return { ok: true, flow };
}
