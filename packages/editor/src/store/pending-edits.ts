/**
 * Edits that are on screen but not applied to the flow: JSON text that does not parse, a default
 * longer than a variable may hold, a number that is not whole, a block id being typed. The field keeps
 * the text (so nothing typed is thrown away) and registers it here, so that saving refuses with a
 * message naming the place, the Problems tab lists it, and "Saved" is never shown while one exists.
 * The text is kept here too, so the field shows it again after a tab switch unmounted it.
 */
import type { Flow, Problem } from '@callflow/model';

export interface PendingEdit {
  /** Where it is, in the words of the screen: "the JSON view", "Default of variable customerTier". */
  where: string;
  /** The text as typed. */
  text: string;
  /** Why it is not applied: a catalogue code, a message, and the pointer of the field it belongs to. */
  problem: Problem;
  /** The side-panel tab that holds the field. */
  tab: 'properties' | 'variables' | 'json';
}

export type PendingEdits = Readonly<Record<string, PendingEdit>>;

export const NO_PENDING_EDITS: PendingEdits = Object.freeze({});

/** An error problem for a pending edit, addressed like a problem of the flow. */
export function pendingProblem(code: string, message: string, path: string, blockId?: string): Problem {
  const problem: Problem = { code, severity: 'error', message, path };
  if (blockId !== undefined) problem.blockId = blockId;
  return problem;
}

export function withPending(pending: PendingEdits, key: string, edit: PendingEdit | null): PendingEdits {
  const old = pending[key];
  if (!edit) {
    if (!old) return pending;
    const { [key]: _gone, ...rest } = pending;
    return Object.keys(rest).length === 0 ? NO_PENDING_EDITS : rest;
  }
  if (old && sameEdit(old, edit)) return pending;
  return { ...pending, [key]: edit };
}

function sameEdit(a: PendingEdit, b: PendingEdit): boolean {
  return (
    a.where === b.where &&
    a.text === b.text &&
    a.tab === b.tab &&
    a.problem.code === b.problem.code &&
    a.problem.message === b.problem.message &&
    a.problem.path === b.problem.path &&
    a.problem.line === b.problem.line &&
    a.problem.column === b.problem.column
  );
}

/**
 * Drops the edits whose subject is gone (the block was deleted, the variable removed): there is no
 * field left to show or fix them in, and they must not block saving forever.
 */
export function keepLiving(pending: PendingEdits, flow: Flow): PendingEdits {
  let kept = pending;
  for (const [key, edit] of Object.entries(pending)) {
    if (!subjectExists(flow, edit.problem.path)) kept = withPending(kept, key, null);
  }
  return kept;
}

/**
 * True when what the pointer is about exists: its first two steps (`/blocks/<id>`, `/variables/<name>`),
 * three for a module parameter (`/module/inputs/<name>`).
 */
function subjectExists(flow: Flow, pointer: string): boolean {
  const [collection, name, parameter] = pointer.split('/').slice(1, 4).map(unescapeStep);
  if (collection === undefined || name === undefined) return true;
  if (collection === 'module') {
    const side = flow.module?.[name as 'inputs' | 'outputs'];
    return parameter === undefined || (!!side && Object.hasOwn(side, parameter));
  }
  const container = (flow as unknown as Record<string, unknown>)[collection];
  return !!container && typeof container === 'object' && Object.hasOwn(container, name);
}

function unescapeStep(step: string): string {
  return step.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Follows a rename (a block id, a variable or module parameter name): the edits held for the fields of
 * `from` (`/blocks/old`) move to `to` (`/blocks/new`), so renaming never drops what was typed elsewhere
 * in the same form. `where` names the new name.
 */
export function renameSubject(
  pending: PendingEdits,
  from: string,
  to: string,
  names: { from: string; to: string },
): PendingEdits {
  const moved = (text: string) =>
    text === from || text.startsWith(`${from}/`) || text.startsWith(`${from}#`)
      ? to + text.slice(from.length)
      : null;
  const word = new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegExp(names.from)}(?=$|[^A-Za-z0-9_-])`, 'g');
  let out = pending;
  for (const [key, edit] of Object.entries(pending)) {
    const newKey = moved(key);
    if (newKey === null) continue;
    const problem = { ...edit.problem, path: moved(edit.problem.path) ?? edit.problem.path };
    if (problem.blockId === names.from) problem.blockId = names.to;
    const where = edit.where.replace(word, `$1${names.to}`);
    out = withPending(withPending(out, key, null), newKey, { ...edit, where, problem });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a refused save says: each place that holds an edit not applied, and what is wrong there. */
export function pendingSummary(pending: PendingEdits): string {
  const edits = Object.values(pending);
  if (edits.length === 1) {
    const [edit] = edits as [PendingEdit];
    return `${edit.where} holds an edit that is not applied — ${edit.problem.message} Fix it (or undo it), then save.`;
  }
  return `${edits.length} edits are not applied (${edits.map((e) => e.where).join('; ')}). Fix them (Problems lists them), then save.`;
}
