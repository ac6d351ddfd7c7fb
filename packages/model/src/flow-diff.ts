/**
 * What changed between two versions of a flow, as an admin reviews it: blocks added, removed and
 * changed (settings field by field, outcomes rewired, label, type), variables, the popover and the
 * flow's own settings, and the canvas's notes (added, removed, text, colour or block changed). Where
 * blocks and notes sit on the canvas (`layout`, a note's x and y) is left out, so a move-only edit
 * diffs as nothing. Pure: the designer, the CLI (`callflow diff`) and a
 * pull-request comment all read the same answer.
 */
import { dequal } from 'dequal';
import type { Block, Flow, Note, VariableDeclaration } from './flow.js';

/** One value that differs; `path` names it inside its unit (`prompt.text`, `options[1].key`). */
export interface FieldChange {
  path: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

export interface OutcomeChange {
  outcome: string;
  /** Target block before; absent when the outcome was not wired. */
  before?: string;
  /** Target block after; absent when it is no longer wired. */
  after?: string;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface BlockChange {
  id: string;
  kind: ChangeKind;
  /** The block's type (after, or before when removed). */
  type: string;
  /** `type` and `label` when they changed. */
  fields: FieldChange[];
  /** Settings field by field (for an added or removed block: none; the whole block is the change). */
  settings: FieldChange[];
  outcomes: OutcomeChange[];
}

export interface VariableChange {
  name: string;
  kind: ChangeKind;
  fields: FieldChange[];
}

/** A note added, removed, or with its text, colour or block changed (never its place). */
export interface NoteChange {
  id: string;
  kind: ChangeKind;
  /** The note's text (after, or before when removed), for the reader to recognise it. */
  text: string;
  fields: FieldChange[];
}

export interface FlowDiff {
  blocks: BlockChange[];
  /** Notes are not behaviour: they never need a publish, yet a review shows them. */
  notes: NoteChange[];
  variables: VariableChange[];
  /** The agent popover's list, when it changed (an absent list is empty). */
  popover?: { before: string[]; after: string[] };
  /** The flow's own settings: name, description, type, start, module interface, format version. */
  flow: FieldChange[];
}

/** Top-level keys that are not behaviour (`layout`) or are reviewed unit by unit (the rest). */
const NOT_SETTINGS = new Set(['$schema', 'layout', 'blocks', 'variables', 'popover', 'notes']);

export function diffFlows(before: Flow, after: Flow): FlowDiff {
  const diff: FlowDiff = { blocks: [], notes: [], variables: [], flow: [] };
  for (const id of unionKeys(before.blocks, after.blocks)) {
    const change = diffBlock(id, before.blocks?.[id], after.blocks?.[id]);
    if (change) diff.blocks.push(change);
  }
  for (const name of unionKeys(before.variables, after.variables)) {
    const change = diffVariable(name, before.variables?.[name], after.variables?.[name]);
    if (change) diff.variables.push(change);
  }
  for (const id of unionKeys(before.notes, after.notes)) {
    const change = diffNote(id, before.notes?.[id], after.notes?.[id]);
    if (change) diff.notes.push(change);
  }
  const popoverBefore = before.popover ?? [];
  const popoverAfter = after.popover ?? [];
  if (!dequal(popoverBefore, popoverAfter)) diff.popover = { before: popoverBefore, after: popoverAfter };
  const settingKeys = unionKeys(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  );
  for (const key of settingKeys) {
    if (NOT_SETTINGS.has(key)) continue;
    fieldChanges(
      (before as unknown as Record<string, unknown>)[key],
      (after as unknown as Record<string, unknown>)[key],
      key,
      diff.flow,
    );
  }
  return diff;
}

/** True when nothing but layout differs (block and note positions). */
export function isEmptyDiff(diff: FlowDiff): boolean {
  return !changesBehaviour(diff) && diff.notes.length === 0;
}

/** True when calls would go differently: anything but layout and notes changed. */
export function changesBehaviour(diff: FlowDiff): boolean {
  return diff.blocks.length > 0 || diff.variables.length > 0 || !!diff.popover || diff.flow.length > 0;
}

/** What a reader compares in a note: its words, colour and block; where it sits is layout. */
const NOTE_FIELDS = ['text', 'color', 'block'] as const;

function diffNote(id: string, before: Note | undefined, after: Note | undefined): NoteChange | undefined {
  if (!before && !after) return undefined;
  const text = String((after ?? before)!.text ?? '');
  if (!before || !after) return { id, kind: after ? 'added' : 'removed', text, fields: [] };
  const fields: FieldChange[] = [];
  for (const key of NOTE_FIELDS) fieldChanges(before[key], after[key], key, fields);
  return fields.length === 0 ? undefined : { id, kind: 'changed', text, fields };
}

function diffBlock(id: string, before: Block | undefined, after: Block | undefined): BlockChange | undefined {
  if (!before && !after) return undefined;
  if (!before || !after) {
    const block = (after ?? before)!;
    return {
      id,
      kind: after ? 'added' : 'removed',
      type: block.type,
      fields: [],
      settings: [],
      outcomes: Object.entries(block.next ?? {}).map(([outcome, target]) =>
        after ? { outcome, after: target } : { outcome, before: target },
      ),
    };
  }
  const fields: FieldChange[] = [];
  fieldChanges(before.type, after.type, 'type', fields);
  fieldChanges(before.label, after.label, 'label', fields);
  const settings: FieldChange[] = [];
  fieldChanges(before.settings ?? {}, after.settings ?? {}, '', settings);
  const outcomes: OutcomeChange[] = [];
  for (const outcome of unionKeys(before.next, after.next)) {
    const from = before.next?.[outcome];
    const to = after.next?.[outcome];
    if (from === to) continue;
    const change: OutcomeChange = { outcome };
    if (from !== undefined) change.before = from;
    if (to !== undefined) change.after = to;
    outcomes.push(change);
  }
  if (fields.length + settings.length + outcomes.length === 0) return undefined;
  return { id, kind: 'changed', type: after.type, fields, settings, outcomes };
}

function diffVariable(
  name: string,
  before: VariableDeclaration | undefined,
  after: VariableDeclaration | undefined,
): VariableChange | undefined {
  if (dequal(before, after)) return undefined;
  if (!before || !after) return { name, kind: after ? 'added' : 'removed', fields: [] };
  const fields: FieldChange[] = [];
  fieldChanges(before, after, '', fields);
  return { name, kind: 'changed', fields };
}

/**
 * Appends the leaves that differ between two JSON values: objects key by key, arrays of the same
 * length item by item; anything else (a list that grew, a type that changed) as one change.
 */
function fieldChanges(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (dequal(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionKeys(before, after)) {
      fieldChanges(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    for (const [i, item] of before.entries()) fieldChanges(item, after[i], `${path}[${i}]`, out);
    return;
  }
  const change: FieldChange = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  out.push(change);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys of both, in the order of `before` then the new ones of `after` (document order). */
function unionKeys(before: object | undefined, after: object | undefined): string[] {
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
}
