/**
 * What changed between two versions of a flow, as an admin reviews it: blocks added, removed and
 * changed (settings field by field, outcomes rewired, label, type), variables, the popover and the
 * flow's own settings. Where blocks sit on the canvas (`layout`) is not a change of behaviour and is
 * left out, so a move-only edit diffs as nothing. Pure: the designer, the CLI (`callflow diff`) and a
 * pull-request comment all read the same answer.
 */
import { dequal } from 'dequal';
import type { Block, Flow, VariableDeclaration } from './flow.js';

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

export interface FlowDiff {
  blocks: BlockChange[];
  variables: VariableChange[];
  /** The agent popover's list, when it changed (an absent list is empty). */
  popover?: { before: string[]; after: string[] };
  /** The flow's own settings: name, description, type, start, module interface, format version. */
  flow: FieldChange[];
}

/** Top-level keys that are not behaviour (`layout`) or are reviewed unit by unit (the rest). */
const NOT_SETTINGS = new Set(['$schema', 'layout', 'blocks', 'variables', 'popover', 'notes']);

export function diffFlows(before: Flow, after: Flow): FlowDiff {
  const diff: FlowDiff = { blocks: [], variables: [], flow: [] };
  for (const id of unionKeys(before.blocks, after.blocks)) {
    const change = diffBlock(id, before.blocks?.[id], after.blocks?.[id]);
    if (change) diff.blocks.push(change);
  }
  for (const name of unionKeys(before.variables, after.variables)) {
    const change = diffVariable(name, before.variables?.[name], after.variables?.[name]);
    if (change) diff.variables.push(change);
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

/** True when the two versions behave the same (they may still differ in layout). */
export function isEmptyDiff(diff: FlowDiff): boolean {
  return diff.blocks.length === 0 && diff.variables.length === 0 && !diff.popover && diff.flow.length === 0;
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
